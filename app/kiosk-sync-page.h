/* kiosk-sync-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"
#include "sync/kiosk-sync-scheduler.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SYNC_PAGE (kiosk_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskSyncPage, kiosk_sync_page, KIOSK, SYNC_PAGE, GtkWidget)

/* The admin's sync screen: when content last came in, the sources (each but the bundled
 * one with Turn off and Remove), a form to add one, a progress bar with Cancel while a
 * sync runs, "Sync now", and the last 50 syncs. Reads @store (a reader connection) and
 * writes on its own writer connections in worker threads; starts and stops syncs
 * through @scheduler. Emits ::content-changed after a source's content was removed. */
GtkWidget *kiosk_sync_page_new     (KioskStore         *store,
                                    KioskSyncScheduler *scheduler);
void       kiosk_sync_page_refresh (KioskSyncPage      *self);

G_END_DECLS
