/* test-admin-console.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The admin console in the real window: the commune's details and local contacts,
 * a USB stick's content previewed and then imported, the usage counts (and that no
 * search words are kept), and that no setting change loses content.
 */

#include "config.h"

#include <string.h>

#include "kiosk-admin-console.h"
#include "kiosk-application.h"
#include "kiosk-commune-page.h"
#include "kiosk-i18n.h"
#include "kiosk-search-page.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-usage-page.h"
#include "kiosk-usb-page.h"
#include "kiosk-window.h"

#define SECRET_WORDS "quokka zebra"

#define HOTLINES \
  "[{\"id\":\"province-line\",\"number\":\"0236 3000 000\",\"national\":false,\"free\":true," \
  "\"name\":{\"vi\":\"Đường dây của tỉnh\",\"en\":\"Province line\"}," \
  "\"purpose\":{\"vi\":\"Hỏi đáp\",\"en\":\"Questions\"}," \
  "\"hours\":{\"vi\":\"Giờ hành chính\",\"en\":\"Office hours\"}}]"

static KioskApplication *app;
static KioskWindow *window;

static gboolean
has_topics (gpointer data)
{
  KioskStoreCounts counts = { 0 };

  kiosk_store_get_counts (kiosk_application_get_store (app), &counts, NULL);
  return counts.articles > 0;
}

static KioskStore *
store (void)
{
  return kiosk_application_get_store (app);
}

static KioskStoreCounts
counts_now (void)
{
  KioskStoreCounts counts = { 0 };

  g_assert_true (kiosk_store_get_counts (store (), &counts, NULL));
  return counts;
}

static void
act (gpointer    widget,
     const char *action,
     const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action,
                                             target ? "s" : NULL, target));
  kiosk_test_ui_wait (150);
}

static KioskAdminConsole *
open_console (void)
{
  GtkWidget *page;

  if (kiosk_session_get_role (kiosk_application_get_session (app)) != KIOSK_ROLE_ADMIN)
    g_assert_cmpint (kiosk_test_ui_log_in (kiosk_application_get_session (app),
                                           KIOSK_TEST_ADMIN_PIN, NULL), ==, KIOSK_ROLE_ADMIN);
  act (window, "win.admin", NULL);
  page = kiosk_window_get_visible_page (window);
  g_assert_true (KIOSK_IS_ADMIN_CONSOLE (page));
  return KIOSK_ADMIN_CONSOLE (page);
}

static gboolean
on_screen (const char *text)
{
  return kiosk_test_ui_find_label (GTK_WIDGET (window), text) != NULL;
}

/* ---- commune details and local contacts ---- */

static gboolean
commune_saved (gpointer data)
{
  return !kiosk_commune_page_is_saving (data);
}

static void
save_commune (KioskCommunePage *page)
{
  act (page, "commune.save", NULL);
  g_assert_true (kiosk_test_ui_wait_until (commune_saved, page, 10000));
  kiosk_test_ui_wait (100);
}

