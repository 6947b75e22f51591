/* test-sync.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync client against a server inside the test that misbehaves on demand. Every
 * failure must leave the store as it was, name the specific error, and let the next
 * good sync succeed.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kiosk-importer.h"
#include "kiosk-store.h"
#include "kiosk-sync-client.h"
#include "kiosk-sync-scheduler.h"
#include "kiosk-test-publisher.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-server.h"
#include "kiosk-test-util.h"

#define SOURCE "vn.test.province"

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài quốc gia bảo vệ trẻ em\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}]"

typedef struct {
  char               *dir;
  char               *root;
  char               *store_path;
  KioskStore         *store;
  KioskTestRepo      *repo;
  KioskTestPublisher *publisher;
  KioskTestServer    *server;
  KioskSyncClient    *client;
} Fixture;

static void
fill_repo (KioskTestRepo *repo)
{
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
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
set_test_limits (KioskSyncClient *client)
{
  KioskSyncLimits limits = {
    .deadline_ms = 1500,
    .window_ms = 500,
    .min_bytes_per_second = 100,
    .io_timeout_s = 2,
    .max_parallel = 4,
    .max_redirects = 3,
  };

  kiosk_sync_client_set_limits (client, &limits);
}

static void
add_source (Fixture    *fixture,
            const char *url)
{
  g_autoptr(GError) error = NULL;
  const char *keys[] = { kiosk_test_repo_public_key (fixture->repo), NULL };

  g_assert_true (kiosk_store_add_source (fixture->store, SOURCE, url, keys, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = kiosk_test_mkdtemp ("sync");
  fixture->root = g_build_filename (fixture->dir, "www", NULL);
  fixture->store_path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  g_mkdir_with_parents (fixture->root, 0755);
  fixture->store = kiosk_store_open (fixture->store_path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);

  fixture->repo = kiosk_test_repo_new (SOURCE);
  fill_repo (fixture->repo);
  fixture->publisher = kiosk_test_publisher_new (fixture->repo, fixture->root);
  fixture->server = kiosk_test_server_new (fixture->root);
  fixture->client = kiosk_sync_client_new ();
  set_test_limits (fixture->client);
  add_source (fixture, kiosk_test_server_get_url (fixture->server));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, kiosk_test_server_free);
  g_clear_pointer (&fixture->publisher, kiosk_test_publisher_free);
  g_clear_pointer (&fixture->repo, kiosk_test_repo_free);
  g_clear_object (&fixture->store);
  kiosk_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->root);
  g_free (fixture->store_path);
}

typedef struct {
  gboolean         done;
  gboolean         ok;
  KioskSyncReport *report;
  GError          *error;
} Wait;

static void
on_synced_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = kiosk_sync_client_sync_finish (KIOSK_SYNC_CLIENT (source), result, &wait->report,
                                            &wait->error);
  wait->done = TRUE;
}

static KioskSyncReport *
run_sync (Fixture       *fixture,
          GCancellable  *cancellable,
          GError       **error)
{
  Wait wait = { 0 };

  kiosk_sync_client_sync_async (fixture->client, fixture->store_path, SOURCE, cancellable,
                                on_synced_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (wait.report);
  g_assert_nonnull (wait.report->message);
  g_assert_true (wait.ok == (wait.error == NULL));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.report;
}

static KioskSyncReport *
sync_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KioskSyncReport *report = run_sync (fixture, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->new_version, ==, kiosk_test_publisher_version (fixture->publisher));
  return report;
}

static void
publish (Fixture *fixture)
{
  kiosk_test_publisher_publish (fixture->publisher);
}

static char *
object_path (Fixture    *fixture,
             const char *id)
{
  g_autofree char *sha = kiosk_test_publisher_object_sha (fixture->publisher, id);

  return g_strconcat ("objects/", sha, NULL);
}

static void
remove_changes (Fixture *fixture)
{
  g_autofree char *changes = g_build_filename (fixture->root, "changes", NULL);

  kiosk_test_rm_rf (changes);
}

/* ---- what works ---- */

