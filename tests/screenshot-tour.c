/* screenshot-tour.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the real window through every screen at the sizes kiosks have and saves
 * what a person would see, for docs/screenshots/. Run by tools/screenshots.
 */

#include "config.h"

#include <string.h>

#include "kiosk-admin-console.h"
#include "kiosk-application.h"
#include "kiosk-contacts.h"
#include "kiosk-i18n.h"
#include "kiosk-keypad.h"
#include "kiosk-login.h"
#include "kiosk-search-page.h"
#include "kiosk-setup-wizard.h"
#include "kiosk-sync-page.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-usb-page.h"
#include "kiosk-window.h"

static KioskApplication *app;
static const char *out_dir;

static gboolean
has_content (gpointer data)
{
  KioskStoreCounts counts = { 0 };

  kiosk_store_get_counts (kiosk_application_get_store (app), &counts, NULL);
  return counts.articles > 0;
}

static void
shoot (KioskWindow *window,
       const char  *name,
       int          width,
       int          height)
{
  g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, width, height);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);

  kiosk_test_ui_wait (400);
  kiosk_test_ui_screenshot (GTK_WIDGET (window), path);
  g_print ("%s\n", path);
}

static void
act (gpointer    widget,
     const char *action,
     const char *target)
{
  gtk_widget_activate_action (GTK_WIDGET (widget), action, target ? "s" : NULL, target);
  kiosk_test_ui_wait (100);
}

/* ---- the first-run set-up ---- */

static void
press_digits (KioskKeypad *keypad,
              const char  *digits)
{
  for (const char *p = digits; *p != '\0'; p++)
    {
      char digit[2] = { *p, '\0' };

      gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.digit", "s", digit);
    }
}

static KioskKeypad *
visible_keypad (GtkWidget *root)
{
  return KIOSK_KEYPAD (kiosk_test_ui_find_type (root, KIOSK_TYPE_KEYPAD));
}

static void
wizard_pin (KioskWindow *window,
            const char  *pin)
{
  GtkWidget *wizard = kiosk_window_get_visible_page (window);

  for (int i = 0; i < 2; i++)
    {
      press_digits (visible_keypad (wizard), pin);
      gtk_widget_activate_action (GTK_WIDGET (visible_keypad (wizard)), "keypad.submit", NULL);
      kiosk_test_ui_wait (300);
    }
}

static gboolean
setup_done (gpointer data)
{
  return kiosk_window_get_page (data) != KIOSK_PAGE_SETUP;
}

/* Every step a clerk sees; @finish saves it, which only the last tour does. */
static void
setup_tour (int      width,
            int      height,
            gboolean finish)
{
  KioskWindow *window = kiosk_window_new (app, FALSE);
  GtkWidget *wizard;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  shoot (window, "setup-1-language", width, height);
  wizard = kiosk_window_get_visible_page (window);
  act (GTK_WIDGET (wizard), "setup.next", NULL);
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_ui_find_type (wizard, GTK_TYPE_ENTRY)),
                         "Xã Tân Phú");
  shoot (window, "setup-2-commune", width, height);
  act (GTK_WIDGET (wizard), "setup.next", NULL);
  kiosk_test_ui_wait (300);
  press_digits (visible_keypad (wizard), "2468");
  shoot (window, "setup-3-admin-pin", width, height);
  kiosk_keypad_clear (visible_keypad (wizard));
  wizard_pin (window, KIOSK_TEST_ADMIN_PIN);
  press_digits (visible_keypad (wizard), KIOSK_TEST_ADMIN_PIN);
  gtk_widget_activate_action (GTK_WIDGET (visible_keypad (wizard)), "keypad.submit", NULL);
  shoot (window, "setup-4-staff-pin-refused", width, height);
  wizard_pin (window, KIOSK_TEST_STAFF_PIN);
  shoot (window, "setup-5-updates", width, height);
  act (GTK_WIDGET (wizard), "setup.later", NULL);
  shoot (window, "setup-6-ready", width, height);
  if (finish)
    {
      act (GTK_WIDGET (wizard), "setup.finish", NULL);
      g_assert_true (kiosk_test_ui_wait_until (setup_done, window, 20000));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- staff and admin ---- */

static KioskStore *
open_writer (void)
{
  const char *path = kiosk_store_get_path (kiosk_application_get_store (app));

  return kiosk_store_open (path, KIOSK_STORE_WRITER, NULL);
}

/* A package on a "stick" the console finds and previews. */
static void
offer_stick (void)
{
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.tinh.quangnam");
  g_autofree char *stick = kiosk_test_mkdtemp ("KINGSTON");
  g_autofree char *folder = g_build_filename (stick, "goc-tre-em", NULL);
  g_autoptr(KioskStore) writer = open_writer ();
  g_autoptr(GFile) root = g_file_new_for_path (stick);
  static const char hotlines[] =
    "[{\"id\":\"province\",\"number\":\"0235 3812 345\",\"national\":false,\"free\":false,"
    "\"name\":{\"vi\":\"Sở Lao động tỉnh\",\"en\":\"Province labour office\"},"
    "\"purpose\":{\"vi\":\"Hỗ trợ trẻ em\",\"en\":\"Child support\"},"
    "\"hours\":{\"vi\":\"Giờ hành chính\",\"en\":\"Office hours\"}}]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (hotlines, strlen (hotlines));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", bytes, NULL, -1);
  kiosk_test_repo_set_version (repo, 1795000000);
  kiosk_test_repo_add_topic (repo, "tinh-tin-tuc", "Tin của tỉnh");
  kiosk_test_repo_add_article (repo, "tinh-he-an-toan", "tinh-tin-tuc", "Hè an toàn", "Nội dung.");
  kiosk_test_repo_add_article (repo, "tinh-duong-day", "tinh-tin-tuc", "Đường dây", "Nội dung.");
  kiosk_test_repo_write (repo, folder);
  kiosk_store_trust_key (writer, kiosk_test_repo_public_key (repo), NULL);
  kiosk_usb_monitor_offer (kiosk_application_get_usb_monitor (app), root, "KINGSTON");
}