static void
test_commune (void)
{
  KioskAdminConsole *console = open_console ();
  KioskCommunePage *page;
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *person = NULL;

  act (console, "console.section", "commune");
  page = KIOSK_COMMUNE_PAGE (kiosk_admin_console_get_page (console, "commune"));
  gtk_editable_set_text (kiosk_commune_page_get_field (page, "name"), "Xã Hải Ninh");
  gtk_editable_set_text (kiosk_commune_page_get_field (page, "address"),
                         "Thôn 3, xã Hải Ninh, huyện Quảng Ninh");
  gtk_editable_set_text (kiosk_commune_page_get_number (page, KIOSK_CONTACT_POLICE),
                         "0232 3511 113");
  gtk_editable_set_text (kiosk_commune_page_get_number (page, KIOSK_CONTACT_CHILD_PROTECTION),
                         "0912 345 678");
  gtk_editable_set_text (kiosk_commune_page_get_person (page, KIOSK_CONTACT_CHILD_PROTECTION),
                         "chị Lan");

  /* A typo saves nothing, and says which number. */
  gtk_editable_set_text (kiosk_commune_page_get_number (page, KIOSK_CONTACT_HEALTH_STATION), "12");
  save_commune (page);
  g_assert_nonnull (strstr (kiosk_commune_page_get_status (page), "“12” is not a phone number"));
  g_assert_null (kiosk_contacts_dup_number (store (), KIOSK_CONTACT_POLICE, NULL));

  gtk_editable_set_text (kiosk_commune_page_get_number (page, KIOSK_CONTACT_HEALTH_STATION), "");
  save_commune (page);
  g_assert_true (g_str_has_prefix (kiosk_commune_page_get_status (page), "Saved."));
  name = kiosk_settings_dup_commune_name (kiosk_application_get_settings (app));
  g_assert_cmpstr (name, ==, "Xã Hải Ninh");
  number = kiosk_contacts_dup_number (store (), KIOSK_CONTACT_CHILD_PROTECTION, &person);
  g_assert_cmpstr (number, ==, "0912 345 678");
  g_assert_cmpstr (person, ==, "chị Lan");

  /* Visitors see them on the hotline screen, and the name at the top. */
  act (window, "win.hotline", NULL);
  g_assert_true (on_screen ("0912 345 678"));
  g_assert_true (on_screen ("Commune child-protection officer: chị Lan"));
  g_assert_true (on_screen ("Xã Hải Ninh"));

  /* Removing one takes it off the screen. */
  console = open_console ();
  page = KIOSK_COMMUNE_PAGE (kiosk_admin_console_get_page (console, "commune"));
  g_assert_cmpstr (gtk_editable_get_text (kiosk_commune_page_get_number (page,
                                                                      KIOSK_CONTACT_POLICE)),
                   ==, "0232 3511 113");
  gtk_widget_activate_action (GTK_WIDGET (page), "commune.remove", "i", KIOSK_CONTACT_POLICE);
  g_assert_true (kiosk_test_ui_wait_until (commune_saved, page, 10000));
  g_assert_null (kiosk_contacts_dup_number (store (), KIOSK_CONTACT_POLICE, NULL));
  act (window, "win.hotline", NULL);
  g_assert_false (on_screen ("0232 3511 113"));
  g_assert_true (on_screen ("0912 345 678"));
}

/* ---- USB import ---- */

static void
fill_repo (KioskTestRepo *repo)
{
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_add_topic (repo, "usb-topic", "Chủ đề từ USB");
  kiosk_test_repo_add_article (repo, "usb-one", "usb-topic", "Bài một", "Nội dung một.");
  kiosk_test_repo_add_article (repo, "usb-two", "usb-topic", "Bài hai", "Nội dung hai.");
  kiosk_test_repo_add_article (repo, "usb-three", "usb-topic", "Bài ba", "Nội dung ba.");
}

static void
trust (KioskTestRepo *repo)
{
  g_autoptr(KioskStore) writer = kiosk_store_open (kiosk_store_get_path (store ()),
                                                   KIOSK_STORE_WRITER, NULL);

  g_assert_true (kiosk_store_trust_key (writer, kiosk_test_repo_public_key (repo), NULL));
}

static gboolean
usb_settled (gpointer data)
{
  return !kiosk_usb_page_is_busy (data);
}

static KioskUsbPage *
insert_stick (KioskAdminConsole *console,
              const char        *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  KioskUsbPage *page = KIOSK_USB_PAGE (kiosk_admin_console_get_page (console, "usb"));

  /* What the GVolumeMonitor mount-added handler does with a new mount. */
  kiosk_usb_monitor_offer (kiosk_application_get_usb_monitor (app), file, "TESTSTICK");
  kiosk_test_ui_wait (100);
  g_assert_true (kiosk_test_ui_wait_until (usb_settled, page, 20000));
  kiosk_test_ui_wait (50);
  return page;
}

static void
import_now (KioskUsbPage *page)
{
  g_assert_true (kiosk_test_ui_action_enabled (GTK_WIDGET (page), "usb.import", NULL));
  act (page, "usb.import", NULL);
  g_assert_true (kiosk_test_ui_wait_until (usb_settled, page, 20000));
  kiosk_test_ui_wait (50);
}

