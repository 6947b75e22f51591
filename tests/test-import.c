/* test-import.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "kiosk-importer.h"
#include "kiosk-repo-format.h"
#include "kiosk-search.h"
#include "kiosk-store.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài quốc gia bảo vệ trẻ em\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}]"

typedef struct {
  char          *dir;
  char          *repo_dir;
  KioskStore    *store;
  KioskTestRepo *repo;
} Fixture;

static void
add_hotlines (KioskTestRepo *repo,
              const char    *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", bytes, NULL, -1);
}

/* A small but complete repository: two topics, three articles, a picture. */
static void
fill_repo (KioskTestRepo *repo)
{
  add_hotlines (repo, HOTLINES);
  kiosk_test_repo_add_media (repo, "fence.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  kiosk_test_repo_add_topic (repo, "drowning", "Phòng chống đuối nước");
  kiosk_test_repo_add_topic (repo, "online", "An toàn trên mạng");
  kiosk_test_repo_add_article (repo, "well-cover", "drowning", "Đậy nắp giếng",
                               "Trẻ nhỏ có thể **đuối nước** trong chum vại.\n\n"
                               "![Nắp giếng](media/fence.svg)\n");
  kiosk_test_repo_add_article (repo, "swimming", "drowning", "Học bơi an toàn",
                               "Cho trẻ học bơi ở nơi có người lớn trông.");
  kiosk_test_repo_add_article (repo, "strangers", "online", "Người lạ trên mạng",
                               "Không gửi ảnh cho người lạ.");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = kiosk_test_mkdtemp ("import");
  fixture->repo_dir = g_build_filename (fixture->dir, "repo", NULL);
  path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);

  fixture->repo = kiosk_test_repo_new ("vn.test.province");
  fill_repo (fixture->repo);
  g_assert_true (kiosk_store_trust_key (fixture->store,
                                        kiosk_test_repo_public_key (fixture->repo), &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->repo, kiosk_test_repo_free);
  kiosk_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->repo_dir);
}

static KioskImportResult *
import (Fixture          *fixture,
        KioskImportFlags  flags,
        GError          **error)
{
  g_autoptr(GFile) repo = g_file_new_for_path (fixture->repo_dir);

  return kiosk_import_repository (fixture->store, repo, NULL, flags, NULL, error);
}

/* Writes the repository afresh (a new folder each time, as a new download would be). */
static void
publish (Fixture *fixture)
{
  kiosk_test_rm_rf (fixture->repo_dir);
  kiosk_test_repo_write (fixture->repo, fixture->repo_dir);
}

static void
import_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;

  publish (fixture);
  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static void