static void
add_sample_contacts (void)
{
  g_autoptr(KioskStore) writer = open_writer ();

  kiosk_contacts_set (writer, KIOSK_CONTACT_POLICE, "0235 3861 113", NULL, NULL);
  kiosk_contacts_set (writer, KIOSK_CONTACT_HEALTH_STATION, "0235 3861 115",
                      "Trạm Y tế xã Tân Phú", NULL);
  kiosk_contacts_set (writer, KIOSK_CONTACT_CHILD_PROTECTION, "0905 123 456",
                      "chị Nguyễn Thị Lan", NULL);
}

/* A province's source beside the bundled one, so the updates screen shows its buttons. */
static void
add_sample_source (void)
{
  g_autoptr(KioskStore) writer = open_writer ();
  const char *keys[] = { "JyqNmjsCXJjdExNCcdDAkGaidiRul7BkbNtbNO+3uRQ=", NULL };

  kiosk_store_add_source (writer, "vn.tinh.danang", "https://noidung.danang.gov.vn/goctreem/",
                          keys, NULL);
}

/* The form to add a source, scrolled into view, with a key typed wrong. */
static void
shoot_source_form (KioskAdminConsole *console,
                   KioskWindow       *window,
                   int                width,
                   int                height)
{
  GtkWidget *page = kiosk_admin_console_get_page (console, "updates");
  const char *fields[][2] = {
    { "source_entry", "vn.tinh.quangnam" },
    { "url_entry", "https://goctreem.quangnam.gov.vn/" },
    { "key_entry", "Qk5MZ3lQ" },
  };
  GObject *first = gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE, "source_entry");
  GObject *entry = NULL;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *scroll;
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      entry = gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE, fields[i][0]);
      gtk_editable_set_text (GTK_EDITABLE (entry), fields[i][1]);
    }
  act (page, "sync.add-source", NULL);
  /* The form's heading and note, then its fields, at the top of the section. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW));
  scroll = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_widget_translate_coordinates (GTK_WIDGET (first), GTK_WIDGET (scrolled), 0, 0, &x, &y);
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) + y - 110);
  shoot (window, "console-updates-add", width, height);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* Remove asks once more, in the row. */
  act (page, "sync.remove", "vn.tinh.danang");
  first = gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE, "sources_list");
  gtk_widget_translate_coordinates (GTK_WIDGET (first), GTK_WIDGET (scrolled), 0, 0, &x, &y);
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) + y - 40);
  shoot (window, "console-updates-remove", width, height);
  act (page, "sync.keep-source", NULL);
}

static gboolean
usb_ready (gpointer data)
{
  KioskUsbPage *page = data;

  return !kiosk_usb_page_is_busy (page) && strstr (kiosk_usb_page_get_status (page), "KINGSTON");
}