static void
test_first_sync (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(KioskSource) source = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  KioskStoreCounts counts;

  publish (fixture);
  report = sync_ok (fixture);
  g_assert_false (report->up_to_date);
  g_assert_false (report->from_changes);
  g_assert_cmpuint (report->articles_added, ==, 3);
  g_assert_cmpuint (report->objects_fetched, ==, 7);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "manifest.signed"), ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_requests (fixture->server), ==, 8);

  g_assert_true (kiosk_store_get_counts (fixture->store, &counts, &error));
  g_assert_cmpuint (counts.articles, ==, 3);
  source = kiosk_store_get_source (fixture->store, SOURCE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (source->version, ==, 1);
  g_assert_cmpint (source->last_success, >, 0);
  g_assert_cmpstr (source->last_result, ==, report->message);

  log = kiosk_store_list_sync_log (fixture->store, 50, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (((KioskSyncLogEntry *) log->pdata[0])->ok);
  g_assert_cmpint (((KioskSyncLogEntry *) log->pdata[0])->objects, ==, 7);
}

static void
test_no_change (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) second = NULL;
  g_autoptr(KioskSyncReport) third = NULL;

  publish (fixture);
  first = sync_ok (fixture);

  /* The changes file of the version held says "nothing new"; then its ETag does. */
  kiosk_test_server_reset_counts (fixture->server);
  second = sync_ok (fixture);
  g_assert_true (second->up_to_date);
  g_assert_cmpuint (kiosk_test_server_get_requests (fixture->server), ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "changes/1.signed"), ==, 1);

  kiosk_test_server_reset_counts (fixture->server);
  third = sync_ok (fixture);
  g_assert_true (third->up_to_date);
  g_assert_cmpuint (third->requests, ==, 1);
  g_assert_cmpuint (third->bytes_fetched, ==, 0);
  g_assert_cmpuint (kiosk_test_server_get_requests (fixture->server), ==, 1);
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Học bơi an toàn",
                               "Mặc áo phao khi đi đò.");
  kiosk_test_repo_remove (fixture->repo, "strangers");
  publish (fixture);

  kiosk_test_server_reset_counts (fixture->server);
  report = sync_ok (fixture);
  g_assert_true (report->from_changes);
  g_assert_cmpuint (report->articles_updated, ==, 1);
  g_assert_cmpuint (report->articles_removed, ==, 1);
  g_assert_cmpuint (report->objects_fetched, ==, 1);
  path = object_path (fixture, "swimming");
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "changes/1.signed"), ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, path), ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "manifest.signed"), ==, 0);
  g_assert_cmpuint (kiosk_test_server_get_requests (fixture->server), ==, 2);

  article = kiosk_store_get_article (fixture->store, "swimming", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article->body[KIOSK_LANG_VI], ==, "Mặc áo phao khi đi đò.");
}

/* A kiosk several versions behind gets one changes file straight to the newest. */
static void
test_skip_versions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autofree char *before = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Lần hai.");
  publish (fixture);
  kiosk_test_repo_add_article (fixture->repo, "new-one", "online", "Bài mới", "Nội dung mới.");
  kiosk_test_repo_remove (fixture->repo, "well-cover");
  publish (fixture);
  kiosk_test_repo_add_article (fixture->repo, "well-cover", "drowning", "Đậy nắp giếng", "Lại.");
  publish (fixture);

  kiosk_test_server_reset_counts (fixture->server);
  report = sync_ok (fixture);
  g_assert_true (report->from_changes);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "manifest.signed"), ==, 0);
  g_assert_cmpuint (report->articles_added, ==, 1);
  g_assert_cmpuint (report->articles_updated, ==, 2);
}

/* A changes file that does not fit is never applied: the full manifest is. */
static void
test_changes_fallback (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) text = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Đổi.");
  kiosk_test_repo_add_article (fixture->repo, "strangers", "online", "Người lạ", "Đổi nữa.");
  publish (fixture);

  /* Signed by the right key but missing one change: the digest gives it away. */
  body = kiosk_test_publisher_changes_body (fixture->publisher, 1);
  text = g_string_new (body);
  g_assert_cmpuint (g_string_replace (text, "\"changed\":[{", "\"changed\":[{\"x\":0},{", 1), ==, 1);
  g_string_replace (text, "{\"x\":0},", "", 1);
  {
    char *start = strstr (text->str, "\"changed\":[") + strlen ("\"changed\":[");
    char *end = strstr (start, "},") + 2;

    g_string_erase (text, start - text->str, end - start);
  }
  kiosk_test_publisher_write_signed (fixture->publisher, fixture->repo, "changes/1.signed",
                                     text->str);

  kiosk_test_server_reset_counts (fixture->server);
  report = sync_ok (fixture);
  g_assert_false (report->from_changes);
  g_assert_cmpuint (report->articles_updated, ==, 2);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "manifest.signed"), ==, 1);
}

