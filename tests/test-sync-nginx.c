/* test-sync-nginx.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync client against a real nginx on a loopback port, counting requests and
 * bytes from its access log, and a syncing process killed with SIGKILL at random
 * moments (KIOSK_SYNC_KILL_ROUNDS, 50 by default; bench/sync-kill runs more).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk-store.h"
#include "kiosk-sync-client.h"
#include "kiosk-test-publisher.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define SOURCE "vn.test.province"
#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày\",\"en\":\"Day and night\"}}]"

typedef struct {
  char               *dir;
  char               *root;
  char               *store_path;
  char               *url;
  KioskTestRepo      *repo;
  KioskTestPublisher *publisher;
  GPid                nginx;
  guint               log_lines;
} Fixture;

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
wait_for_port (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GSocketConnection) connection =
        g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

      if (connection != NULL)
        return;
      g_usleep (20 * 1000);
    }
  g_error ("nginx did not start");
}

/* nginx must not outlive a test that aborts. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* daemon off, every path under the test folder, ended by its PID. */
static void
start_nginx (Fixture *fixture)
{
  guint port = free_port ();
  g_autofree char *conf_path = g_build_filename (fixture->dir, "nginx.conf", NULL);
  g_autofree char *conf = g_strdup_printf (
    "%4$s daemon off; worker_processes 1; pid %1$s/nginx.pid; error_log %1$s/error.log;\n"
    "events { worker_connections 64; }\n"
    "http {\n"
    "  log_format kiosk '$request_method $uri $status $bytes_sent $request_length';\n"
    "  access_log %1$s/access.log kiosk;\n"
    "  client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;\n"
    "  uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;\n"
    "  default_type application/octet-stream;\n"
    "  server { listen 127.0.0.1:%2$u; root %3$s; }\n"
    "}\n", fixture->dir, port, fixture->root,
    /* as root (CI), the worker must be able to read the private test folder */
    getuid () == 0 ? "user root;" : "");
  const char *argv[] = { "nginx", "-p", fixture->dir, "-e", "stderr", "-c", conf_path, NULL };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, die_with_parent, NULL,
                 &fixture->nginx, &error);
  g_assert_no_error (error);
  wait_for_port (port);
  fixture->url = g_strdup_printf ("http://127.0.0.1:%u/", port);
}

