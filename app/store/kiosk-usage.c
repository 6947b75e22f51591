/* kiosk-usage.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anonymous usage counts for the commune's report: totals per day, views per topic
 * and article per month, and their CSV export.
 */

#define G_LOG_DOMAIN "kiosk-usage"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-store-private.h"
#include "kiosk-usage.h"

G_DEFINE_QUARK (kiosk-usage-error-quark, kiosk_usage_error)

/* The CSV's columns are the table's, in this order. */
static const char *const columns[KIOSK_USAGE_N_EVENTS] = {
  "topic_views",
  "article_views",
  "searches",
  "zero_result_searches",
  "leaflets_printed",
};

struct _KioskUsageBatch
{
  GHashTable *days;    /* "YYYY-MM-DD" → guint[KIOSK_USAGE_N_EVENTS] */
  GHashTable *items;   /* "YYYY-MM\tkind\tid" → count in a pointer */
};

const char *
kiosk_usage_event_column (KioskUsageEvent event)
{
  g_return_val_if_fail (event < KIOSK_USAGE_N_EVENTS, NULL);
  return columns[event];
}

KioskUsageBatch *
kiosk_usage_batch_new (void)
{
  KioskUsageBatch *batch = g_new0 (KioskUsageBatch, 1);

  batch->days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  batch->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return batch;
}

/* Adds @from's counts to @into. */
void
kiosk_usage_batch_merge (KioskUsageBatch *into,
                         KioskUsageBatch *from)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (into != NULL && from != NULL);

  g_hash_table_iter_init (&iter, from->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint *counts = g_hash_table_lookup (into->days, key);

      if (counts == NULL)
        {
          counts = g_new0 (guint, KIOSK_USAGE_N_EVENTS);
          g_hash_table_insert (into->days, g_strdup (key), counts);
        }
      for (int i = 0; i < KIOSK_USAGE_N_EVENTS; i++)
        counts[i] += ((const guint *) value)[i];
    }
  g_hash_table_iter_init (&iter, from->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (into->items, key));

      g_hash_table_insert (into->items, g_strdup (key),
                           GUINT_TO_POINTER (count + GPOINTER_TO_UINT (value)));
    }
}

void
kiosk_usage_batch_free (KioskUsageBatch *batch)
{
  if (batch == NULL)
    return;
  g_hash_table_unref (batch->days);
  g_hash_table_unref (batch->items);
  g_free (batch);
}

gboolean
kiosk_usage_batch_is_empty (KioskUsageBatch *batch)
{
  g_return_val_if_fail (batch != NULL, TRUE);
  return g_hash_table_size (batch->days) == 0;
}

static void
add_item (KioskUsageBatch *batch,
          GDateTime       *when,
          const char      *kind,
          const char      *id)
{
  g_autofree char *month = g_date_time_format (when, "%Y-%m");
  char *key = g_strdup_printf ("%s\t%s\t%s", month, kind, id);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (batch->items, key));

  g_hash_table_insert (batch->items, key, GUINT_TO_POINTER (count + 1));
}

void
kiosk_usage_batch_add (KioskUsageBatch *batch,
                       GDateTime       *when,
                       KioskUsageEvent  event,
                       const char      *item_id)
{
  g_autofree char *day = NULL;
  guint *counts;

  g_return_if_fail (batch != NULL);
  g_return_if_fail (when != NULL);
  g_return_if_fail (event < KIOSK_USAGE_N_EVENTS);

  day = g_date_time_format (when, "%Y-%m-%d");
  counts = g_hash_table_lookup (batch->days, day);
  if (counts == NULL)
    {
      counts = g_new0 (guint, KIOSK_USAGE_N_EVENTS);
      g_hash_table_insert (batch->days, g_steal_pointer (&day), counts);
    }
  counts[event]++;

  if (item_id != NULL && event == KIOSK_USAGE_TOPIC_VIEW)
    add_item (batch, when, "topic", item_id);
  else if (item_id != NULL && event == KIOSK_USAGE_ARTICLE_VIEW)
    add_item (batch, when, "article", item_id);
}

