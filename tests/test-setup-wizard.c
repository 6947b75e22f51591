/* test-setup-wizard.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-run set-up on the real window, by touch: language, commune name, both
 * PINs twice on the keypad, a sync source or "later"; then an admin running it again.
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-header.h"
#include "kiosk-i18n.h"
#include "kiosk-keyboard.h"
#include "kiosk-keypad.h"
#include "kiosk-setup-wizard.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

#define COMMUNE "Xã Tân Phú"
#define NEW_ADMIN_PIN "97531"
#define NEW_STAFF_PIN "8642"

static KioskApplication *app;

static gboolean
has_topics (gpointer data)
{
  KioskStoreCounts counts = { 0 };

  kiosk_store_get_counts (kiosk_application_get_store (app), &counts, NULL);
  return counts.articles > 0;
}

static KioskSession *
session (void)
{
  return kiosk_application_get_session (app);
}

static GSettings *
gsettings (void)
{
  return kiosk_settings_get_gsettings (kiosk_application_get_settings (app));
}

static KioskWindow *
new_window (void)
{
  KioskWindow *window = kiosk_window_new (app, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_ui_wait (300);
  return window;
}

static void
close_window (KioskWindow *window)
{
  kiosk_session_end (session ());
  gtk_window_destroy (GTK_WINDOW (window));
  kiosk_test_ui_wait (50);
}

static KioskSetupWizard *
wizard_of (KioskWindow *window)
{
  GtkWidget *page = kiosk_window_get_visible_page (window);

  g_assert_true (KIOSK_IS_SETUP_WIZARD (page));
  return KIOSK_SETUP_WIZARD (page);
}

static void
act (gpointer    widget,
     const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  kiosk_test_ui_wait (300);
}

static void
assert_step (KioskWindow *window,
             const char  *step)
{
  g_assert_cmpstr (kiosk_setup_wizard_get_step (wizard_of (window)), ==, step);
}

static KioskKeypad *
current_keypad (KioskWindow *window)
{
  GtkWidget *keypad = kiosk_test_ui_find_type (GTK_WIDGET (wizard_of (window)), KIOSK_TYPE_KEYPAD);

  g_assert_nonnull (keypad);
  return KIOSK_KEYPAD (keypad);
}

static void
enter_pin (KioskWindow *window,
           const char  *pin)
{
  KioskKeypad *keypad = current_keypad (window);

  for (const char *p = pin; *p != '\0'; p++)
    {
      char digit[2] = { *p, '\0' };

      gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.digit", "s", digit);
    }
  act (keypad, "keypad.submit");
}

static gboolean
on_screen (KioskWindow *window,
           const char  *text)
{
  return kiosk_test_ui_find_label (GTK_WIDGET (window), text) != NULL;
}

static gboolean
is_page (gpointer data)
{
  KioskWindow *window = data;

  return kiosk_window_get_page (window) != KIOSK_PAGE_SETUP;
}

/* Both PINs, each twice, with the slips people make. */
static void
choose_pins (KioskWindow *window,
             const char  *admin_pin,
             const char  *staff_pin)
{
  assert_step (window, "admin-pin");
  enter_pin (window, admin_pin);
  g_assert_true (on_screen (window, "Enter the same PIN again"));
  enter_pin (window, "11111");
  g_assert_true (on_screen (window, "The two PINs were not the same"));
  assert_step (window, "admin-pin");
  enter_pin (window, admin_pin);
  enter_pin (window, admin_pin);

  assert_step (window, "staff-pin");
  enter_pin (window, admin_pin);
  g_assert_true (on_screen (window, "must be different from the admin PIN"));
  enter_pin (window, staff_pin);
  enter_pin (window, staff_pin);
  assert_step (window, "sync");
}

/* Nothing to lose on the first step, so no countdown; a step further, the idle reset
 * starts the set-up again, forgetting what was typed. */
