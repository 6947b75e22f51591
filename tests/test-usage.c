/* test-usage.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anonymous usage counts: what is kept (and what never is), the recorder that keeps
 * taps off the disk, the CSV files for the commune's report, and the reset.
 */

#include "config.h"

#include <string.h>

#include "kiosk-usage.h"
#include "kiosk-usage-recorder.h"
#include "kiosk-test-util.h"

static char *
store_path (const char *name)
{
  g_autofree char *dir = kiosk_test_mkdtemp (name);

  return g_build_filename (dir, "store.sqlite", NULL);
}

static KioskStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);

  g_assert_no_error (error);
  return store;
}

static GDateTime *
date (int month,
      int day,
      int hour)
{
  return g_date_time_new_local (2026, month, day, hour, 15, 0);
}

static void
add (KioskUsageBatch *batch,
     int              month,
     int              day,
     KioskUsageEvent  event,
     const char      *id)
{
  g_autoptr(GDateTime) when = date (month, day, 10);

  kiosk_usage_batch_add (batch, when, event, id);
}

static void
write_ok (KioskStore      *store,
          KioskUsageBatch *batch)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_usage_write (store, batch, &error));
  g_assert_no_error (error);
}

/* Two topics, one with a comma in its title, and an article. */
static void
insert_content (KioskStore *store)
{
  g_autoptr(GError) error = NULL;

  kiosk_store_exec (store,
                    "INSERT INTO topics VALUES ('injury', 'vn.test', 1, NULL,"
                    " 'Thương tích, tai nạn', 'Injuries', '', '');"
                    "INSERT INTO articles (rowid, id, source, topic, position) VALUES"
                    " (1, 'injury-drowning-home', 'vn.test', 'injury', 1);"
                    "INSERT INTO article_texts (article, lang, title, summary, tags, body) VALUES"
                    " (1, 'vi', 'Nước quanh nhà \"an toàn\"', '', '', ''),"
                    " (1, 'en', 'Water at home', '', '', '');",
                    &error);
  g_assert_no_error (error);
}

static void
test_batch_and_days (void)
{
  g_autofree char *path = store_path ("days");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autoptr(KioskUsageBatch) more = kiosk_usage_batch_new ();
  g_autoptr(GPtrArray) days = NULL;
  KioskUsageDay *day;

  g_assert_true (kiosk_usage_batch_is_empty (batch));
  add (batch, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 5, 2, KIOSK_USAGE_ARTICLE_VIEW, "injury-drowning-home");
  add (batch, 5, 2, KIOSK_USAGE_SEARCH, NULL);
  add (batch, 5, 2, KIOSK_USAGE_SEARCH, NULL);
  add (batch, 5, 2, KIOSK_USAGE_ZERO_RESULT_SEARCH, NULL);
  add (batch, 5, 1, KIOSK_USAGE_LEAFLET_PRINTED, NULL);
  g_assert_false (kiosk_usage_batch_is_empty (batch));
  write_ok (store, batch);

  /* A second write adds to the same day. */
  add (more, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "injury");
  write_ok (store, more);

  days = kiosk_usage_list_days (store, NULL);
  g_assert_cmpuint (days->len, ==, 2);
  day = days->pdata[0];
  g_assert_cmpstr (day->day, ==, "2026-05-01");
  g_assert_cmpuint (day->counts[KIOSK_USAGE_LEAFLET_PRINTED], ==, 1);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_TOPIC_VIEW], ==, 0);
  day = days->pdata[1];
  g_assert_cmpstr (day->day, ==, "2026-05-02");
  g_assert_cmpuint (day->counts[KIOSK_USAGE_TOPIC_VIEW], ==, 2);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_ARTICLE_VIEW], ==, 1);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_SEARCH], ==, 2);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_ZERO_RESULT_SEARCH], ==, 1);
}

