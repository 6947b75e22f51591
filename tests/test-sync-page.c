/* test-sync-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The console's sync screen on real store files: syncing now, and adding, turning off
 * and removing a source through the page's form and rows.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "kiosk-i18n.h"
#include "kiosk-importer.h"
#include "kiosk-sync-page.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

#define FORM_ID "vn.test.form"
#define PAGE_KEY "JyqNmjsCXJjdExNCcdDAkGaidiRul7BkbNtbNO+3uRQ="

#define HOTLINES \
  "[{\"id\":\"province-line\",\"number\":\"0236 3000 000\",\"national\":false,\"free\":true," \
  "\"name\":{\"vi\":\"Đường dây của tỉnh\",\"en\":\"Province line\"}," \
  "\"purpose\":{\"vi\":\"Hỏi đáp\",\"en\":\"Questions\"}," \
  "\"hours\":{\"vi\":\"Giờ hành chính\",\"en\":\"Office hours\"}}]"

typedef struct {
  char               *dir;
  KioskStore         *store;
  KioskSyncScheduler *scheduler;
  GtkWidget          *window;
  GtkWidget          *page;
  guint               finished;
  guint               content_changed;
} Fixture;

static void
count_cb (gpointer  emitter,
          gboolean  ok,
          guint    *count)
{
  (*count)++;
}

static void
content_changed_cb (GtkWidget *page,
                    guint     *count)
{
  (*count)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = { PAGE_KEY, NULL };

  fixture->dir = kiosk_test_mkdtemp ("page");
  path = g_build_filename (fixture->dir, "store.sqlite", NULL);
  fixture->store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  fixture->scheduler = kiosk_sync_scheduler_new (path, NULL);
  g_assert_true (kiosk_store_add_source (fixture->store, "vn.test.page", "http://127.0.0.1:1/",
                                         keys, &error));
  g_assert_no_error (error);

  fixture->page = kiosk_sync_page_new (fixture->store, fixture->scheduler);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_signal_connect (fixture->scheduler, "finished", G_CALLBACK (count_cb), &fixture->finished);
  g_signal_connect (fixture->page, "content-changed", G_CALLBACK (content_changed_cb),
                    &fixture->content_changed);
  kiosk_test_ui_wait (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_unref (fixture->scheduler);
  g_object_unref (fixture->store);
  g_free (fixture->dir);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (fixture->page, KIOSK_TYPE_SYNC_PAGE, name));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static guint
count_sources (Fixture *fixture)
{
  g_autoptr(GPtrArray) sources = kiosk_store_list_sources (fixture->store, NULL);

  return sources->len;
}

/* The button under @root for @action with the string target @target, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             const char *target)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == NULL || (value != NULL && g_str_equal (g_variant_get_string (value, NULL),
                                                           target)))
        return root;
    }
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found = find_button (widget, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fill_form (Fixture    *fixture,
           const char *id,
           const char *url,
           const char *key)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "source_entry")), id);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "url_entry")), url);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "key_entry")), key);
}

static const char *
form_message (Fixture *fixture)
{
  GtkWidget *label = child (fixture, "form_message");

  g_assert_true (gtk_widget_get_visible (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
editable (Fixture *fixture)
{
  return kiosk_test_ui_action_enabled (fixture->page, "sync.add-source", NULL);
}

static gboolean
editable_cb (gpointer data)
{
  return editable (data);
}

static gboolean
sync_finished_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->finished > 0 && !kiosk_sync_scheduler_get_running (fixture->scheduler);
}

static gboolean
form_source_enabled (Fixture *fixture)
{
  g_autoptr(KioskSource) source = kiosk_store_get_source (fixture->store, FORM_ID, NULL);

  g_assert_nonnull (source);
  return source->enabled;
}

static void
test_sync_now (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *sources = child (fixture, "sources_list");
  GtkWidget *log = child (fixture, "log_list");

  g_assert_cmpuint (count_rows (sources), ==, 1);
  g_assert_cmpuint (count_rows (log), ==, 0);

  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.now", NULL));
  g_assert_true (kiosk_sync_scheduler_get_running (fixture->scheduler));
  g_assert_true (kiosk_test_ui_wait_until (sync_finished_cb, fixture, 20000));
  g_assert_cmpuint (count_rows (log), ==, 1);
  g_assert_nonnull (strstr (kiosk_sync_scheduler_get_status (fixture->scheduler),
                            "No connection"));
}

static void
expect_refused (Fixture    *fixture,
                const char *id,
                const char *url,
                const char *key,
                const char *message)
{
  fill_form (fixture, id, url, key);
  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.add-source", NULL));
  g_assert_nonnull (strstr (form_message (fixture), message));
  g_assert_cmpuint (count_sources (fixture), ==, 1);
  g_assert_true (editable (fixture));
}

/* Each wrong field is named in words, and nothing reaches the store. */
static void
test_add_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *before = kiosk_test_dump_store (fixture->store);
  g_autofree char *after = NULL;

  expect_refused (fixture, FORM_ID, "", PAGE_KEY, "Fill in all three boxes.");
  expect_refused (fixture, "Tinh Quang Nam", "https://example.org/", PAGE_KEY,
                  "The source name uses only small letters, digits, dots and dashes.");
  expect_refused (fixture, FORM_ID, "ftp://example.org/", PAGE_KEY,
                  "The address must start with https:// or http://.");
  expect_refused (fixture, FORM_ID, "https://example.org/", "c2hvcnQ=",
                  "The key is not right");
  expect_refused (fixture, "vn.test.page", "https://example.org/", PAGE_KEY,
                  "There is already a source called “vn.test.page”.");

  /* In the kiosk's own language, as the wizard says it. */
  kiosk_i18n_set_language (KIOSK_LANG_VI);
  expect_refused (fixture, FORM_ID, "https://example.org/", "c2hvcnQ=", "Khóa chưa đúng");
  kiosk_i18n_set_language (KIOSK_LANG_EN);

  after = kiosk_test_dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_rows (child (fixture, "sources_list")), ==, 1);
}