static void
test_usb_import (void)
{
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.usb");
  g_autofree char *stick = kiosk_test_mkdtemp ("stick");
  g_autofree char *folder = g_build_filename (stick, "goc-tre-em", NULL);
  g_autofree char *stick2 = kiosk_test_mkdtemp ("stick2");
  KioskAdminConsole *console = open_console ();
  KioskStoreCounts before = counts_now ();
  KioskUsbPage *page;

  fill_repo (repo);
  kiosk_test_repo_write (repo, folder);
  trust (repo);

  /* The console turns to the stick and says what importing would change. */
  page = insert_stick (console, stick);
  g_assert_cmpstr (kiosk_admin_console_get_section (console), ==, "usb");
  g_assert_nonnull (strstr (kiosk_usb_page_get_status (page),
                            "Importing it changes the articles: 3 new, 0 updated, 0 removed."));
  g_assert_nonnull (strstr (kiosk_usb_page_get_status (page), "“TESTSTICK”"));
  /* A preview changes nothing. */
  g_assert_cmpuint (counts_now ().articles, ==, before.articles);

  import_now (page);
  g_assert_nonnull (strstr (kiosk_usb_page_get_status (page), "Imported: 3 new, 0 updated"));
  g_assert_cmpuint (counts_now ().articles, ==, before.articles + 3);
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (page), "usb.import", NULL));

  /* A newer package at the top of another stick: one new, one changed, one gone. */
  kiosk_test_repo_set_version (repo, 2);
  kiosk_test_repo_remove (repo, "usb-two");
  kiosk_test_repo_remove (repo, "usb-three");
  kiosk_test_repo_add_article (repo, "usb-three", "usb-topic", "Bài ba", "Nội dung mới.");
  kiosk_test_repo_add_article (repo, "usb-four", "usb-topic", "Bài bốn", "Nội dung bốn.");
  kiosk_test_repo_write (repo, stick2);
  page = insert_stick (console, stick2);
  g_assert_nonnull (strstr (kiosk_usb_page_get_status (page),
                            "Importing it changes the articles: 1 new, 1 updated, 1 removed."));
  import_now (page);
  g_assert_cmpuint (counts_now ().articles, ==, before.articles + 3);
  g_assert_nonnull (kiosk_store_get_article (store (), "usb-four", NULL));

  /* The same stick again: nothing newer, nothing offered. */
  page = insert_stick (console, stick2);
  g_assert_nonnull (strstr (kiosk_usb_page_get_status (page), "There is nothing to import."));
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (page), "usb.import", NULL));
}

/* A package signed by a key the kiosk does not trust is refused, in words. */
static void
test_usb_untrusted (void)
{
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.stranger");
  g_autofree char *stick = kiosk_test_mkdtemp ("stranger");
  KioskAdminConsole *console = open_console ();
  KioskStoreCounts before = counts_now ();
  KioskUsbPage *page;

  fill_repo (repo);
  kiosk_test_repo_write (repo, stick);
  page = insert_stick (console, stick);
  g_assert_true (g_str_has_prefix (kiosk_usb_page_get_status (page),
                                   "This content cannot be used"));
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (page), "usb.import", NULL));
  g_assert_cmpuint (counts_now ().articles, ==, before.articles);
}

/* "Look in a folder" for a stick mounted somewhere else; an empty one says so. */
static void
test_usb_folder (void)
{
  g_autofree char *empty = kiosk_test_mkdtemp ("empty-folder");
  g_autoptr(GFile) folder = g_file_new_for_path (empty);
  KioskAdminConsole *console = open_console ();
  KioskUsbPage *page = KIOSK_USB_PAGE (kiosk_admin_console_get_page (console, "usb"));

  kiosk_usb_page_look_in (page, folder);
  g_assert_true (kiosk_test_ui_wait_until (usb_settled, page, 10000));
  g_assert_true (g_str_has_prefix (kiosk_usb_page_get_status (page),
                                   "There is no content package in"));
}

/* ---- usage counts ---- */

static gboolean
usage_settled (gpointer data)
{
  return !kiosk_usage_page_is_busy (data);
}

static KioskUsageDay *
today (GPtrArray *days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (((KioskUsageDay *) days->pdata[i])->day, date))
      return days->pdata[i];
  return NULL;
}

