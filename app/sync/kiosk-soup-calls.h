/* kiosk-soup-calls.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the files that call libsoup, after every other include: its functions by their
 * own names, through the table kiosk-soup.c opens (kiosk_soup_get() must have
 * succeeded first, as it has once a sync client has a session). Not SOUP_SESSION() or
 * SOUP_IS_SESSION(): libsoup's header defines them inline, calling the real
 * soup_session_get_type().
 */

#pragma once

#include "kiosk-soup.h"

#define soup_content_decoder_get_type KIOSK_SOUP (soup_content_decoder_get_type)
#define soup_date_time_new_from_http_string KIOSK_SOUP (soup_date_time_new_from_http_string)
#define soup_message_add_flags KIOSK_SOUP (soup_message_add_flags)
#define soup_message_get_request_headers KIOSK_SOUP (soup_message_get_request_headers)
#define soup_message_get_response_headers KIOSK_SOUP (soup_message_get_response_headers)
#define soup_message_get_status KIOSK_SOUP (soup_message_get_status)
#define soup_message_get_tls_peer_certificate_errors \
  KIOSK_SOUP (soup_message_get_tls_peer_certificate_errors)
#define soup_message_headers_get_content_length \
  KIOSK_SOUP (soup_message_headers_get_content_length)
#define soup_message_headers_get_encoding KIOSK_SOUP (soup_message_headers_get_encoding)
#define soup_message_headers_get_one KIOSK_SOUP (soup_message_headers_get_one)
#define soup_message_headers_replace KIOSK_SOUP (soup_message_headers_replace)
#define soup_message_new_from_uri KIOSK_SOUP (soup_message_new_from_uri)
#define soup_session_get_type KIOSK_SOUP (soup_session_get_type)
#define soup_session_new_with_options KIOSK_SOUP (soup_session_new_with_options)
#define soup_session_remove_feature_by_type KIOSK_SOUP (soup_session_remove_feature_by_type)
#define soup_session_send_async KIOSK_SOUP (soup_session_send_async)
#define soup_session_send_finish KIOSK_SOUP (soup_session_send_finish)
#define soup_session_set_proxy_resolver KIOSK_SOUP (soup_session_set_proxy_resolver)
#define soup_session_set_timeout KIOSK_SOUP (soup_session_set_timeout)
