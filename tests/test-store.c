/* test-store.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-search.h"
#include "kiosk-store.h"
#include "kiosk-test-util.h"

static char *
store_path (const char *name)
{
  g_autofree char *dir = kiosk_test_mkdtemp (name);

  return g_build_filename (dir, "store.sqlite", NULL);
}

static void
exec_ok (KioskStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* How much the search index gathers in memory before writing it out (migration 5). */
static int
search_hash_size (KioskStore *store)
{
  sqlite3_stmt *stmt = NULL;
  int size = -1;
  const char *sql = "SELECT v FROM article_search_config WHERE k = 'hashsize'";

  g_assert_cmpint (sqlite3_prepare_v2 (kiosk_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* Rows that every schema version since 1 can hold. */
static void
insert_v1_content (KioskStore *store)
{
  exec_ok (store,
           "INSERT INTO sources (id, version, manifest_sha256) VALUES ('vn.old', 4, 'abc');"
           "INSERT INTO topics VALUES ('drowning', 'vn.old', 1, NULL, 'Đuối nước', 'Drowning',"
           " 'Giữ trẻ an toàn', 'Keep children safe');"
           "INSERT INTO articles (rowid, id, source, topic, position) VALUES"
           " (1, 'well-cover', 'vn.old', 'drowning', 1);"
           "INSERT INTO article_texts (article, lang, title, summary, tags, body) VALUES"
           " (1, 'vi', 'Đậy nắp giếng', 'Tóm tắt', '', 'Phòng chống đuối nước cho trẻ.'),"
           " (1, 'en', 'Cover the well', 'Summary', '', 'Preventing drowning.');"
           "INSERT INTO hotlines VALUES ('vn.old', 'child-protection', 1, '111', 1, 1,"
           " 'Tổng đài', 'Hotline', 'Bảo vệ trẻ em', 'Child safety', 'Cả ngày', 'All day');");
}

static void
test_fresh (void)
{
  g_autofree char *path = store_path ("fresh");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_READER, &error);
  KioskStoreCounts counts;

  g_assert_no_error (error);
  g_assert_cmpint (kiosk_store_get_schema_version (store), ==, KIOSK_STORE_SCHEMA_VERSION);
  g_assert_true (kiosk_store_get_counts (store, &counts, &error));
  g_assert_cmpuint (counts.articles, ==, 0);
  g_assert_cmpint (search_hash_size (store), ==, 16 * 1024 * 1024);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_migrate_from (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autofree char *path = store_path ("migrate");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) old = kiosk_store_open_at_version (path, from, &error);
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GPtrArray) hotlines = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(KioskSource) source = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (kiosk_store_get_schema_version (old), ==, from);
  if (from >= 1)
    insert_v1_content (old);
  g_clear_object (&old);

  store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_store_get_schema_version (store), ==, KIOSK_STORE_SCHEMA_VERSION);
  if (from == 0)
    return;

  /* The content survived, the search index covers it, the sync columns exist. */
  article = kiosk_store_get_article (store, "well-cover", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->title[KIOSK_LANG_VI], ==, "Đậy nắp giếng");
  hotlines = kiosk_store_list_hotlines (store, &error);
  g_assert_cmpuint (hotlines->len, ==, 1);
  hits = kiosk_store_search (store, "duoi nuoc", KIOSK_LANG_VI, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  source = kiosk_store_get_source (store, "vn.old", &error);
  g_assert_no_error (error);
  g_assert_cmpint (source->version, ==, 4);
  g_assert_true (source->enabled);
  g_assert_null (source->etag);
}

static void
test_too_new (void)
{
  g_autofree char *path = store_path ("too-new");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_autoptr(KioskStore) again = NULL;

  g_assert_no_error (error);
  exec_ok (store, "PRAGMA user_version = 99");
  g_clear_object (&store);

  again = kiosk_store_open (path, KIOSK_STORE_READER, &error);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_TOO_NEW);
  g_assert_null (again);
}

/* WAL: the screen keeps reading while an import holds the write lock. */
static void
test_reader_not_blocked (void)
{
  g_autofree char *path = store_path ("wal");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) writer = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_autoptr(KioskStore) reader = kiosk_store_open (path, KIOSK_STORE_READER, &error);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) after = NULL;

  g_assert_no_error (error);
  insert_v1_content (writer);

  g_assert_true (kiosk_store_begin_write (writer, &error));
  exec_ok (writer, "DELETE FROM topics");
  topics = kiosk_store_list_topics (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 1);
  kiosk_store_rollback (writer);

  after = kiosk_store_list_topics (reader, &error);
  g_assert_cmpuint (after->len, ==, 1);
}

static void
test_trust_key (void)
{
  g_autofree char *path = store_path ("keys");
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_autoptr(GPtrArray) keys = NULL;
  const char *key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

  g_assert_true (kiosk_store_trust_key (store, key, &error));
  g_assert_true (kiosk_store_trust_key (store, key, &error));
  g_assert_no_error (error);
  keys = kiosk_store_list_trusted_keys (store, &error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (keys->pdata[0], ==, key);

  g_assert_false (kiosk_store_trust_key (store, "not a key", &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/store/fresh", test_fresh);
  for (int from = 0; from < KIOSK_STORE_SCHEMA_VERSION; from++)
    {
      g_autofree char *name = g_strdup_printf ("/kiosk/store/migrate-from-%d", from);

      g_test_add_data_func (name, GINT_TO_POINTER (from), test_migrate_from);
    }
  g_test_add_func ("/kiosk/store/too-new", test_too_new);
  g_test_add_func ("/kiosk/store/reader-not-blocked", test_reader_not_blocked);
  g_test_add_func ("/kiosk/store/trust-key", test_trust_key);

  return g_test_run ();
}