static void
fill_repo (KioskTestRepo *repo,
           guint          n_articles)
{
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_add_media (repo, "fence.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  kiosk_test_repo_add_topic (repo, "drowning", "Phòng chống đuối nước");
  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autofree char *body = g_strdup_printf ("Bài số %u về phòng chống đuối nước cho trẻ em.", i);

      kiosk_test_repo_add_article (repo, id, "drowning", "Bài viết", body);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[2] = { NULL, NULL };

  fixture->dir = kiosk_test_mkdtemp ("nginx");
  fixture->root = g_build_filename (fixture->dir, "www", NULL);
  fixture->store_path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  g_mkdir_with_parents (fixture->root, 0755);
  start_nginx (fixture);

  fixture->repo = kiosk_test_repo_new (SOURCE);
  fill_repo (fixture->repo, GPOINTER_TO_UINT (data));
  fixture->publisher = kiosk_test_publisher_new (fixture->repo, fixture->root);
  keys[0] = kiosk_test_repo_public_key (fixture->repo);
  store = kiosk_store_open (fixture->store_path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_add_source (store, SOURCE, fixture->url, keys, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kill (fixture->nginx, SIGTERM);
  waitpid (fixture->nginx, NULL, 0);
  g_spawn_close_pid (fixture->nginx);
  g_clear_pointer (&fixture->publisher, kiosk_test_publisher_free);
  g_clear_pointer (&fixture->repo, kiosk_test_repo_free);
  kiosk_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->root);
  g_free (fixture->store_path);
  g_free (fixture->url);
}

typedef struct {
  gboolean         done;
  KioskSyncReport *report;
  GError          *error;
} Wait;

static void
on_synced_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  kiosk_sync_client_sync_finish (KIOSK_SYNC_CLIENT (source), result, &wait->report, &wait->error);
  wait->done = TRUE;
}

static KioskSyncReport *
sync_store (const char *store_path,
            GError    **error)
{
  g_autoptr(KioskSyncClient) client = kiosk_sync_client_new ();
  Wait wait = { 0 };

  kiosk_sync_client_sync_async (client, store_path, SOURCE, NULL, on_synced_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.report;
}

static KioskSyncReport *
sync_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KioskSyncReport *report = sync_store (fixture->store_path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->new_version, ==, kiosk_test_publisher_version (fixture->publisher));
  return report;
}

/* The access log lines written since the last call: "GET /path status sent received". */
static GStrv
new_requests (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "access.log", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  /* nginx writes the line when the response is done; give it a moment. */
  g_usleep (50 * 1000);
  g_file_get_contents (path, &contents, NULL, NULL);
  lines = g_strsplit (contents ? contents : "", "\n", -1);
  n = g_strv_length (lines);
  for (guint i = fixture->log_lines; i + 1 < n; i++)
    g_strv_builder_add (builder, lines[i]);
  fixture->log_lines = n > 0 ? n - 1 : 0;
  return g_strv_builder_end (builder);
}

static guint64
wire_bytes (GStrv requests)
{
  guint64 total = 0;

  for (guint i = 0; requests[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (requests[i], " ", -1);

      total += g_ascii_strtoull (fields[3], NULL, 10) + g_ascii_strtoull (fields[4], NULL, 10);
    }
  return total;
}

static gboolean
requested (GStrv       requests,
           const char *prefix)
{
  for (guint i = 0; requests[i] != NULL; i++)
    if (g_str_has_prefix (requests[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_full_then_incremental (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KioskSyncReport) full = NULL;
  g_autoptr(KioskSyncReport) poll = NULL;
  g_autoptr(KioskSyncReport) idle = NULL;
  g_autoptr(KioskSyncReport) one = NULL;
  g_auto(GStrv) requests = NULL;

  kiosk_test_publisher_publish (fixture->publisher);
  full = sync_ok (fixture);
  requests = new_requests (fixture);
  g_assert_cmpuint (full->objects_fetched, ==, GPOINTER_TO_UINT (data) + 3);
  g_assert_true (requested (requests, "GET /manifest.signed 200"));
  g_test_message ("full sync: %u requests, %" G_GUINT64_FORMAT " bytes on the wire",
                  g_strv_length (requests), wire_bytes (requests));

  /* The first poll learns the ETag of the changes file for the version held... */
  poll = sync_ok (fixture);
  g_strfreev (requests);
  requests = new_requests (fixture);
  g_assert_true (poll->up_to_date);

  /* ...and from then on a poll with nothing new is one request answered 304. */
  idle = sync_ok (fixture);
  g_strfreev (requests);
  requests = new_requests (fixture);
  g_assert_true (idle->up_to_date);
  g_assert_cmpuint (g_strv_length (requests), ==, 1);
  g_assert_true (g_str_has_prefix (requests[0], "GET /changes/1.signed 304 "));
  g_test_message ("no-change sync: %s, %" G_GUINT64_FORMAT " bytes on the wire", requests[0],
                  wire_bytes (requests));
  g_assert_cmpuint (wire_bytes (requests), <, 2048);

  /* One changed article: its changes file and its object, not the full manifest. */
  kiosk_test_repo_add_article (fixture->repo, "article-7", "drowning", "Bài viết", "Đã sửa.");
  kiosk_test_publisher_publish (fixture->publisher);
  one = sync_ok (fixture);
  g_strfreev (requests);
  requests = new_requests (fixture);
  g_assert_true (one->from_changes);
  g_assert_cmpuint (one->articles_updated, ==, 1);
  g_assert_cmpuint (g_strv_length (requests), ==, 2);
  g_assert_true (requested (requests, "GET /changes/1.signed 200"));
  g_assert_true (requested (requests, "GET /objects/"));
  g_assert_false (requested (requests, "GET /manifest.signed"));
  g_test_message ("one changed article: %" G_GUINT64_FORMAT " bytes on the wire",
                  wire_bytes (requests));
}

/* ---- SIGKILL at random moments ---- */

static char *
dump_store (const char *path)
{
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_READER, NULL);

  g_assert_nonnull (store);
  return kiosk_test_dump_store (store);
}

static void
copy_store (const char *from,
            const char *to)
{
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  kiosk_test_copy_tree (from, to);
}

static void
clear_staging (void)
{
  g_autofree char *staging = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "staging",
                                               NULL);

  kiosk_test_rm_rf (staging);
}

static int
child_sync (const char *store_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskSyncReport) report = sync_store (store_path, &error);

  return error == NULL ? 0 : 3;
}

static gint64
run_child (const char *store_path,
           gint64      kill_after_us)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  char *argv[] = { self_exe, "--child-sync", (char *) store_path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status;

  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  if (kill_after_us >= 0)
    {
      g_usleep (kill_after_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (kill_after_us < 0)
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return g_get_monotonic_time () - start;
}

static void
test_sigkill (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (fixture->dir, "old.sqlite", NULL);
  g_autofree char *new_path = g_build_filename (fixture->dir, "new.sqlite", NULL);
  g_autofree char *old_dump = NULL;
  g_autofree char *new_dump = NULL;
  g_autoptr(KioskSyncReport) first = NULL;
  g_autoptr(KioskSyncReport) last = NULL;
  const char *rounds_env = g_getenv ("KIOSK_SYNC_KILL_ROUNDS");
  guint rounds = rounds_env ? atoi (rounds_env) : 50;
  guint saw_old = 0, saw_new = 0;
  gint64 duration;
  GRand *rand = g_rand_new ();

  kiosk_test_publisher_publish (fixture->publisher);
  first = sync_ok (fixture);
  copy_store (fixture->store_path, old_path);
  old_dump = dump_store (old_path);

  for (guint i = 0; i < GPOINTER_TO_UINT (data); i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);

      kiosk_test_repo_add_article (fixture->repo, id, "drowning", "Bài mùa mưa", "Mùa mưa.");
    }
  kiosk_test_publisher_publish (fixture->publisher);

  /* How long a whole sync takes, to spread the kills over it. */
  copy_store (old_path, new_path);
  clear_staging ();
  duration = run_child (new_path, -1);
  new_dump = dump_store (new_path);
  g_assert_cmpstr (old_dump, !=, new_dump);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *dump = NULL;

      copy_store (old_path, fixture->store_path);
      if (round % 2 == 0)
        clear_staging ();
      run_child (fixture->store_path, g_rand_int_range (rand, 0, duration + 1));
      dump = dump_store (fixture->store_path);
      g_assert_true (g_str_has_prefix (dump, "ok|\n"));
      if (g_str_equal (dump, old_dump))
        saw_old++;
      else
        {
          g_assert_cmpstr (dump, ==, new_dump);
          saw_new++;
        }
    }
  g_test_message ("%u kills over a %" G_GINT64_FORMAT " ms sync: %u left the old version, %u the new",
                  rounds, duration / 1000, saw_old, saw_new);

  last = sync_ok (fixture);
  g_assert_cmpstr (dump_store (fixture->store_path), ==, new_dump);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-sync"))
    return child_sync (argv[2]);

  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  if (!g_find_program_in_path ("nginx") && !g_file_test ("/usr/sbin/nginx", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("nginx is not installed (tools/install-deps --test)");
      return g_test_run ();
    }
  g_setenv ("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", FALSE);

  g_test_add ("/kiosk/sync/nginx/full-no-change-incremental", Fixture, GUINT_TO_POINTER (20),
              fixture_set_up, test_full_then_incremental, fixture_tear_down);
  g_test_add ("/kiosk/sync/nginx/sigkill", Fixture, GUINT_TO_POINTER (150),
              fixture_set_up, test_sigkill, fixture_tear_down);

  return g_test_run ();
}