static void
test_no_changes_on_server (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) second = NULL;
  g_autoptr(KioskSyncReport) third = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Đổi.");
  publish (fixture);
  remove_changes (fixture);

  second = sync_ok (fixture);
  g_assert_false (second->from_changes);
  g_assert_cmpuint (second->articles_updated, ==, 1);

  /* Once the kiosk knows the server has no changes files, a poll is one request. */
  third = sync_ok (fixture);
  kiosk_test_server_reset_counts (fixture->server);
  g_clear_pointer (&third, kiosk_sync_report_free);
  third = sync_ok (fixture);
  g_assert_true (third->up_to_date);
  g_assert_cmpuint (kiosk_test_server_get_requests (fixture->server), ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "manifest.signed"), ==, 1);
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) failed = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  KioskSyncLimits limits;

  kiosk_sync_client_get_limits (fixture->client, &limits);
  limits.max_parallel = 1;
  kiosk_sync_client_set_limits (fixture->client, &limits);

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "a-one", "online", "Một", "Bài một.");
  kiosk_test_repo_add_article (fixture->repo, "b-two", "online", "Hai", "Bài hai.");
  kiosk_test_repo_add_article (fixture->repo, "c-three", "online", "Ba", "Bài ba.");
  publish (fixture);
  a = object_path (fixture, "a-one");
  b = object_path (fixture, "b-two");
  c = object_path (fixture, "c-three");
  kiosk_test_server_set_fault (fixture->server, c, KIOSK_FAULT_RESET);

  failed = run_sync (fixture, NULL, &error);
  g_assert_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TRUNCATED);
  g_assert_cmpuint (failed->objects_fetched, ==, 2);

  kiosk_test_server_clear (fixture->server);
  kiosk_test_server_reset_counts (fixture->server);
  report = sync_ok (fixture);
  g_assert_cmpuint (report->objects_fetched, ==, 1);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, a), ==, 0);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, b), ==, 0);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, c), ==, 1);
  g_assert_cmpuint (report->articles_added, ==, 3);
}

static void
test_parallel (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KioskSyncReport) report = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);

      kiosk_test_repo_add_article (fixture->repo, id, "online", "Thêm", "Bài thêm.");
    }
  publish (fixture);
  kiosk_test_server_set_delay (fixture->server, 100);
  report = sync_ok (fixture);
  g_assert_cmpuint (report->objects_fetched, ==, 19);
  g_assert_cmpuint (kiosk_test_server_get_max_in_flight (fixture->server), ==, 4);
}

static void
count_progress_cb (KioskSyncClient *client,
                   const char      *source,
                   guint            phase,
                   guint            done,
                   guint            total,
                   guint64          bytes_done,
                   guint64          bytes_total,
                   guint           *last)
{
  g_assert_cmpstr (source, ==, SOURCE);
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (bytes_done, <=, bytes_total);
  if (phase == KIOSK_SYNC_PHASE_DOWNLOADING)
    *last = done;
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KioskSyncReport) report = NULL;
  guint last = 0;

  publish (fixture);
  g_signal_connect (fixture->client, "progress", G_CALLBACK (count_progress_cb), &last);
  report = sync_ok (fixture);
  g_assert_cmpuint (last, ==, 7);
}

static void
test_redirect_same_host (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KioskSyncReport) report = NULL;

  publish (fixture);
  kiosk_test_server_set_fault (fixture->server, "manifest.signed", KIOSK_FAULT_REDIRECT_SAME);
  report = sync_ok (fixture);
  g_assert_cmpuint (kiosk_test_server_get_hits (fixture->server, "moved/manifest.signed"), ==, 1);
}