static void
search_for (const char *text)
{
  KioskSearchPage *search;

  act (window, "win.search", NULL);
  search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
  kiosk_search_page_set_text (search, text);
  kiosk_search_page_flush (search);
  kiosk_test_ui_wait (50);
}

/* What a visitor did, then what staff printed, as the window counts it. */
static void
use_the_kiosk (void)
{
  KioskSession *session = kiosk_application_get_session (app);

  kiosk_session_end (session);
  act (window, "win.home", NULL);
  act (window, "win.show-topic", "injury");
  act (window, "win.show-article", "injury-drowning-home");
  act (window, "win.back", NULL);
  act (window, "win.show-article", "injury-burns-home");
  search_for (SECRET_WORDS);
  search_for ("duoi nuoc");
  act (window, "win.home", NULL);
  kiosk_test_ui_log_in (session, KIOSK_TEST_STAFF_PIN, NULL);
  act (window, "win.print-leaflet", "injury-drowning-home");
  kiosk_session_end (session);
  kiosk_test_ui_wait (100);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return FALSE;
  return g_strstr_len (bytes, length, needle) != NULL;
}

static void
assert_no_search_words (void)
{
  const char *path = kiosk_store_get_path (store ());
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (file_contains (file, "quokka"));
    }
}

static void
test_usage (void)
{
  KioskAdminConsole *console = open_console ();
  KioskUsagePage *page = KIOSK_USAGE_PAGE (kiosk_admin_console_get_page (console, "usage"));
  g_autofree char *stick = kiosk_test_mkdtemp ("report-stick");
  g_autoptr(GFile) folder = g_file_new_for_path (stick);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *csv_name = g_strdup_printf ("goc-tre-em-usage-%s.csv", date);
  g_autofree char *csv_path = g_build_filename (stick, csv_name, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *row = NULL;
  KioskUsageDay *day;

  /* Start from nothing: earlier tests walked around too. */
  act (console, "console.section", "usage");
  g_assert_true (kiosk_test_ui_wait_until (usage_settled, page, 10000));
  act (page, "usage.reset", NULL);
  g_assert_true (on_screen ("Delete every count kept so far?"));
  act (page, "usage.confirm-reset", NULL);
  g_assert_true (kiosk_test_ui_wait_until (usage_settled, page, 10000));

  use_the_kiosk ();
  console = open_console ();
  page = KIOSK_USAGE_PAGE (kiosk_admin_console_get_page (console, "usage"));
  act (console, "console.section", "usage");
  g_assert_true (kiosk_test_ui_wait_until (usage_settled, page, 10000));
  g_assert_cmpuint (kiosk_usage_page_get_n_days (page), ==, 1);

  days = kiosk_usage_list_days (store (), NULL);
  day = today (days);
  g_assert_nonnull (day);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_TOPIC_VIEW], ==, 1);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_ARTICLE_VIEW], ==, 2);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_SEARCH], ==, 2);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_ZERO_RESULT_SEARCH], ==, 1);
  g_assert_cmpuint (day->counts[KIOSK_USAGE_LEAFLET_PRINTED], ==, 1);
  assert_no_search_words ();

  /* The report for the commune, on a stick. */
  kiosk_usage_page_export_to (page, folder);
  g_assert_true (kiosk_test_ui_wait_until (usage_settled, page, 10000));
  g_assert_true (g_str_has_prefix (kiosk_usage_page_get_status (page), "Saved as"));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  row = g_strdup_printf ("date,topic_views,article_views,searches,zero_result_searches,"
                         "leaflets_printed\r\n%s,1,2,2,1,1\r\n", date);
  g_assert_cmpstr (csv, ==, row);
  g_assert_false (file_contains (csv_path, "quokka"));

  act (page, "usage.reset", NULL);
  act (page, "usage.confirm-reset", NULL);
  g_assert_true (kiosk_test_ui_wait_until (usage_settled, page, 10000));
  g_clear_pointer (&days, g_ptr_array_unref);
  days = kiosk_usage_list_days (store (), NULL);
  g_assert_cmpuint (days->len, ==, 0);
}

/* ---- settings ---- */

