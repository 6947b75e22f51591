/* kiosk-usage-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"
#include "kiosk-usage-recorder.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_USAGE_PAGE (kiosk_usage_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskUsagePage, kiosk_usage_page, KIOSK, USAGE_PAGE, GtkWidget)

/* The console's usage counts: the last days' counts from @store (after @recorder
 * wrote what it held), saved as CSV files on a stick (usage.export) or deleted
 * (usage.reset, then usage.confirm-reset or usage.cancel-reset). */
GtkWidget  *kiosk_usage_page_new        (KioskStore         *store,
                                         KioskUsageRecorder *recorder);
void        kiosk_usage_page_refresh    (KioskUsagePage     *self);
/* What usage.export does once a folder is chosen. */
void        kiosk_usage_page_export_to  (KioskUsagePage     *self,
                                         GFile              *folder);
const char *kiosk_usage_page_get_status (KioskUsagePage     *self);
gboolean    kiosk_usage_page_is_busy    (KioskUsagePage     *self);
/* Days in the table. */
guint       kiosk_usage_page_get_n_days (KioskUsagePage     *self);

G_END_DECLS