static void
test_redirect_allowed_host (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KioskSyncReport) report = NULL;
  const char *hosts[] = { "localhost", NULL };

  publish (fixture);
  kiosk_test_server_set_fault (fixture->server, "manifest.signed", KIOSK_FAULT_REDIRECT_HOST);
  kiosk_sync_client_set_allowed_hosts (fixture->client, hosts);
  report = sync_ok (fixture);
}

/* Another source whose hotlines are byte for byte the same: the store holds that hash
 * already, but for the other source, so it must still be fetched. */
static void
test_shared_hotlines (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KioskTestRepo) other = kiosk_test_repo_new ("vn.test.other");
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_dir = g_build_filename (fixture->dir, "other", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_dir);
  char *keys[] = { (char *) kiosk_test_repo_public_key (other), NULL };

  kiosk_test_repo_add_raw (other, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_write (other, other_dir);
  result = kiosk_import_repository (fixture->store, other_file, keys, 0, NULL, &error);
  g_assert_no_error (error);

  publish (fixture);
  report = sync_ok (fixture);
  g_assert_cmpuint (report->objects_fetched, ==, 7);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Đổi.");
  publish (fixture);
  path = object_path (fixture, "swimming");
  kiosk_test_server_set_fault (fixture->server, path, KIOSK_FAULT_TRICKLE);
  before = kiosk_test_dump_store (fixture->store);

  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  report = run_sync (fixture, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* ---- failures: the store unchanged, the specific error, then a good sync ---- */

typedef void (*Spoil) (Fixture *fixture);

static void
spoil_fault (Fixture    *fixture,
             const char *path,
             KioskFault  fault)
{
  kiosk_test_server_set_fault (fixture->server, path, fault);
}

static void
spoil_object (Fixture    *fixture,
              KioskFault  fault)
{
  g_autofree char *path = object_path (fixture, "swimming");

  kiosk_test_server_set_fault (fixture->server, path, fault);
}

static void spoil_404 (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_404); }
static void spoil_500 (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_500); }
static void spoil_503 (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_503); }
static void spoil_garbage (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_GARBAGE); }
static void spoil_garbage_manifest (Fixture *f) { remove_changes (f); spoil_fault (f, "manifest.signed", KIOSK_FAULT_GARBAGE); }
static void spoil_redirect_host (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_REDIRECT_HOST); }
static void spoil_redirect_scheme (Fixture *f) { spoil_fault (f, "*.signed", KIOSK_FAULT_REDIRECT_SCHEME); }
static void spoil_truncate (Fixture *f) { spoil_object (f, KIOSK_FAULT_TRUNCATE); }
static void spoil_reset (Fixture *f) { spoil_object (f, KIOSK_FAULT_RESET); }
static void spoil_wrong_bytes (Fixture *f) { spoil_object (f, KIOSK_FAULT_WRONG_BYTES); }
static void spoil_endless (Fixture *f) { spoil_object (f, KIOSK_FAULT_ENDLESS); }
static void spoil_trickle (Fixture *f) { spoil_object (f, KIOSK_FAULT_TRICKLE); }
static void spoil_steady (Fixture *f) { spoil_object (f, KIOSK_FAULT_STEADY); }
static void spoil_object_404 (Fixture *f) { spoil_object (f, KIOSK_FAULT_404); }
static void spoil_object_redirect (Fixture *f) { spoil_object (f, KIOSK_FAULT_REDIRECT_SCHEME); }

static void
spoil_no_connection (Fixture *fixture)
{
  add_source (fixture, "http://127.0.0.1:1/");
}

static void
spoil_unknown_key (Fixture *fixture)
{
  g_autoptr(KioskTestRepo) stranger = kiosk_test_repo_new (SOURCE);
  g_autofree char *body = kiosk_test_publisher_changes_body (fixture->publisher, 1);

  kiosk_test_publisher_write_signed (fixture->publisher, stranger, "changes/1.signed", body);
}

static void
spoil_unknown_key_manifest (Fixture *fixture)
{
  g_autoptr(KioskTestRepo) stranger = kiosk_test_repo_new (SOURCE);
  g_autofree char *body = kiosk_test_repo_manifest_body (fixture->repo);

  remove_changes (fixture);
  kiosk_test_publisher_write_signed (fixture->publisher, stranger, "manifest.signed", body);
}