static void
assert_same_content (const KioskStoreCounts *before)
{
  KioskStoreCounts after = counts_now ();

  g_assert_cmpuint (after.topics, ==, before->topics);
  g_assert_cmpuint (after.articles, ==, before->articles);
  g_assert_cmpuint (after.hotlines, ==, before->hotlines);
  g_assert_cmpuint (after.media, ==, before->media);
}

/* A value for @key other than its current one: the next choice, the other end of
 * its range, or a new text. */
static GVariant *
other_value (GSettings  *settings,
             const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) current = g_settings_get_value (settings, key);
  g_autoptr(GVariant) values = NULL;
  const char *kind;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &values);
  if (g_str_equal (kind, "enum"))
    {
      for (gsize i = 0; i < g_variant_n_children (values); i++)
        {
          g_autoptr(GVariant) choice = g_variant_get_child_value (values, i);

          if (!g_variant_equal (choice, current))
            return g_steal_pointer (&choice);
        }
    }
  if (g_str_equal (kind, "range"))
    {
      guint32 low, high;

      g_variant_get (values, "(uu)", &low, &high);
      return g_variant_new_uint32 (g_variant_get_uint32 (current) == high ? low : high);
    }
  /* Free text: a valid value of its kind. */
  if (g_str_equal (key, "proxy"))
    return g_variant_new_string ("http://10.0.0.1:3128");
  return g_variant_new_string ("Xã Thử Nghiệm");
}

/* Every setting changed, some through the console's own buttons, with the whole app
 * running (the window, the sync scheduler): the content stays whole. */
static void
test_settings_keep_content (void)
{
  KioskAdminConsole *console = open_console ();
  GSettings *settings = kiosk_settings_get_gsettings (kiosk_application_get_settings (app));
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  KioskStoreCounts before = counts_now ();
  guint idle_seconds = 0;

  act (console, "console.section", "kiosk");
  gtk_widget_activate_action (GTK_WIDGET (console), "settings.idle-timeout", "u", 600);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-timeout"), ==, 600);
  g_object_get (window, "idle-seconds", &idle_seconds, NULL);
  g_assert_cmpuint (idle_seconds, ==, 600);
  act (console, "settings.paper-size", "a5");
  act (console, "settings.renderer", "cairo");
  act (console, "settings.language", "vi");

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (other_value (settings, keys[i]));

      g_settings_set_value (settings, keys[i], value);
      kiosk_test_ui_wait (100);
      assert_same_content (&before);
    }

  /* And the screens still show it. */
  act (window, "win.home", NULL);
  act (window, "win.reset", NULL);
  kiosk_window_content_changed (window, NULL, TRUE);
  kiosk_test_ui_wait (200);
  g_assert_true (on_screen ("111"));
  act (window, "win.show-article", "injury-drowning-home");
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ARTICLE);
  assert_same_content (&before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;
  int status;

  kiosk_test_init_dirs ();
  kiosk_i18n_init ();
  kiosk_i18n_set_language (KIOSK_LANG_EN);
  kiosk_test_ui_init (&argc, &argv);
  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  app = kiosk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_test_ui_wait_until (has_topics, NULL, 60000));
  g_settings_set_string (kiosk_settings_get_gsettings (kiosk_application_get_settings (app)),
                         "language", "en");
  kiosk_test_ui_set_pins (kiosk_application_get_session (app));

  window = kiosk_window_new (app, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_ui_wait (200);
  kiosk_window_content_changed (window, NULL, TRUE);

  g_test_add_func ("/kiosk/console/commune", test_commune);
  g_test_add_func ("/kiosk/console/usb-import", test_usb_import);
  g_test_add_func ("/kiosk/console/usb-untrusted", test_usb_untrusted);
  g_test_add_func ("/kiosk/console/usb-folder", test_usb_folder);
  g_test_add_func ("/kiosk/console/usage", test_usage);
  g_test_add_func ("/kiosk/console/settings-keep-content", test_settings_keep_content);

  status = g_test_run ();
  kiosk_session_end (kiosk_application_get_session (app));
  gtk_window_destroy (GTK_WINDOW (window));
  kiosk_test_ui_wait (50);
  g_clear_object (&app);
  return status;
}
