/* kiosk-usage.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_USAGE_ERROR (kiosk_usage_error_quark ())

typedef enum {
  KIOSK_USAGE_ERROR_EXPORT,
} KioskUsageError;

/* What is counted. Nothing else is: no time of day, no order of pages, no search
 * text, nothing about who. */
typedef enum {
  KIOSK_USAGE_TOPIC_VIEW,
  KIOSK_USAGE_ARTICLE_VIEW,
  KIOSK_USAGE_SEARCH,
  KIOSK_USAGE_ZERO_RESULT_SEARCH,
  KIOSK_USAGE_LEAFLET_PRINTED,
  KIOSK_USAGE_N_EVENTS
} KioskUsageEvent;

/* One day's totals. */
typedef struct {
  char  *day;                            /* YYYY-MM-DD, the kiosk's local date */
  guint  counts[KIOSK_USAGE_N_EVENTS];
} KioskUsageDay;

/* Views of one topic or article in one month: whole months, so a quiet day's single
 * visitor cannot be matched to what they read. */
typedef struct {
  char  *month;                          /* YYYY-MM */
  char  *kind;                           /* "topic" or "article" */
  char  *id;
  guint  views;
} KioskUsageItem;

/* Counts not written yet. */
typedef struct _KioskUsageBatch KioskUsageBatch;

GQuark           kiosk_usage_error_quark  (void);
const char      *kiosk_usage_event_column (KioskUsageEvent  event);

KioskUsageBatch *kiosk_usage_batch_new    (void);
void             kiosk_usage_batch_merge  (KioskUsageBatch *into,
                                           KioskUsageBatch *from);
void             kiosk_usage_batch_free   (KioskUsageBatch *batch);
/* Counts @event on @when's date; @item_id names the topic or article for views. */
void             kiosk_usage_batch_add    (KioskUsageBatch *batch,
                                           GDateTime       *when,
                                           KioskUsageEvent  event,
                                           const char      *item_id);
gboolean         kiosk_usage_batch_is_empty (KioskUsageBatch *batch);

/* Adds @batch to the stored counts in one transaction. */
gboolean         kiosk_usage_write        (KioskStore      *store,
                                           KioskUsageBatch *batch,
                                           GError         **error);
/* Oldest day first. */
GPtrArray       *kiosk_usage_list_days    (KioskStore      *store,
                                           GError         **error);
/* Oldest month first, then the most viewed. */
GPtrArray       *kiosk_usage_list_items   (KioskStore      *store,
                                           GError         **error);
gboolean         kiosk_usage_reset        (KioskStore      *store,
                                           GError         **error);

/* date,topic_views,article_views,searches,zero_result_searches,leaflets_printed */
char            *kiosk_usage_daily_csv    (KioskStore      *store,
                                           GError         **error);
/* month,kind,id,title,views, with the Vietnamese title (UTF-8 with a byte order
 * mark, which spreadsheets need to show Vietnamese marks). */
char            *kiosk_usage_items_csv    (KioskStore      *store,
                                           GError         **error);
/* Writes both files into @folder, named with @date (YYYY-MM-DD); returns the daily
 * file's name. */
char            *kiosk_usage_export       (KioskStore      *store,
                                           GFile           *folder,
                                           const char      *date,
                                           GError         **error);

void             kiosk_usage_day_free     (KioskUsageDay   *day);
void             kiosk_usage_item_free    (KioskUsageItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskUsageBatch, kiosk_usage_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskUsageDay, kiosk_usage_day_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskUsageItem, kiosk_usage_item_free)

G_END_DECLS
