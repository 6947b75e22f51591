/* kiosk-usage-recorder.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-usage.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_USAGE_RECORDER (kiosk_usage_recorder_get_type ())
G_DECLARE_FINAL_TYPE (KioskUsageRecorder, kiosk_usage_recorder, KIOSK, USAGE_RECORDER, GObject)

/* Counts what visitors do in memory and writes the counts to the store at
 * @store_path a minute later, in a worker thread, so a tap never waits for the disk;
 * the rest is written when the recorder goes away. */
KioskUsageRecorder *kiosk_usage_recorder_new          (const char          *store_path);

void                kiosk_usage_recorder_add          (KioskUsageRecorder  *self,
                                                       KioskUsageEvent      event,
                                                       const char          *item_id);
/* A search whose results were shown: counts it, and as zero-result when none. */
void                kiosk_usage_recorder_add_search   (KioskUsageRecorder  *self,
                                                       guint                n_results);

/* Writes what is counted so far (the console does before it shows the counts). */
void                kiosk_usage_recorder_flush_async  (KioskUsageRecorder  *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            kiosk_usage_recorder_flush_finish (KioskUsageRecorder  *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