static void
spoil_tampered (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->root, "changes", "1.signed", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  contents[len - 2] = contents[len - 2] == ']' ? '}' : ']';
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
spoil_rollback (Fixture *fixture)
{
  g_autofree char *manifest = g_build_filename (fixture->root, "manifest.signed", NULL);
  g_autofree char *old_manifest = NULL;
  g_autofree char *old_changes = kiosk_test_publisher_changes_body (fixture->publisher, 1);
  g_autoptr(KioskSyncReport) report = NULL;
  gsize len;

  /* Version 3 is applied; then the server offers version 2 again, in both forms. */
  g_assert_true (g_file_get_contents (manifest, &old_manifest, &len, NULL));
  publish (fixture);
  report = sync_ok (fixture);
  g_assert_true (g_file_set_contents (manifest, old_manifest, len, NULL));
  kiosk_test_publisher_write_signed (fixture->publisher, fixture->repo, "changes/3.signed",
                                     old_changes);
}

static void
spoil_expired (Fixture *fixture)
{
  kiosk_test_repo_set_expires (fixture->repo, g_get_real_time () / G_USEC_PER_SEC - 3600);
  publish (fixture);
  kiosk_test_repo_set_expires (fixture->repo, g_get_real_time () / G_USEC_PER_SEC + 86400);
}

static void
spoil_dotdot_changes (Fixture *fixture)
{
  g_autofree char *body = kiosk_test_publisher_changes_body (fixture->publisher, 1);
  g_autoptr(GString) text = g_string_new (body);

  g_assert_cmpuint (g_string_replace (text, "\"id\":\"swimming\"", "\"id\":\"../swimming\"", 1),
                    ==, 1);
  kiosk_test_publisher_write_signed (fixture->publisher, fixture->repo, "changes/1.signed",
                                     text->str);
}

static void
spoil_dotdot_manifest (Fixture *fixture)
{
  g_autofree char *body = kiosk_test_repo_manifest_body (fixture->repo);
  g_autoptr(GString) text = g_string_new (body);

  remove_changes (fixture);
  g_assert_cmpuint (g_string_replace (text, "\"id\":\"swimming\"", "\"id\":\"../../etc/passwd\"",
                                      1), ==, 1);
  kiosk_test_publisher_write_signed (fixture->publisher, fixture->repo, "manifest.signed",
                                     text->str);
}

static void
spoil_wrong_source (Fixture *fixture)
{
  g_autofree char *body = kiosk_test_repo_manifest_body (fixture->repo);
  g_autoptr(GString) text = g_string_new (body);

  remove_changes (fixture);
  g_string_replace (text, SOURCE, "vn.test.other", 1);
  kiosk_test_publisher_write_signed (fixture->publisher, fixture->repo, "manifest.signed",
                                     text->str);
}

static const struct {
  const char *name;
  Spoil       spoil;
  int         code;
  gboolean    import_error;
} failures[] = {
  { "404", spoil_404, KIOSK_SYNC_ERROR_NOT_FOUND },
  { "500", spoil_500, KIOSK_SYNC_ERROR_SERVER },
  { "503-retry-after", spoil_503, KIOSK_SYNC_ERROR_BUSY },
  { "garbage", spoil_garbage, KIOSK_IMPORT_ERROR_MALFORMED, TRUE },
  { "garbage-manifest", spoil_garbage_manifest, KIOSK_IMPORT_ERROR_MALFORMED, TRUE },
  { "no-connection", spoil_no_connection, KIOSK_SYNC_ERROR_NO_CONNECTION },
  { "truncated", spoil_truncate, KIOSK_SYNC_ERROR_TRUNCATED },
  { "reset", spoil_reset, KIOSK_SYNC_ERROR_TRUNCATED },
  { "wrong-bytes", spoil_wrong_bytes, KIOSK_SYNC_ERROR_OBJECT_HASH },
  { "endless", spoil_endless, KIOSK_SYNC_ERROR_TOO_LARGE },
  { "one-byte-a-second", spoil_trickle, KIOSK_SYNC_ERROR_TOO_SLOW },
  { "deadline", spoil_steady, KIOSK_SYNC_ERROR_TIMEOUT },
  { "object-404", spoil_object_404, KIOSK_SYNC_ERROR_OBJECT_NOT_FOUND },
  { "redirect-other-host", spoil_redirect_host, KIOSK_SYNC_ERROR_REDIRECT },
  { "redirect-other-scheme", spoil_redirect_scheme, KIOSK_SYNC_ERROR_REDIRECT },
  { "redirect-object-scheme", spoil_object_redirect, KIOSK_SYNC_ERROR_REDIRECT },
  { "unknown-key", spoil_unknown_key, KIOSK_IMPORT_ERROR_UNTRUSTED, TRUE },
  { "unknown-key-manifest", spoil_unknown_key_manifest, KIOSK_IMPORT_ERROR_UNTRUSTED, TRUE },
  { "tampered", spoil_tampered, KIOSK_IMPORT_ERROR_BAD_SIGNATURE, TRUE },
  { "rollback", spoil_rollback, KIOSK_IMPORT_ERROR_ROLLBACK, TRUE },
  { "expired", spoil_expired, KIOSK_IMPORT_ERROR_EXPIRED, TRUE },
  { "dotdot-changes", spoil_dotdot_changes, KIOSK_IMPORT_ERROR_BAD_NAME, TRUE },
  { "dotdot-manifest", spoil_dotdot_manifest, KIOSK_IMPORT_ERROR_BAD_NAME, TRUE },
  { "wrong-source", spoil_wrong_source, KIOSK_SYNC_ERROR_WRONG_SOURCE },
};

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  GQuark domain = failures[i].import_error ? KIOSK_IMPORT_ERROR : KIOSK_SYNC_ERROR;
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) failed = NULL;
  g_autoptr(KioskSyncReport) recovered = NULL;
  g_autoptr(KioskSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  publish (fixture);
  first = sync_ok (fixture);
  kiosk_test_repo_add_article (fixture->repo, "swimming", "drowning", "Bơi", "Thay đổi.");
  publish (fixture);
  failures[i].spoil (fixture);
  before = kiosk_test_dump_store (fixture->store);

  failed = run_sync (fixture, NULL, &error);
  g_test_message ("%s: %s", failures[i].name, error ? error->message : "no error");
  g_assert_error (error, domain, failures[i].code);
  g_assert_cmpstr (failed->message, ==, error->message);
  if (failures[i].code == KIOSK_SYNC_ERROR_BUSY && !failures[i].import_error)
    g_assert_cmpuint (failed->retry_after, ==, 120);
  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
  source = kiosk_store_get_source (fixture->store, SOURCE, NULL);
  g_assert_cmpstr (source->last_result, ==, error->message);

  kiosk_test_server_clear (fixture->server);
  add_source (fixture, kiosk_test_server_get_url (fixture->server));
  publish (fixture);
  recovered = sync_ok (fixture);
  g_assert_false (recovered->up_to_date);
}

