/* kiosk-test-server.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A static file server inside the test process that misbehaves on demand, in every way
 * a broken or hostile server or network can.
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum {
  KIOSK_FAULT_NONE,
  KIOSK_FAULT_404,
  KIOSK_FAULT_500,
  KIOSK_FAULT_503,              /* with Retry-After: 120 */
  KIOSK_FAULT_GARBAGE,          /* 200 with bytes that are no repository file */
  KIOSK_FAULT_TRUNCATE,         /* Content-Length promises more than is sent */
  KIOSK_FAULT_RESET,            /* the connection is reset in the middle of the body */
  KIOSK_FAULT_WRONG_BYTES,      /* the right length, other bytes */
  KIOSK_FAULT_ENDLESS,          /* a chunked body that never ends */
  KIOSK_FAULT_TRICKLE,          /* one byte a second */
  KIOSK_FAULT_STEADY,           /* 16 bytes every 100 ms: alive, but slow overall */
  KIOSK_FAULT_REDIRECT_HOST,    /* 302 to the same path on "localhost" */
  KIOSK_FAULT_REDIRECT_SCHEME,  /* 302 to the same path over https */
  KIOSK_FAULT_REDIRECT_SAME,    /* 302 to /moved/<path> on the same host (allowed) */
} KioskFault;

typedef struct _KioskTestServer KioskTestServer;

/* Serves the files under @root on 127.0.0.1 with ETag / If-None-Match. */
KioskTestServer *kiosk_test_server_new        (const char      *root);
void             kiosk_test_server_free       (KioskTestServer *server);
/* "http://127.0.0.1:<port>/" */
const char      *kiosk_test_server_get_url    (KioskTestServer *server);
guint            kiosk_test_server_get_port   (KioskTestServer *server);

/* @path is relative to the root, or "*.signed" for every signed file. */
void             kiosk_test_server_set_fault  (KioskTestServer *server,
                                               const char      *path,
                                               KioskFault       fault);
void             kiosk_test_server_clear      (KioskTestServer *server);
/* Every response to an object waits this long first (to make requests overlap). */
void             kiosk_test_server_set_delay  (KioskTestServer *server,
                                               guint            delay_ms);

guint            kiosk_test_server_get_hits   (KioskTestServer *server,
                                               const char      *path);
guint            kiosk_test_server_get_requests (KioskTestServer *server);
guint            kiosk_test_server_get_max_in_flight (KioskTestServer *server);
void             kiosk_test_server_reset_counts (KioskTestServer *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestServer, kiosk_test_server_free)

G_END_DECLS