static gboolean
step_and_reset (KioskStore    *store,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kiosk_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
write_days (KioskStore       *store,
            KioskUsageBatch  *batch,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  stmt = kiosk_store_prepare (store,
                              "INSERT INTO usage_days (day, topic_views, article_views, searches,"
                              " zero_result_searches, leaflets_printed) VALUES (?1, ?2, ?3, ?4, "
                              "?5, ?6)"
                              " ON CONFLICT (day) DO UPDATE SET"
                              " topic_views = topic_views + excluded.topic_views,"
                              " article_views = article_views + excluded.article_views,"
                              " searches = searches + excluded.searches,"
                              " zero_result_searches = zero_result_searches + "
                              "excluded.zero_result_searches,"
                              " leaflets_printed = leaflets_printed + excluded.leaflets_printed",
                              error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, batch->days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const guint *counts = value;

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      for (int i = 0; i < KIOSK_USAGE_N_EVENTS; i++)
        sqlite3_bind_int64 (stmt, 2 + i, counts[i]);
      if (!step_and_reset (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_items (KioskStore       *store,
             KioskUsageBatch  *batch,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;

  stmt = kiosk_store_prepare (store,
                              "INSERT INTO usage_items (month, kind, id, views) VALUES (?1, ?2, "
                              "?3, ?4)"
                              " ON CONFLICT (month, kind, id) DO UPDATE SET views = views + "
                              "excluded.views",
                              error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, batch->items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\t", 3);

      for (int i = 0; i < 3; i++)
        sqlite3_bind_text (stmt, 1 + i, parts[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, GPOINTER_TO_UINT (value));
      if (!step_and_reset (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
kiosk_usage_write (KioskStore       *store,
                   KioskUsageBatch  *batch,
                   GError          **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (kiosk_usage_batch_is_empty (batch))
    return TRUE;
  if (!kiosk_store_begin_write (store, error))
    return FALSE;
  if (!write_days (store, batch, error) || !write_items (store, batch, error) ||
      !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

static gpointer
day_from_row (sqlite3_stmt *stmt)
{
  KioskUsageDay *day = g_new0 (KioskUsageDay, 1);

  day->day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  for (int i = 0; i < KIOSK_USAGE_N_EVENTS; i++)
    day->counts[i] = sqlite3_column_int (stmt, 1 + i);
  return day;
}

GPtrArray *
kiosk_usage_list_days (KioskStore  *store,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  stmt = kiosk_store_prepare (store,
                              "SELECT day, topic_views, article_views, searches, "
                              "zero_result_searches,"
                              " leaflets_printed FROM usage_days ORDER BY day",
                              error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (store, stmt, day_from_row,
                                   (GDestroyNotify) kiosk_usage_day_free, error);
}

static gpointer
item_from_row (sqlite3_stmt *stmt)
{
  KioskUsageItem *item = g_new0 (KioskUsageItem, 1);

  item->month = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  item->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  item->id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  item->views = sqlite3_column_int (stmt, 3);
  return item;
}

GPtrArray *
kiosk_usage_list_items (KioskStore  *store,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  stmt = kiosk_store_prepare (store,
                              "SELECT month, kind, id, views FROM usage_items"
                              " ORDER BY month, views DESC, kind DESC, id",
                              error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (store, stmt, item_from_row,
                                   (GDestroyNotify) kiosk_usage_item_free, error);
}

gboolean
kiosk_usage_reset (KioskStore  *store,
                   GError     **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);

  if (!kiosk_store_begin_write (store, error))
    return FALSE;
  if (!kiosk_store_exec (store, "DELETE FROM usage_days; DELETE FROM usage_items;", error) ||
      !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

char *
kiosk_usage_daily_csv (KioskStore  *store,
                       GError     **error)
{
  g_autoptr(GPtrArray) days = kiosk_usage_list_days (store, error);
  GString *csv;

  if (days == NULL)
    return NULL;
  csv = g_string_new ("date");
  for (int i = 0; i < KIOSK_USAGE_N_EVENTS; i++)
    g_string_append_printf (csv, ",%s", columns[i]);
  g_string_append (csv, "\r\n");
  for (guint i = 0; i < days->len; i++)
    {
      KioskUsageDay *day = days->pdata[i];

      g_string_append (csv, day->day);
      for (int j = 0; j < KIOSK_USAGE_N_EVENTS; j++)
        g_string_append_printf (csv, ",%u", day->counts[j]);
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
static void
append_field (GString    *csv,
              const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static char *
dup_title (KioskStore     *store,
           KioskUsageItem *item)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = g_str_equal (item->kind, "topic")
                    ? "SELECT title_vi FROM topics WHERE id = ?1"
                    : "SELECT t.title FROM articles a JOIN article_texts t"
                      " ON t.article = a.rowid AND t.lang = 'vi' WHERE a.id = ?1";

  stmt = kiosk_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
kiosk_usage_items_csv (KioskStore  *store,
                       GError     **error)
{
  g_autoptr(GPtrArray) items = kiosk_usage_list_items (store, error);
  GString *csv;

  if (items == NULL)
    return NULL;
  csv = g_string_new ("\xEF\xBB\xBF" "month,kind,id,title,views\r\n");
  for (guint i = 0; i < items->len; i++)
    {
      KioskUsageItem *item = items->pdata[i];
      g_autofree char *title = dup_title (store, item);

      g_string_append_printf (csv, "%s,%s,", item->month, item->kind);
      append_field (csv, item->id);
      g_string_append_c (csv, ',');
      append_field (csv, title);
      g_string_append_printf (csv, ",%u\r\n", item->views);
    }
  return g_string_free (csv, FALSE);
}

static gboolean
write_file (GFile       *folder,
            const char  *name,
            const char  *contents,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = g_file_get_parse_name (folder);

  if (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    return TRUE;
  g_set_error (error, KIOSK_USAGE_ERROR, KIOSK_USAGE_ERROR_EXPORT,
               _("The usage counts could not be saved in “%s”: %s"), where,
               local_error->message);
  return FALSE;
}

char *
kiosk_usage_export (KioskStore  *store,
                    GFile       *folder,
                    const char  *date,
                    GError     **error)
{
  g_autofree char *daily = NULL;
  g_autofree char *items = NULL;
  g_autofree char *daily_name = NULL;
  g_autofree char *items_name = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  daily_name = g_strdup_printf ("goc-tre-em-usage-%s.csv", date);
  items_name = g_strdup_printf ("goc-tre-em-usage-by-article-%s.csv", date);
  if ((daily = kiosk_usage_daily_csv (store, error)) == NULL ||
      (items = kiosk_usage_items_csv (store, error)) == NULL ||
      !write_file (folder, daily_name, daily, error) ||
      !write_file (folder, items_name, items, error))
    return NULL;
  return g_steal_pointer (&daily_name);
}

void
kiosk_usage_day_free (KioskUsageDay *day)
{
  if (day == NULL)
    return;
  g_free (day->day);
  g_free (day);
}

void
kiosk_usage_item_free (KioskUsageItem *item)
{
  if (item == NULL)
    return;
  g_free (item->month);
  g_free (item->kind);
  g_free (item->id);
  g_free (item);
}
