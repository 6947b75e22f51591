/* kiosk-sync-scheduler.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-settings.h"
#include "kiosk-sync-client.h"

G_BEGIN_DECLS

/* The longest a kiosk waits between attempts, whatever failed or a server asked. */
#define KIOSK_SYNC_MAX_DELAY (6 * 60 * 60)

#define KIOSK_TYPE_SYNC_SCHEDULER (kiosk_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (KioskSyncScheduler, kiosk_sync_scheduler, KIOSK, SYNC_SCHEDULER, GObject)

/* Decides when the kiosk syncs every enabled source of the store at @store_path: at
 * start, every sync-interval minutes of @settings with jitter, soon after the network
 * changes, and on demand; after failures it backs off up to six hours, never sooner
 * than a server's Retry-After. @settings may be NULL (the interval property rules). */
KioskSyncScheduler *kiosk_sync_scheduler_new        (const char         *store_path,
                                                     KioskSettings      *settings);
KioskSyncClient    *kiosk_sync_scheduler_get_client (KioskSyncScheduler *self);

void                kiosk_sync_scheduler_start      (KioskSyncScheduler *self);
/* Starts a sync of every enabled source now, unless one is running. */
void                kiosk_sync_scheduler_sync_now   (KioskSyncScheduler *self);
void                kiosk_sync_scheduler_cancel     (KioskSyncScheduler *self);

gboolean            kiosk_sync_scheduler_get_running  (KioskSyncScheduler *self);
/* Unix seconds of the next planned attempt, 0 when none is planned. */
gint64              kiosk_sync_scheduler_get_next_run (KioskSyncScheduler *self);
guint               kiosk_sync_scheduler_get_failures (KioskSyncScheduler *self);
/* One sentence on how the last run went and when the next is. */
const char         *kiosk_sync_scheduler_get_status   (KioskSyncScheduler *self);

/* Seconds to wait: @interval ± 10 % when all went well; after @failures in a row,
 * 1, 2, 4 … minutes (± 25 %), at least @retry_after, at most six hours. @random is in
 * [0, 1). */
guint               kiosk_sync_scheduler_compute_delay (guint  interval,
                                                        guint  failures,
                                                        guint  retry_after,
                                                        double random);

/* "at 14:30", "tomorrow at 06:10" … for messages. */
char               *kiosk_sync_format_time           (gint64 unix_time,
                                                      gint64 now);
/* "5 minutes ago", "yesterday at 09:12", "never" … */
char               *kiosk_sync_format_ago            (gint64 unix_time,
                                                      gint64 now);

G_END_DECLS