/* ---- the scheduler ---- */

static void
test_delay (void)
{
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 0, 0, 0.0), ==, 1620);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 0, 0, 0.5), ==, 1800);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 0, 0, 0.999), <=, 1980);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 1, 0, 0.5), ==, 60);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 4, 0, 0.5), ==, 480);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 30, 0, 0.999), ==,
                    KIOSK_SYNC_MAX_DELAY);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 1, 120, 0.0), ==, 120);
  g_assert_cmpuint (kiosk_sync_scheduler_compute_delay (1800, 1, 1000000, 0.0), ==,
                    KIOSK_SYNC_MAX_DELAY);
}

static void
test_format_ago (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *never = kiosk_sync_format_ago (0, now);
  g_autofree char *just = kiosk_sync_format_ago (now - 5, now);
  g_autofree char *minutes = kiosk_sync_format_ago (now - 300, now);
  g_autofree char *days = kiosk_sync_format_ago (now - 3 * 86400, now);
  g_autofree char *at = kiosk_sync_format_time (now, now);

  g_assert_cmpstr (never, ==, "never");
  g_assert_cmpstr (just, ==, "just now");
  g_assert_cmpstr (minutes, ==, "5 minutes ago");
  g_assert_cmpstr (days, ==, "3 days ago");
  g_assert_true (g_str_has_prefix (at, "at "));
}

