/* kiosk-sync-client.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-sync-error.h"

G_BEGIN_DECLS

typedef enum {
  KIOSK_SYNC_PHASE_CHECKING,
  KIOSK_SYNC_PHASE_DOWNLOADING,
  KIOSK_SYNC_PHASE_APPLYING,
} KioskSyncPhase;

/* What a download may cost; see docs/repository-format.md, "Sync". */
typedef struct {
  guint deadline_ms;           /* each download, from request to last byte */
  guint window_ms;             /* the throughput watchdog's window */
  guint min_bytes_per_second;  /* below this over a window, a download is stopped */
  guint io_timeout_s;          /* libsoup's own timeout on a silent connection */
  guint max_parallel;          /* objects in flight at once */
  guint max_redirects;
} KioskSyncLimits;

/* How one source's sync went, whether it succeeded or not. */
typedef struct {
  char     *source;
  gboolean  up_to_date;
  gboolean  from_changes;      /* applied through a changes file, not the full manifest */
  gint64    old_version;
  gint64    new_version;
  guint     articles_added;
  guint     articles_updated;
  guint     articles_removed;
  guint     objects_fetched;
  guint64   bytes_fetched;     /* body bytes of every response */
  guint     requests;
  guint     retry_after;       /* seconds the server asked the kiosk to wait, or 0 */
  char     *message;           /* what happened, for people */
} KioskSyncReport;

#define KIOSK_TYPE_SYNC_CLIENT (kiosk_sync_client_get_type ())
G_DECLARE_FINAL_TYPE (KioskSyncClient, kiosk_sync_client, KIOSK, SYNC_CLIENT, GObject)

KioskSyncClient *kiosk_sync_client_new               (void);
void             kiosk_sync_client_set_proxy         (KioskSyncClient        *self,
                                                      const char             *proxy);
void             kiosk_sync_client_get_limits        (KioskSyncClient        *self,
                                                      KioskSyncLimits        *limits);
void             kiosk_sync_client_set_limits        (KioskSyncClient        *self,
                                                      const KioskSyncLimits  *limits);
void             kiosk_sync_client_set_allowed_hosts (KioskSyncClient        *self,
                                                      const char * const     *hosts);

/* Syncs the source @source_id of the store at @store_path: every store access runs
 * in a worker thread on its own connection, the HTTP work on the calling thread's
 * main context. */
void             kiosk_sync_client_sync_async        (KioskSyncClient        *self,
                                                      const char             *store_path,
                                                      const char             *source_id,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
/* @report, if not NULL, receives the report also when the sync failed. */
gboolean         kiosk_sync_client_sync_finish       (KioskSyncClient        *self,
                                                      GAsyncResult           *result,
                                                      KioskSyncReport       **report,
                                                      GError                **error);

void             kiosk_sync_report_free              (KioskSyncReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSyncReport, kiosk_sync_report_free)

G_END_DECLS