static void
add_form_source (Fixture    *fixture,
                 const char *key)
{
  fill_form (fixture, FORM_ID, "http://127.0.0.1:1/", key);
  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.add-source", NULL));
  g_assert_false (editable (fixture));
  g_assert_true (kiosk_test_ui_wait_until (sync_finished_cb, fixture, 20000));
  g_assert_true (kiosk_test_ui_wait_until (editable_cb, fixture, 5000));
}

static void
toggle (Fixture  *fixture,
        gboolean  on)
{
  const char *action = on ? "sync.turn-on" : "sync.turn-off";
  GtkWidget *sources = child (fixture, "sources_list");
  g_autofree char *text = NULL;

  g_assert_nonnull (find_button (sources, action, FORM_ID));
  g_assert_true (gtk_widget_activate_action (fixture->page, action, "s", FORM_ID));
  g_assert_true (kiosk_test_ui_wait_until (editable_cb, fixture, 5000));
  g_assert_cmpint (form_source_enabled (fixture), ==, on);
  text = kiosk_test_ui_collect_text (sources);
  g_assert_cmpint (strstr (text, "(turned off)") == NULL, ==, on);
  g_assert_nonnull (find_button (sources, on ? "sync.turn-off" : "sync.turn-on", FORM_ID));
}

static void
import_content (Fixture       *fixture,
                KioskTestRepo *repo)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("form-repo");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_add_topic (repo, "form-topic", "Chủ đề của tỉnh");
  kiosk_test_repo_add_article (repo, "form-article", "form-topic", "Bài của tỉnh",
                               "Nội dung.");
  kiosk_test_repo_write (repo, dir);
  result = kiosk_import_repository (fixture->store, folder, NULL, KIOSK_IMPORT_DEFAULT, NULL,
                                    &error);
  g_assert_no_error (error);
  article = kiosk_store_get_article (fixture->store, "form-article", &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
}

static char *
make_staging (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "staging",
                                           FORM_ID, NULL);
  g_autofree char *file = g_build_filename (dir, "half-downloaded", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  return g_steal_pointer (&dir);
}