static void
test_idle_on_first_run (void)
{
  KioskWindow *window = new_window ();

  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_SETUP);
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 1, NULL);
  kiosk_test_ui_wait (1500);
  g_assert_false (kiosk_window_is_counting_down (window));

  act (wizard_of (window), "setup.next");
  assert_step (window, "commune");
  kiosk_test_ui_wait (3500);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_SETUP);
  assert_step (window, "welcome");
  close_window (window);
}

static void
test_first_run (void)
{
  KioskWindow *window = new_window ();
  KioskSetupWizard *wizard;
  GtkWidget *keyboard;
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;

  /* No PIN yet: the wizard fills the window, with no way around it. */
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_SETUP);
  g_assert_null (kiosk_test_ui_find_type (GTK_WIDGET (window), KIOSK_TYPE_HEADER));
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (window), "win.unlock", NULL));
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (window), "win.admin", NULL));
  assert_step (window, "welcome");
  g_assert_true (on_screen (window, "Chào mừng"));

  /* English: the wizard speaks English from here on. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.language", "s", "en"));
  kiosk_test_ui_wait (300);
  g_assert_true (on_screen (window, "Let us get this kiosk ready"));
  act (wizard_of (window), "setup.next");

  /* The name is needed; the on-screen keys type it, a real keyboard adds the marks. */
  assert_step (window, "commune");
  act (wizard_of (window), "setup.next");
  assert_step (window, "commune");
  g_assert_cmpstr (kiosk_setup_wizard_get_error (wizard_of (window)), ==,
                   "Please enter the commune's name.");
  keyboard = kiosk_test_ui_find_type (GTK_WIDGET (wizard_of (window)), KIOSK_TYPE_KEYBOARD);
  g_assert_nonnull (keyboard);
  g_assert_true (gtk_widget_activate_action (keyboard, "osk.type", "s", "x"));
  g_assert_true (gtk_widget_activate_action (keyboard, "osk.clear", NULL));
  gtk_editable_set_text (kiosk_keyboard_get_target (KIOSK_KEYBOARD (keyboard)), COMMUNE);
  act (keyboard, "osk.enter");

  choose_pins (window, KIOSK_TEST_ADMIN_PIN, KIOSK_TEST_STAFF_PIN);

  /* Half a source is refused; "Later" skips it. */
  wizard = wizard_of (window);
  gtk_editable_set_text (GTK_EDITABLE (kiosk_test_ui_find_type (GTK_WIDGET (wizard),
                                                                 GTK_TYPE_ENTRY)),
                         "vn.test.province");
  act (wizard, "setup.next");
  assert_step (window, "sync");
  g_assert_nonnull (kiosk_setup_wizard_get_error (wizard));
  act (wizard, "setup.later");
  assert_step (window, "done");
  g_assert_true (on_screen (window, "Commune: " COMMUNE));
  g_assert_true (on_screen (window, "Content updates: later"));
  /* Nothing is saved before the end. */
  g_assert_true (kiosk_session_get_needs_setup (session ()));

  act (wizard, "setup.finish");
  g_assert_true (kiosk_test_ui_wait_until (is_page, window, 20000));
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_false (kiosk_session_get_needs_setup (session ()));
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_VISITOR);
  name = g_settings_get_string (gsettings (), "commune-name");
  language = g_settings_get_string (gsettings (), "language");
  g_assert_cmpstr (name, ==, COMMUNE);
  g_assert_cmpstr (language, ==, "en");
  g_assert_true (on_screen (window, COMMUNE));
  g_assert_true (kiosk_test_ui_action_enabled (GTK_WIDGET (window), "win.unlock", NULL));
  close_window (window);

  g_assert_cmpint (kiosk_test_ui_log_in (session (), KIOSK_TEST_STAFF_PIN, NULL), ==,
                   KIOSK_ROLE_STAFF);
  kiosk_session_end (session ());
}