static void
count_finished_cb (KioskSyncScheduler *scheduler,
                   gboolean            ok,
                   guint              *count)
{
  (*count)++;
}

static KioskSyncScheduler *
new_scheduler (Fixture *fixture,
               guint   *finished)
{
  KioskSyncScheduler *scheduler = kiosk_sync_scheduler_new (fixture->store_path, NULL);

  g_object_set (scheduler, "start-delay", 0, "interval", 3600, "debounce", 50, NULL);
  set_test_limits (kiosk_sync_scheduler_get_client (scheduler));
  g_signal_connect (scheduler, "finished", G_CALLBACK (count_finished_cb), finished);
  return scheduler;
}

static void
wait_finished (guint *finished,
               guint  count)
{
  while (*finished < count)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_scheduler_run (Fixture       *fixture,
                    gconstpointer  data)
{
  guint finished = 0;
  g_autoptr(KioskSyncScheduler) scheduler = new_scheduler (fixture, &finished);
  g_autoptr(KioskSource) source = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  publish (fixture);
  kiosk_sync_scheduler_start (scheduler);
  g_assert_false (kiosk_sync_scheduler_get_running (scheduler));
  wait_finished (&finished, 1);

  source = kiosk_store_get_source (fixture->store, SOURCE, NULL);
  g_assert_cmpint (source->version, ==, 1);
  g_assert_cmpuint (kiosk_sync_scheduler_get_failures (scheduler), ==, 0);
  g_assert_cmpint (kiosk_sync_scheduler_get_next_run (scheduler), >=, now + 3240);
  g_assert_cmpint (kiosk_sync_scheduler_get_next_run (scheduler), <=, now + 3961);
  g_assert_nonnull (strstr (kiosk_sync_scheduler_get_status (scheduler), "next check"));

  /* On demand, and once only however often it is asked. */
  kiosk_sync_scheduler_sync_now (scheduler);
  g_assert_true (kiosk_sync_scheduler_get_running (scheduler));
  kiosk_sync_scheduler_sync_now (scheduler);
  wait_finished (&finished, 2);
  g_assert_cmpuint (finished, ==, 2);
  g_assert_finalize_object (g_steal_pointer (&scheduler));
}

static void
test_scheduler_backoff (Fixture       *fixture,
                        gconstpointer  data)
{
  guint finished = 0;
  g_autoptr(KioskSyncScheduler) scheduler = new_scheduler (fixture, &finished);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  publish (fixture);
  add_source (fixture, "http://127.0.0.1:1/");
  kiosk_sync_scheduler_sync_now (scheduler);
  wait_finished (&finished, 1);
  g_assert_cmpuint (kiosk_sync_scheduler_get_failures (scheduler), ==, 1);
  g_assert_cmpint (kiosk_sync_scheduler_get_next_run (scheduler), <=, now + 77);
  g_test_message ("%s", kiosk_sync_scheduler_get_status (scheduler));
  g_assert_nonnull (strstr (kiosk_sync_scheduler_get_status (scheduler), "No connection"));
  g_assert_nonnull (strstr (kiosk_sync_scheduler_get_status (scheduler), "try again at"));

  /* A busy server's Retry-After wins over the short first backoff. */
  add_source (fixture, kiosk_test_server_get_url (fixture->server));
  kiosk_test_server_set_fault (fixture->server, "*.signed", KIOSK_FAULT_503);
  kiosk_sync_scheduler_sync_now (scheduler);
  wait_finished (&finished, 2);
  g_assert_cmpuint (kiosk_sync_scheduler_get_failures (scheduler), ==, 2);
  g_assert_cmpint (kiosk_sync_scheduler_get_next_run (scheduler), >=, now + 120);

  kiosk_test_server_clear (fixture->server);
  kiosk_sync_scheduler_sync_now (scheduler);
  wait_finished (&finished, 3);
  g_assert_cmpuint (kiosk_sync_scheduler_get_failures (scheduler), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&scheduler));
}

