/* kiosk-test-util.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "kiosk-test-util.h"

static char *test_root;

static void
remove_test_root (void)
{
  if (test_root != NULL && g_getenv ("KIOSK_TEST_KEEP") == NULL)
    kiosk_test_rm_rf (test_root);
}

const char *
kiosk_test_init_dirs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  if (test_root != NULL)
    return test_root;

  test_root = g_dir_make_tmp ("kiosk-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_test_root);

  data = g_build_filename (test_root, "data", NULL);
  config = g_build_filename (test_root, "config", NULL);
  cache = g_build_filename (test_root, "cache", NULL);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (config, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  return test_root;
}

char *
kiosk_test_mkdtemp (const char *name)
{
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *path = g_build_filename (kiosk_test_init_dirs (), tmpl, NULL);

  g_assert_nonnull (g_mkdtemp (path));
  return g_steal_pointer (&path);
}

void
kiosk_test_copy_tree (const char *from,
                      const char *to)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  if (!g_file_test (from, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *contents = NULL;
      gsize len;

      g_file_get_contents (from, &contents, &len, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, len, &error);
      g_assert_no_error (error);
      return;
    }

  g_mkdir_with_parents (to, 0755);
  dir = g_dir_open (from, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      kiosk_test_copy_tree (src, dst);
    }
}

void
kiosk_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          kiosk_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

char *
kiosk_test_source_path (const char *relative)
{
  return g_build_filename (g_getenv ("KIOSK_SOURCE_ROOT"), relative, NULL);
}

char *
kiosk_test_build_path (const char *relative)
{
  return g_build_filename (g_getenv ("KIOSK_BUILD_ROOT"), relative, NULL);
}

/* Everything a person could see, and the file's integrity, as one string: two dumps
 * are equal when an import or sync changed nothing. */
char *
kiosk_test_dump_store (KioskStore *store)
{
  static const char *queries[] = {
    "PRAGMA integrity_check",
    "SELECT id, version, manifest_sha256 FROM sources ORDER BY id",
    "SELECT source, kind, id, sha256 FROM objects ORDER BY 1, 2, 3",
    "SELECT id, source, position, title_vi, title_en FROM topics ORDER BY id",
    "SELECT a.id, a.topic, t.lang, t.title, t.body FROM articles a"
    " JOIN article_texts t ON t.article = a.rowid ORDER BY 1, 3",
    "SELECT sha256, mime, length(data) FROM media ORDER BY 1",
    "SELECT source, name, sha256 FROM media_names ORDER BY 1, 2",
    "SELECT source, id, number FROM hotlines ORDER BY 1, 2",
    "SELECT rowid FROM article_search WHERE article_search MATCH 'duoi' ORDER BY rowid",
    "SELECT rowid FROM article_search WHERE article_search MATCH 'mua' ORDER BY rowid",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = kiosk_store_get_db (store);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      g_string_append (out, "--\n");
    }

  /* PRAGMA integrity_check does not look inside FTS5 here (sqlite 3.40): ask the search
   * index itself whether it matches the article texts it was built from. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO article_search (article_search, rank)"
                                 " VALUES ('integrity-check', 1)", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}