test_first_import (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(KioskSource) source = NULL;
  g_autoptr(GBytes) media = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *found_mime = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *media_sha256 = NULL;
  KioskStoreCounts counts;

  publish (fixture);
  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->articles_added, ==, 3);
  g_assert_cmpuint (result->objects_read, ==, 7);
  g_assert_false (result->up_to_date);

  g_assert_true (kiosk_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpuint (counts.topics, ==, 2);
  g_assert_cmpuint (counts.articles, ==, 3);
  g_assert_cmpuint (counts.hotlines, ==, 1);
  g_assert_cmpuint (counts.media, ==, 1);

  article = kiosk_store_get_article (fixture->store, "well-cover", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->title[KIOSK_LANG_VI], ==, "Đậy nắp giếng");
  g_assert_cmpstr (article->topic, ==, "drowning");
  g_assert_nonnull (strstr (article->body[KIOSK_LANG_VI], "đuối nước"));

  media = kiosk_store_get_media (fixture->store, "fence.svg", &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/svg+xml");

  /* Found without its bytes: the SHA-256 the pictures are kept drawn under. */
  g_assert_true (kiosk_store_find_media (fixture->store, "fence.svg", &sha256, &found_mime,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (found_mime, ==, "image/svg+xml");
  media_sha256 = kiosk_sha256_hex (g_bytes_get_data (media, NULL), g_bytes_get_size (media));
  g_assert_cmpstr (sha256, ==, media_sha256);
  g_assert_false (kiosk_store_find_media (fixture->store, "nothing.svg", NULL, NULL, &error));
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  source = kiosk_store_get_source (fixture->store, "vn.test.province", &error);
  g_assert_no_error (error);
  g_assert_cmpint (source->version, ==, 1);
}

static void
test_up_to_date (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) again = NULL;

  import_ok (fixture);
  again = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (again->up_to_date);
  g_assert_cmpuint (again->objects_read, ==, 0);
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  import_ok (fixture);
  kiosk_test_repo_set_version (fixture->repo, 2);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Học bơi an toàn",
                               "Mặc áo phao khi đi đò.");
  publish (fixture);

  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->objects_read, ==, 1);
  g_assert_cmpuint (result->articles_updated, ==, 1);
  g_assert_cmpuint (result->articles_added, ==, 0);

  article = kiosk_store_get_article (fixture->store, "swimming", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->body[KIOSK_LANG_VI], ==, "Mặc áo phao khi đi đò.");

  hits = kiosk_store_search (fixture->store, "ao phao", KIOSK_LANG_VI, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_removal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  KioskStoreCounts counts;

  import_ok (fixture);
  kiosk_test_repo_set_version (fixture->repo, 2);
  kiosk_test_repo_remove (fixture->repo, "well-cover");
  kiosk_test_repo_remove (fixture->repo, "fence.svg");
  publish (fixture);

  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->articles_removed, ==, 1);

  article = kiosk_store_get_article (fixture->store, "well-cover", &error);
  g_assert_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND);
  g_assert_null (article);
  g_clear_error (&error);

  hits = kiosk_store_search (fixture->store, "giếng", KIOSK_LANG_VI, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  g_assert_true (kiosk_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpuint (counts.articles, ==, 2);
  g_assert_cmpuint (counts.media, ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autofree char *before = kiosk_test_dump_store (fixture->store);
  g_autofree char *after = NULL;

  publish (fixture);
  result = import (fixture, KIOSK_IMPORT_DRY_RUN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->articles_added, ==, 3);

  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* ---- refusals: each one leaves the store exactly as it was ---- */

typedef void (*Spoil) (Fixture *fixture);

static void
expect_refusal (Fixture *fixture,
                Spoil    spoil,
                int      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (fixture);
  kiosk_test_repo_set_version (fixture->repo, 2);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Thay đổi.");
  publish (fixture);
  spoil (fixture);
  /* Taken after spoil (): the rollback case first applies a newer version itself. */
  before = kiosk_test_dump_store (fixture->store);

  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_error (error, KIOSK_IMPORT_ERROR, code);
  g_assert_null (result);
  g_assert_cmpstr (error->message, !=, "");

  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
rewrite_manifest (Fixture    *fixture,
                  const char *search,
                  const char *replace)
{
  g_autofree char *path = g_build_filename (fixture->repo_dir, "manifest.signed", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, search, replace, 1), ==, 1);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

static void
spoil_tamper (Fixture *fixture)
{
  rewrite_manifest (fixture, "\"version\":2", "\"version\":3");
}

static void
spoil_unknown_key (Fixture *fixture)
{
  kiosk_test_repo_use_new_key (fixture->repo);
  publish (fixture);
}

static void
spoil_rollback (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;

  /* Version 3 is applied, then version 2 is offered again. */
  kiosk_test_repo_set_version (fixture->repo, 3);
  publish (fixture);
  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  kiosk_test_repo_set_version (fixture->repo, 2);
  publish (fixture);
}

static void
spoil_same_version (Fixture *fixture)
{
  kiosk_test_repo_set_version (fixture->repo, 1);
  publish (fixture);
}

static void
spoil_expired (Fixture *fixture)
{
  kiosk_test_repo_set_expires (fixture->repo, g_get_real_time () / G_USEC_PER_SEC - 3600);
  publish (fixture);
}

static void
spoil_wrong_hash (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);

  kiosk_test_repo_add_raw (fixture->repo, "article", "swimming", bytes,
                           "0000000000000000000000000000000000000000000000000000000000000000", 2);
  publish (fixture);
}

static void
spoil_wrong_size (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"id\":\"swimming\"}", 17);

  kiosk_test_repo_add_raw (fixture->repo, "article", "swimming", bytes, NULL, 10);
  publish (fixture);
}

static void
spoil_missing_object (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"id\":\"new-one\"}", 16);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *path = NULL;

  kiosk_test_repo_add_raw (fixture->repo, "article", "new-one", bytes, NULL, -1);
  publish (fixture);
  path = g_build_filename (fixture->repo_dir, "objects", sha, NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
spoil_malformed_json (Fixture *fixture)
{
  kiosk_test_repo_write_signed_body (fixture->repo, fixture->repo_dir, "{\"format\":1,\"objects\":[");
}

static void
spoil_malformed_envelope (Fixture *fixture)
{
  rewrite_manifest (fixture, "goc-tre-em-manifest 1", "some other file");
}

static void
spoil_name_slash (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<svg/>", 6);

  kiosk_test_repo_add_raw (fixture->repo, "media", "../../etc/passwd", bytes, NULL, -1);
  publish (fixture);
}

static void
spoil_name_dotdot (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);

  kiosk_test_repo_add_raw (fixture->repo, "article", "..", bytes, NULL, -1);
  publish (fixture);
}

static void
spoil_bad_article (Fixture *fixture)
{
  /* Signed and hashed correctly, but the article lacks its English text. */
  const char *json = "{\"id\":\"swimming\",\"topic\":\"drowning\",\"order\":1,"
                     "\"vi\":{\"title\":\"Bơi\",\"summary\":\"\",\"body\":\"Nội dung\"}}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  kiosk_test_repo_add_raw (fixture->repo, "article", "swimming", bytes, NULL, -1);
  publish (fixture);
}

static void
spoil_unknown_topic (Fixture *fixture)
{
  kiosk_test_repo_add_article (fixture->repo, "swimming", "no-such-topic", "Bơi", "Nội dung.");
  publish (fixture);
}

static void
spoil_media_type (Fixture *fixture)
{
  kiosk_test_repo_add_media (fixture->repo, "photo.png", "this is not a PNG file");
  publish (fixture);
}

static void
spoil_no_hotlines (Fixture *fixture)
{
  kiosk_test_repo_remove (fixture->repo, "hotlines");
  publish (fixture);
}

static const struct {
  const char *name;
  Spoil       spoil;
  int         code;
} refusals[] = {
  { "tampered", spoil_tamper, KIOSK_IMPORT_ERROR_BAD_SIGNATURE },
  { "unknown-key", spoil_unknown_key, KIOSK_IMPORT_ERROR_UNTRUSTED },
  { "rollback", spoil_rollback, KIOSK_IMPORT_ERROR_ROLLBACK },
  { "same-version", spoil_same_version, KIOSK_IMPORT_ERROR_SAME_VERSION },
  { "expired", spoil_expired, KIOSK_IMPORT_ERROR_EXPIRED },
  { "wrong-hash", spoil_wrong_hash, KIOSK_IMPORT_ERROR_OBJECT_HASH },
  { "wrong-size", spoil_wrong_size, KIOSK_IMPORT_ERROR_OBJECT_SIZE },
  { "missing-object", spoil_missing_object, KIOSK_IMPORT_ERROR_OBJECT_MISSING },
  { "malformed-json", spoil_malformed_json, KIOSK_IMPORT_ERROR_MALFORMED },
  { "malformed-envelope", spoil_malformed_envelope, KIOSK_IMPORT_ERROR_MALFORMED },
  { "name-slash", spoil_name_slash, KIOSK_IMPORT_ERROR_BAD_NAME },
  { "name-dotdot", spoil_name_dotdot, KIOSK_IMPORT_ERROR_BAD_NAME },
  { "invalid-article", spoil_bad_article, KIOSK_IMPORT_ERROR_OBJECT_INVALID },
  { "unknown-topic", spoil_unknown_topic, KIOSK_IMPORT_ERROR_OBJECT_INVALID },
  { "media-type", spoil_media_type, KIOSK_IMPORT_ERROR_OBJECT_INVALID },
  { "no-hotlines", spoil_no_hotlines, KIOSK_IMPORT_ERROR_MALFORMED },
};

static void
test_refusal (Fixture       *fixture,
              gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);

  expect_refusal (fixture, refusals[i].spoil, refusals[i].code);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KioskTestRepo) other = kiosk_test_repo_new ("vn.test.other");
  g_autoptr(GFile) other_dir = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (fixture);
  before = kiosk_test_dump_store (fixture->store);

  add_hotlines (other, HOTLINES);
  kiosk_test_repo_add_topic (other, "drowning", "Chủ đề trùng");
  kiosk_test_repo_write (other, path);
  g_assert_true (kiosk_store_trust_key (fixture->store, kiosk_test_repo_public_key (other), NULL));
  g_clear_pointer (&before, g_free);
  before = kiosk_test_dump_store (fixture->store);

  other_dir = g_file_new_for_path (path);
  result = kiosk_import_repository (fixture->store, other_dir, NULL, 0, NULL, &error);
  g_assert_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_CONFLICT);
  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_extra_key_only_for_call (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(KioskTestRepo) bundled = kiosk_test_repo_new ("vn.test.bundled");
  g_autofree char *path = g_build_filename (fixture->dir, "bundled", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *keys[] = { (char *) kiosk_test_repo_public_key (bundled), NULL };

  add_hotlines (bundled, HOTLINES);
  kiosk_test_repo_write (bundled, path);

  result = kiosk_import_repository (fixture->store, dir, NULL, 0, NULL, &error);
  g_assert_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_UNTRUSTED);
  g_clear_error (&error);

  result = kiosk_import_repository (fixture->store, dir, keys, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

/* ---- a real SIGKILL in the middle of the write transaction ---- */

static char *kill_marker;

/* Runs inside the child's transaction: once it is well under way, say so and slow
 * down, so the parent's SIGKILL lands mid-apply. */
static int
slow_progress_cb (void *user_data)
{
  sqlite3 *db = user_data;
  static guint calls;

  if (!sqlite3_get_autocommit (db) && ++calls == 200)
    g_file_set_contents (kill_marker, "in transaction", -1, NULL);
  if (calls >= 200)
    g_usleep (1000);
  return 0;
}

static int
child_import (const char *store_path,
              const char *repo_dir)
{
  g_autoptr(KioskStore) store = kiosk_store_open (store_path, KIOSK_STORE_WRITER, NULL);
  g_autoptr(GFile) repo = g_file_new_for_path (repo_dir);

  g_assert_nonnull (store);
  sqlite3_progress_handler (kiosk_store_get_db (store), 100, slow_progress_cb,
                            kiosk_store_get_db (store));
  kiosk_import_repository (store, repo, NULL, 0, NULL, NULL);
  return 3; /* reaching here means the parent was too slow */
}

static void
add_many_articles (KioskTestRepo *repo,
                   guint          n,
                   const char    *word)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autofree char *body = g_strdup_printf ("Bài số %u nói về %s và đuối nước.", i, word);

      kiosk_test_repo_add_article (repo, id, "drowning", "Bài viết", body);
    }
}