static void
remove_form_source (Fixture *fixture)
{
  GtkWidget *sources = child (fixture, "sources_list");
  const char *question = "Remove this source and all its content";
  g_autofree char *staging = make_staging ();
  KioskStoreCounts counts = { 0 };

  /* A first tap only asks; "Keep it" takes the question back. */
  gtk_widget_activate_action (fixture->page, "sync.confirm-remove", "s", FORM_ID);
  g_assert_true (editable (fixture));
  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.remove", "s", FORM_ID));
  g_assert_nonnull (kiosk_test_ui_find_label (sources, question));
  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.keep-source", NULL));
  g_assert_null (kiosk_test_ui_find_label (sources, question));
  g_assert_true (form_source_enabled (fixture));

  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.remove", "s", FORM_ID));
  g_assert_nonnull (find_button (sources, "sync.confirm-remove", FORM_ID));
  g_assert_true (gtk_widget_activate_action (fixture->page, "sync.confirm-remove", "s", FORM_ID));
  g_assert_true (kiosk_test_ui_wait_until (editable_cb, fixture, 5000));

  g_assert_null (kiosk_store_get_source (fixture->store, FORM_ID, NULL));
  g_assert_null (kiosk_store_get_article (fixture->store, "form-article", NULL));
  g_assert_true (kiosk_store_get_counts (fixture->store, &counts, NULL));
  g_assert_cmpuint (counts.articles, ==, 0);
  g_assert_cmpuint (counts.topics, ==, 0);
  g_assert_false (g_file_test (staging, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_rows (sources), ==, 1);
  g_assert_null (kiosk_test_ui_find_label (sources, FORM_ID));
  g_assert_cmpuint (fixture->content_changed, ==, 1);
}

/* Added through the form, turned off and on, then removed with its content. */
static void
test_add_toggle_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new (FORM_ID);
  GtkWidget *sources = child (fixture, "sources_list");

  add_form_source (fixture, kiosk_test_repo_public_key (repo));
  g_assert_nonnull (strstr (form_message (fixture), "“" FORM_ID "” was added"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "source_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "key_entry"))), ==, "");
  g_assert_true (form_source_enabled (fixture));
  g_assert_cmpuint (count_sources (fixture), ==, 2);
  g_assert_cmpuint (count_rows (sources), ==, 2);
  g_assert_nonnull (kiosk_test_ui_find_label (sources, FORM_ID));
  /* The new source was synced at once (the address answers nothing). */
  g_assert_cmpuint (count_rows (child (fixture, "log_list")), >=, 1);

  import_content (fixture, repo);
  toggle (fixture, FALSE);
  toggle (fixture, TRUE);
  remove_form_source (fixture);
}

/* While a sync runs, sources stay as they are. */
static void
test_locked_while_syncing (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page = fixture->page;

  g_assert_true (kiosk_test_ui_action_enabled (page, "sync.remove",
                                               g_variant_new_string ("vn.test.page")));
  g_assert_true (gtk_widget_activate_action (page, "sync.now", NULL));
  g_assert_true (kiosk_sync_scheduler_get_running (fixture->scheduler));
  g_assert_false (editable (fixture));
  g_assert_false (kiosk_test_ui_action_enabled (page, "sync.remove",
                                                g_variant_new_string ("vn.test.page")));
  g_assert_false (kiosk_test_ui_action_enabled (page, "sync.turn-off",
                                                g_variant_new_string ("vn.test.page")));
  g_assert_false (kiosk_test_ui_action_enabled (page, "sync.confirm-remove",
                                                g_variant_new_string ("vn.test.page")));
  g_assert_true (kiosk_test_ui_wait_until (sync_finished_cb, fixture, 20000));
  g_assert_true (editable (fixture));
  g_assert_cmpuint (count_sources (fixture), ==, 1);
}

/* The library installed with the app has no address: nothing to turn off or remove. */
static void
test_bundled_fixed (void)
{
  KioskStore *store = kiosk_test_ui_bundled_store ();
  g_autoptr(KioskSyncScheduler) scheduler = kiosk_sync_scheduler_new (kiosk_store_get_path (store),
                                                                      NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = kiosk_sync_page_new (store, scheduler);
  GtkWidget *sources = GTK_WIDGET (gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE,
                                                                  "sources_list"));

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (count_rows (sources), ==, 1);
  g_assert_nonnull (kiosk_test_ui_find_label (sources, "Installed with the app"));
  g_assert_null (find_button (sources, "sync.remove", NULL));
  g_assert_null (find_button (sources, "sync.turn-off", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);
  kiosk_i18n_init ();
  kiosk_i18n_set_language (KIOSK_LANG_EN);

  g_test_add ("/kiosk/sync-page/sync-now", Fixture, NULL, fixture_set_up, test_sync_now,
              fixture_tear_down);
  g_test_add ("/kiosk/sync-page/add-refused", Fixture, NULL, fixture_set_up, test_add_refused,
              fixture_tear_down);
  g_test_add ("/kiosk/sync-page/add-toggle-remove", Fixture, NULL, fixture_set_up,
              test_add_toggle_remove, fixture_tear_down);
  g_test_add_func ("/kiosk/sync-page/bundled-fixed", test_bundled_fixed);
  g_test_add ("/kiosk/sync-page/locked-while-syncing", Fixture, NULL, fixture_set_up,
              test_locked_while_syncing, fixture_tear_down);
  return g_test_run ();
}