/* Per topic and article the counts are per month, never per day. */
static void
test_items_by_month (void)
{
  g_autofree char *path = store_path ("items");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autoptr(GPtrArray) items = NULL;
  KioskUsageItem *item;

  add (batch, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 5, 30, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 6, 1, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 6, 1, KIOSK_USAGE_ARTICLE_VIEW, "online-scams");
  add (batch, 6, 1, KIOSK_USAGE_SEARCH, "not kept");
  write_ok (store, batch);

  items = kiosk_usage_list_items (store, NULL);
  g_assert_cmpuint (items->len, ==, 3);
  item = items->pdata[0];
  g_assert_cmpstr (item->month, ==, "2026-05");
  g_assert_cmpstr (item->kind, ==, "topic");
  g_assert_cmpstr (item->id, ==, "injury");
  g_assert_cmpuint (item->views, ==, 2);
  item = items->pdata[1];
  g_assert_cmpstr (item->month, ==, "2026-06");
  g_assert_cmpstr (item->kind, ==, "topic");
  item = items->pdata[2];
  g_assert_cmpstr (item->kind, ==, "article");
  g_assert_cmpstr (item->id, ==, "online-scams");
}

static char *
column_names (KioskStore *store,
              const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  GString *names = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (kiosk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s%s", names->len ? "," : "",
                            (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  return g_string_free (names, FALSE);
}

/* The tables have room for counts and ids of content, nothing a visitor typed or
 * anything about when in the day or who. A new column here must be a decision. */
static void
test_nothing_personal (void)
{
  g_autofree char *path = store_path ("columns");
  g_autoptr(KioskStore) store = open_store (path);
  g_autofree char *days = column_names (store, "usage_days");
  g_autofree char *items = column_names (store, "usage_items");

  g_assert_cmpstr (days, ==,
                   "day,topic_views,article_views,searches,zero_result_searches,leaflets_printed");
  g_assert_cmpstr (items, ==, "month,kind,id,views");
}

static void
test_daily_csv (void)
{
  g_autofree char *path = store_path ("csv");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autofree char *empty = kiosk_usage_daily_csv (store, NULL);
  g_autofree char *csv = NULL;

  g_assert_cmpstr (empty, ==,
                   "date,topic_views,article_views,searches,zero_result_searches,"
                   "leaflets_printed\r\n");

  add (batch, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "online");
  add (batch, 5, 2, KIOSK_USAGE_ARTICLE_VIEW, "online-scams");
  add (batch, 5, 2, KIOSK_USAGE_SEARCH, NULL);
  add (batch, 5, 2, KIOSK_USAGE_ZERO_RESULT_SEARCH, NULL);
  add (batch, 5, 3, KIOSK_USAGE_LEAFLET_PRINTED, NULL);
  add (batch, 5, 3, KIOSK_USAGE_LEAFLET_PRINTED, NULL);
  write_ok (store, batch);

  csv = kiosk_usage_daily_csv (store, NULL);
  g_assert_cmpstr (csv, ==,
                   "date,topic_views,article_views,searches,zero_result_searches,"
                   "leaflets_printed\r\n"
                   "2026-05-02,2,1,1,1,0\r\n"
                   "2026-05-03,0,0,0,0,2\r\n");
}

static void
test_items_csv (void)
{
  g_autofree char *path = store_path ("items-csv");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autofree char *csv = NULL;

  insert_content (store);
  add (batch, 5, 2, KIOSK_USAGE_TOPIC_VIEW, "injury");
  add (batch, 5, 2, KIOSK_USAGE_ARTICLE_VIEW, "injury-drowning-home");
  add (batch, 5, 4, KIOSK_USAGE_ARTICLE_VIEW, "injury-drowning-home");
  add (batch, 5, 4, KIOSK_USAGE_ARTICLE_VIEW, "gone-article");
  write_ok (store, batch);

  csv = kiosk_usage_items_csv (store, NULL);
  g_assert_cmpstr (csv, ==,
                   "\xEF\xBB\xBF" "month,kind,id,title,views\r\n"
                   "2026-05,article,injury-drowning-home,\"Nước quanh nhà \"\"an toàn\"\"\",2\r\n"
                   "2026-05,topic,injury,\"Thương tích, tai nạn\",1\r\n"
                   "2026-05,article,gone-article,,1\r\n");
}

static void
test_export_and_reset (void)
{
  g_autofree char *path = store_path ("export");
  g_autofree char *folder_path = kiosk_test_mkdtemp ("usb-stick");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *daily_path = NULL;
  g_autofree char *items_path = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) items = NULL;

  add (batch, 5, 2, KIOSK_USAGE_ARTICLE_VIEW, "online-scams");
  write_ok (store, batch);
  name = kiosk_usage_export (store, folder, "2026-05-31", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "goc-tre-em-usage-2026-05-31.csv");

  daily_path = g_build_filename (folder_path, name, NULL);
  items_path = g_build_filename (folder_path, "goc-tre-em-usage-by-article-2026-05-31.csv", NULL);
  g_assert_true (g_file_get_contents (daily_path, &daily, NULL, NULL));
  g_assert_true (g_str_has_suffix (daily, "2026-05-02,0,1,0,0,0\r\n"));
  g_assert_true (g_file_test (items_path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (kiosk_usage_reset (store, &error));
  g_assert_no_error (error);
  after = kiosk_usage_daily_csv (store, NULL);
  g_assert_cmpuint (strlen (after), ==, strlen ("date,topic_views,article_views,searches,"
                                                "zero_result_searches,leaflets_printed\r\n"));
  items = kiosk_usage_list_items (store, NULL);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_export_fails_in_words (void)
{
  g_autofree char *path = store_path ("export-fails");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(GFile) folder = g_file_new_for_path ("/nonexistent/stick");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kiosk_usage_export (store, folder, "2026-05-31", &error);

  g_assert_null (name);
  g_assert_error (error, KIOSK_USAGE_ERROR, KIOSK_USAGE_ERROR_EXPORT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/stick"));
}

/* ---- the recorder ---- */

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_usage_recorder_flush_finish (KIOSK_USAGE_RECORDER (source), result,
                                                    &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static guint
today_count (KioskStore      *store,
             KioskUsageEvent  event)
{
  g_autoptr(GPtrArray) days = kiosk_usage_list_days (store, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < days->len; i++)
    {
      KioskUsageDay *day = days->pdata[i];

      if (g_str_equal (day->day, today))
        return day->counts[event];
    }
  return 0;
}

static void
test_recorder (void)
{
  g_autofree char *path = store_path ("recorder");
  g_autoptr(KioskStore) store = open_store (path);
  KioskUsageRecorder *recorder = kiosk_usage_recorder_new (path);
  gboolean done = FALSE;

  kiosk_usage_recorder_add (recorder, KIOSK_USAGE_TOPIC_VIEW, "injury");
  kiosk_usage_recorder_add_search (recorder, 3);
  kiosk_usage_recorder_add_search (recorder, 0);
  /* Nothing is written until the flush. */
  g_assert_cmpuint (today_count (store, KIOSK_USAGE_TOPIC_VIEW), ==, 0);

  kiosk_usage_recorder_flush_async (recorder, NULL, flushed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The worker drops its reference to the task just after the callback. */
  while (G_OBJECT (recorder)->ref_count > 1)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (today_count (store, KIOSK_USAGE_TOPIC_VIEW), ==, 1);
  g_assert_cmpuint (today_count (store, KIOSK_USAGE_SEARCH), ==, 2);
  g_assert_cmpuint (today_count (store, KIOSK_USAGE_ZERO_RESULT_SEARCH), ==, 1);

  /* What is left is written when the app goes. */
  kiosk_usage_recorder_add (recorder, KIOSK_USAGE_LEAFLET_PRINTED, NULL);
  g_assert_finalize_object (recorder);
  g_assert_cmpuint (today_count (store, KIOSK_USAGE_LEAFLET_PRINTED), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/usage/batch-and-days", test_batch_and_days);
  g_test_add_func ("/kiosk/usage/items-by-month", test_items_by_month);
  g_test_add_func ("/kiosk/usage/nothing-personal", test_nothing_personal);
  g_test_add_func ("/kiosk/usage/daily-csv", test_daily_csv);
  g_test_add_func ("/kiosk/usage/items-csv", test_items_csv);
  g_test_add_func ("/kiosk/usage/export-and-reset", test_export_and_reset);
  g_test_add_func ("/kiosk/usage/export-fails-in-words", test_export_fails_in_words);
  g_test_add_func ("/kiosk/usage/recorder", test_recorder);

  return g_test_run ();
}