/* Only an admin may run it again; Cancel goes back to the console unchanged. */
static void
test_rerun_cancel (void)
{
  KioskWindow *window = new_window ();

  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (window), "win.setup", NULL));
  g_assert_cmpint (kiosk_test_ui_log_in (session (), KIOSK_TEST_ADMIN_PIN, NULL), ==,
                   KIOSK_ROLE_ADMIN);
  act (window, "win.setup");
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_SETUP);
  g_assert_true (on_screen (window, "Cancel set-up"));
  act (wizard_of (window), "setup.cancel");
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ADMIN);
  /* The way back leads out of the console, not into the wizard again. */
  act (window, "win.back");
  g_assert_cmpint (kiosk_window_get_page (window), !=, KIOSK_PAGE_SETUP);
  close_window (window);
}

/* New PINs and a content source; the old PINs stop working. */
static void
test_rerun_with_source (void)
{
  KioskWindow *window = new_window ();
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.province");
  g_autoptr(KioskSource) source = NULL;
  GtkWidget *entries[3] = { NULL };
  KioskSetupWizard *wizard;
  int n = 0;

  kiosk_test_ui_log_in (session (), KIOSK_TEST_ADMIN_PIN, NULL);
  act (window, "win.setup");
  wizard = wizard_of (window);
  act (wizard, "setup.next");
  assert_step (window, "commune");
  act (wizard, "setup.next");
  choose_pins (window, NEW_ADMIN_PIN, NEW_STAFF_PIN);

  /* The source name, address and key, in the one grid on the step. */
  for (GtkWidget *child = gtk_widget_get_first_child (kiosk_test_ui_find_type (GTK_WIDGET (wizard),
                                                                               GTK_TYPE_GRID));
       child != NULL && n < 3; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child))
      entries[n++] = child;
  g_assert_cmpint (n, ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (entries[0]), "vn.test.province");
  gtk_editable_set_text (GTK_EDITABLE (entries[1]), "https://example.invalid/goc-tre-em/");
  gtk_editable_set_text (GTK_EDITABLE (entries[2]), "not a key");
  act (wizard, "setup.next");
  g_assert_cmpstr (kiosk_setup_wizard_get_error (wizard), ==,
                   "The key is not right: it is 44 letters, digits and signs ending in “=”.");
  gtk_editable_set_text (GTK_EDITABLE (entries[2]), kiosk_test_repo_public_key (repo));
  act (wizard, "setup.next");
  assert_step (window, "done");
  g_assert_true (on_screen (window, "from https://example.invalid/goc-tre-em/"));

  act (wizard, "setup.finish");
  g_assert_true (kiosk_test_ui_wait_until (is_page, window, 20000));
  /* The admin is back in the console, still signed in. */
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ADMIN);
  source = kiosk_store_get_source (kiosk_application_get_store (app), "vn.test.province", NULL);
  g_assert_nonnull (source);
  g_assert_cmpstr (source->url, ==, "https://example.invalid/goc-tre-em/");
  close_window (window);

  g_assert_cmpint (kiosk_test_ui_log_in (session (), KIOSK_TEST_ADMIN_PIN, NULL), ==,
                   KIOSK_ROLE_VISITOR);
  g_assert_cmpint (kiosk_test_ui_log_in (session (), NEW_ADMIN_PIN, NULL), ==, KIOSK_ROLE_ADMIN);
  g_assert_cmpint (kiosk_test_ui_log_in (session (), NEW_STAFF_PIN, NULL), ==, KIOSK_ROLE_STAFF);
  kiosk_session_end (session ());
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
  kiosk_test_ui_init (&argc, &argv);
  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  app = kiosk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_test_ui_wait_until (has_topics, NULL, 60000));

  g_test_add_func ("/kiosk/setup/idle-on-first-run", test_idle_on_first_run);
  g_test_add_func ("/kiosk/setup/first-run", test_first_run);
  g_test_add_func ("/kiosk/setup/rerun-cancel", test_rerun_cancel);
  g_test_add_func ("/kiosk/setup/rerun-with-source", test_rerun_with_source);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
