/* kiosk-sync-fetch.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What one download may cost: an overall deadline, a minimum throughput measured over
 * each window (libsoup's own timeout does not stop a server that trickles bytes), and
 * where redirects may lead. */
typedef struct {
  guint               deadline_ms;
  guint               window_ms;
  guint               min_bytes_per_second;
  guint               max_redirects;
  const char * const *allowed_hosts;
} KioskFetchLimits;

typedef struct {
  guint    status;        /* the final HTTP status; the body is read only for 200 */
  GBytes  *body;          /* for a download to memory */
  char    *etag;
  guint64  bytes;         /* body bytes received */
  guint    requests;      /* including redirects */
  guint    retry_after;   /* seconds, from a 429 or 503 */
} KioskFetchResult;

typedef void (*KioskFetchProgress) (gsize    n_bytes,
                                    gpointer user_data);

/* GETs @uri. With @dest, streams the body into @dest.part while hashing it, caps it at
 * @size, checks it against @sha256 and only then renames it to @dest; without, keeps
 * at most @size bytes in memory. @etag, if any, is sent as If-None-Match. @label names
 * the download in messages for people. */
void              kiosk_fetch_async        (SoupSession             *session,
                                            GUri                    *uri,
                                            const char              *etag,
                                            gint64                   size,
                                            const char              *sha256,
                                            GFile                   *dest,
                                            const char              *label,
                                            const KioskFetchLimits  *limits,
                                            KioskFetchProgress       progress,
                                            gpointer                 progress_data,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
KioskFetchResult *kiosk_fetch_finish       (GAsyncResult            *result,
                                            GError                 **error);
void              kiosk_fetch_result_free  (KioskFetchResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskFetchResult, kiosk_fetch_result_free)

G_END_DECLS