static void
console_tour (KioskWindow *window,
              int          width,
              int          height)
{
  static const char *const sections[] = { "commune", "updates", "printing", "kiosk", "usage" };
  KioskAdminConsole *console;
  g_autofree char *name = NULL;

  add_sample_source ();
  kiosk_test_ui_log_in (kiosk_application_get_session (app), KIOSK_TEST_ADMIN_PIN, NULL);
  act (GTK_WIDGET (window), "win.admin", NULL);
  console = KIOSK_ADMIN_CONSOLE (kiosk_window_get_visible_page (window));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      name = g_strdup_printf ("console-%s", sections[i]);
      act (GTK_WIDGET (console), "console.section", sections[i]);
      shoot (window, name, width, height);
      g_clear_pointer (&name, g_free);
      if (g_str_equal (sections[i], "updates"))
        shoot_source_form (console, window, width, height);
    }
  offer_stick ();
  kiosk_test_ui_wait_until (usb_ready, kiosk_admin_console_get_page (console, "usb"), 20000);
  shoot (window, "console-usb", width, height);
  kiosk_usb_monitor_clear (kiosk_application_get_usb_monitor (app));
  act (GTK_WIDGET (window), "win.logout", NULL);
}

/* The way in, the keypad with a wrong PIN, staff on an article, and the console. */
static void
admin_tour (int      width,
            int      height,
            gboolean console)
{
  KioskWindow *window = kiosk_window_new (app, FALSE);
  KioskKeypad *keypad;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  act (GTK_WIDGET (window), "win.show-article", "injury-drowning-home");
  act (GTK_WIDGET (window), "win.unlock", NULL);
  keypad = visible_keypad (GTK_WIDGET (window));
  press_digits (keypad, "135");
  shoot (window, "keypad", width, height);
  press_digits (keypad, "9");
  gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.submit", NULL);
  kiosk_test_ui_wait (1500);
  shoot (window, "keypad-wrong-pin", width, height);
  press_digits (keypad, KIOSK_TEST_STAFF_PIN);
  gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.submit", NULL);
  kiosk_test_ui_wait (1500);
  shoot (window, "article-staff", width, height);
  act (GTK_WIDGET (window), "win.logout", NULL);
  if (console)
    console_tour (window, width, height);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
tour (int      width,
      int      height,
      gboolean large_text,
      gboolean extras)
{
  KioskWindow *window = kiosk_window_new (app, FALSE);
  KioskSearchPage *search;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_window_content_changed (window, NULL, TRUE);

  shoot (window, "home", width, height);
  act (window, "win.show-topic", "injury");
  shoot (window, "topic", width, height);
  act (window, "win.show-article", "injury-drowning-home");
  shoot (window, "article", width, height);
  act (window, "win.search", NULL);
  search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
  kiosk_search_page_set_text (search, "duoi nuoc");
  kiosk_search_page_flush (search);
  shoot (window, "search", width, height);
  act (window, "win.hotline", NULL);
  shoot (window, "hotline", width, height);

  if (large_text)
    {
      act (window, "win.home", NULL);
      for (int i = 0; i < 4; i++)
        act (window, "win.text-larger", NULL);
      shoot (window, "home-200-percent", width, height);
      act (window, "win.show-article", "injury-drowning-home");
      shoot (window, "article-200-percent", width, height);
      act (window, "win.hotline", NULL);
      shoot (window, "hotline-200-percent", width, height);
      act (window, "win.home", NULL);
      act (window, "win.text-normal", NULL);
    }
  if (extras)
    {
      act (window, "win.high-contrast", NULL);
      shoot (window, "home-high-contrast", width, height);
      act (window, "win.show-article", "abuse-when-child-tells");
      shoot (window, "article-high-contrast", width, height);
      act (window, "win.high-contrast", NULL);
      act (window, "win.show-article", "parenting-infant");
      shoot (window, "article-parenting-infant", width, height);
      act (window, "win.show-article", "online-strangers");
      shoot (window, "article-online-strangers", width, height);
      act (window, "win.language", "en");
      act (window, "win.show-article", "injury-drowning-home");
      shoot (window, "article-english", width, height);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = NULL;

  if (argc < 2)
    {
      g_printerr ("usage: screenshot-tour OUTPUT_DIR\n");
      return 2;
    }
  out_dir = argv[1];
  argc = 1;

  kiosk_test_init_dirs ();
  kiosk_i18n_init ();
  kiosk_test_ui_init (&argc, &argv);
  /* A tool, not a test: a layout warning is printed for whoever owns that screen, and
   * the remaining screenshots are still taken. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_ERROR);
  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);

  app = kiosk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_test_ui_wait_until (has_content, NULL, 60000));

  /* A new kiosk opens on its set-up; the last run saves it, in Vietnamese. */
  setup_tour (1024, 600, FALSE);
  setup_tour (1366, 768, TRUE);
  add_sample_contacts ();

  tour (1366, 768, TRUE, TRUE);
  tour (1080, 1920, FALSE, FALSE);
  tour (1024, 600, TRUE, FALSE);
  admin_tour (1366, 768, TRUE);
  admin_tour (1024, 600, TRUE);
  g_clear_object (&app);
  return 0;
}
