/* kiosk-sync-error.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIOSK_SYNC_ERROR (kiosk_sync_error_quark ())

/* Every way a sync can fail before the importer has its say; each has its own
 * sentence saying what happened and what to do. Refusals of the content itself keep
 * their KIOSK_IMPORT_ERROR codes. */
typedef enum {
  KIOSK_SYNC_ERROR_NO_CONNECTION,
  KIOSK_SYNC_ERROR_TLS,
  KIOSK_SYNC_ERROR_CLOCK,
  KIOSK_SYNC_ERROR_TIMEOUT,
  KIOSK_SYNC_ERROR_TOO_SLOW,
  KIOSK_SYNC_ERROR_NOT_FOUND,
  KIOSK_SYNC_ERROR_OBJECT_NOT_FOUND,
  KIOSK_SYNC_ERROR_BUSY,
  KIOSK_SYNC_ERROR_SERVER,
  KIOSK_SYNC_ERROR_REFUSED,
  KIOSK_SYNC_ERROR_REDIRECT,
  KIOSK_SYNC_ERROR_TOO_LARGE,
  KIOSK_SYNC_ERROR_TRUNCATED,
  KIOSK_SYNC_ERROR_OBJECT_HASH,
  KIOSK_SYNC_ERROR_WRONG_SOURCE,
  KIOSK_SYNC_ERROR_NO_KEYS,
  KIOSK_SYNC_ERROR_DISABLED,
  KIOSK_SYNC_ERROR_NO_SOURCES,
  KIOSK_SYNC_ERROR_DISK,
} KioskSyncError;

GQuark kiosk_sync_error_quark (void);

G_END_DECLS