static void
test_sigkill_mid_apply (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *store_path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskSource) source = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  GPid pid;
  int status;
  char *argv[] = { self_exe, "--child-import", store_path, fixture->repo_dir, NULL };

  add_many_articles (fixture->repo, 300, "mùa hè");
  import_ok (fixture);
  before = kiosk_test_dump_store (fixture->store);

  kiosk_test_repo_set_version (fixture->repo, 2);
  add_many_articles (fixture->repo, 300, "mùa mưa");
  publish (fixture);

  kill_marker = g_build_filename (fixture->dir, "in-transaction", NULL);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  while (!g_file_test (kill_marker, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_usleep (2000);
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  /* A new connection sees the old version, whole, and an intact file. */
  g_clear_object (&fixture->store);
  fixture->store = kiosk_store_open (store_path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_exec (fixture->store, "PRAGMA integrity_check", &error));
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (kiosk_store_get_db (fixture->store), "PRAGMA integrity_check", -1,
                        &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
  }
  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* And the next import completes. */
  result = import (fixture, KIOSK_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  source = kiosk_store_get_source (fixture->store, "vn.test.province", &error);
  g_assert_cmpint (source->version, ==, 2);
  g_free (kill_marker);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child-import"))
    {
      kill_marker = g_build_filename (g_path_get_dirname (argv[2]), "in-transaction", NULL);
      return child_import (argv[2], argv[3]);
    }

  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("first", test_first_import);
  ADD ("up-to-date", test_up_to_date);
  ADD ("incremental", test_incremental);
  ADD ("removal", test_removal);
  ADD ("dry-run", test_dry_run);
  ADD ("conflict", test_conflict);
  ADD ("extra-key-only-for-call", test_extra_key_only_for_call);
  ADD ("sigkill-mid-apply", test_sigkill_mid_apply);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk/import/refuse/%s", refusals[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_refusal,
                  fixture_tear_down);
    }
#undef ADD

  return g_test_run ();
}
