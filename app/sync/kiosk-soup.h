/* kiosk-soup.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The libsoup functions sync uses. libsoup is opened when the first sync client is
 * made, after the first frame, rather than linked: it brings Kerberos, libpsl and
 * nghttp2 with it, about 6 ms of every start. kiosk-soup-calls.h lets the sync code
 * call them by their own names. */
#define KIOSK_SOUP_FUNCTIONS(F) \
  F (soup_content_decoder_get_type) F (soup_date_time_new_from_http_string) \
  F (soup_message_add_flags) F (soup_message_get_request_headers) \
  F (soup_message_get_response_headers) F (soup_message_get_status) \
  F (soup_message_get_tls_peer_certificate_errors) F (soup_message_headers_get_content_length) \
  F (soup_message_headers_get_encoding) F (soup_message_headers_get_one) \
  F (soup_message_headers_replace) F (soup_message_new_from_uri) \
  F (soup_session_get_type) F (soup_session_new_with_options) \
  F (soup_session_remove_feature_by_type) F (soup_session_send_async) \
  F (soup_session_send_finish) F (soup_session_set_proxy_resolver) \
  F (soup_session_set_timeout)

typedef struct {
#define KIOSK_SOUP_FIELD(name) __typeof__ (name) *name;
  KIOSK_SOUP_FUNCTIONS (KIOSK_SOUP_FIELD)
#undef KIOSK_SOUP_FIELD
} KioskSoup;

/* The functions, loaded once for the process; NULL and an error (in the
 * KIOSK_SYNC_ERROR domain) when libsoup cannot be opened. */
const KioskSoup *kiosk_soup_get (GError **error);

/* Only once kiosk_soup_get() has succeeded: a sync client exists. */
#define KIOSK_SOUP(name) (kiosk_soup_get (NULL)->name)

G_END_DECLS