static void
test_scheduler_network (Fixture       *fixture,
                        gconstpointer  data)
{
  guint finished = 0;
  g_autoptr(KioskSyncScheduler) scheduler = new_scheduler (fixture, &finished);
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  g_object_set (scheduler, "start-delay", 3600 * 1000, NULL);
  publish (fixture);
  kiosk_sync_scheduler_start (scheduler);
  for (guint i = 0; i < 5; i++)
    g_signal_emit_by_name (monitor, "network-changed", TRUE);
  wait_finished (&finished, 1);

  /* The burst became one sync; later ones wait for the next change. */
  g_timeout_add_once (300, (GSourceOnceFunc) g_main_context_wakeup, NULL);
  for (gint64 end = g_get_monotonic_time () + 300000; g_get_monotonic_time () < end; )
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_finalize_object (g_steal_pointer (&scheduler));
}

/* ---- the command line ---- */

static void
on_waited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static char *
run_cli (const char * const *argv,
         int                *status)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean done = FALSE;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_waited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  *status = g_subprocess_get_exit_status (process);
  g_test_message ("%s → %d\n%s%s", argv[1], *status, out, err);
  return g_strconcat (out, err, NULL);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *exe = kiosk_test_build_path ("app/goc-tre-em");
  const char *key = kiosk_test_repo_public_key (fixture->repo);
  const char *url = kiosk_test_server_get_url (fixture->server);
  const char *add[] = { exe, "--add-source", "vn.test.cli", url, key, NULL };
  const char *add_bad[] = { exe, "--add-source", "vn.test.cli", url, NULL };
  const char *sync[] = { exe, "--sync", NULL };
  const char *remove[] = { exe, "--remove-source", "vn.test.cli", NULL };
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.cli");
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *store_path = kiosk_store_default_path ();
  KioskStoreCounts counts;
  int status;

  /* The CLI works on the default store; this test's key pair is the repo's. */
  kiosk_test_repo_free (g_steal_pointer (&repo));
  kiosk_test_publisher_free (fixture->publisher);
  kiosk_test_repo_free (fixture->repo);
  fixture->repo = kiosk_test_repo_new ("vn.test.cli");
  fill_repo (fixture->repo);
  fixture->publisher = kiosk_test_publisher_new (fixture->repo, fixture->root);
  add[4] = key = kiosk_test_repo_public_key (fixture->repo);
  publish (fixture);

  g_free (run_cli (add_bad, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run_cli (add, &status));
  g_assert_cmpint (status, ==, 0);

  out = run_cli (sync, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Synced 1 source: 0 failed."));
  g_clear_pointer (&out, g_free);

  kiosk_test_server_set_fault (fixture->server, "*.signed", KIOSK_FAULT_500);
  out = run_cli (sync, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "error 500"));
  kiosk_test_server_clear (fixture->server);

  store = kiosk_store_open (store_path, KIOSK_STORE_READER, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_get_counts (store, &counts, &error));
  g_assert_cmpuint (counts.articles, >=, 3);

  g_free (run_cli (remove, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_null (kiosk_store_get_source (store, "vn.test.cli", NULL));
  g_assert_null (kiosk_store_get_article (store, "swimming", NULL));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/kiosk/sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("first", test_first_sync);
  ADD ("no-change", test_no_change);
  ADD ("incremental", test_incremental);
  ADD ("skip-versions", test_skip_versions);
  ADD ("changes-fallback", test_changes_fallback);
  ADD ("no-changes-on-server", test_no_changes_on_server);
  ADD ("resume", test_resume);
  ADD ("parallel", test_parallel);
  ADD ("progress", test_progress);
  ADD ("redirect-same-host", test_redirect_same_host);
  ADD ("redirect-allowed-host", test_redirect_allowed_host);
  ADD ("shared-hotlines", test_shared_hotlines);
  ADD ("cancel", test_cancel);
  ADD ("scheduler/run", test_scheduler_run);
  ADD ("scheduler/backoff", test_scheduler_backoff);
  ADD ("scheduler/network", test_scheduler_network);
  ADD ("cli", test_cli);
  g_test_add_func ("/kiosk/sync/scheduler/delay", test_delay);
  g_test_add_func ("/kiosk/sync/format-ago", test_format_ago);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk/sync/fail/%s", failures[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_failure,
                  fixture_tear_down);
    }
#undef ADD

  return g_test_run ();
}
