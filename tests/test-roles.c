/* test-roles.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Visitor, staff and admin on the real window: the way in (a long press on the
 * commune's name, then the keypad), which actions each role has, the session ending
 * on idle and on "Log out", the keypad locking after wrong PINs, and leaving kiosk
 * mode.
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-header.h"
#include "kiosk-i18n.h"
#include "kiosk-login.h"
#include "kiosk-print-dialog.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-window.h"

#define ARTICLE "injury-drowning-home"

static KioskApplication *app;

/* Actions only a role opens, and the role. */
static const struct {
  const char *action;
  KioskRole   role;
} gated[] = {
  { "win.print-leaflet", KIOSK_ROLE_STAFF },
  { "win.logout", KIOSK_ROLE_STAFF },
  { "win.admin", KIOSK_ROLE_ADMIN },
  { "win.setup", KIOSK_ROLE_ADMIN },
  { "win.exit-kiosk", KIOSK_ROLE_ADMIN },
};

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

static KioskWindow *
new_window (gboolean kiosk_mode)
{
  KioskWindow *window = kiosk_window_new (app, kiosk_mode);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_ui_wait (200);
  kiosk_window_content_changed (window, NULL, TRUE);
  kiosk_test_ui_wait (50);
  return window;
}

static void
close_window (KioskWindow *window)
{
  kiosk_session_end (session ());
  gtk_window_destroy (GTK_WINDOW (window));
  kiosk_test_ui_wait (50);
}

static gboolean
enabled (KioskWindow *window,
         const char  *action)
{
  GVariant *target = g_str_equal (action, "win.print-leaflet") ? g_variant_new_string (ARTICLE)
                                                                 : NULL;

  return kiosk_test_ui_action_enabled (GTK_WIDGET (window), action, target);
}

static void
assert_actions_for (KioskWindow *window,
                    KioskRole    role)
{
  for (guint i = 0; i < G_N_ELEMENTS (gated); i++)
    {
      if (enabled (window, gated[i].action) != (role >= gated[i].role))
        g_error ("%s is %s for role %d", gated[i].action,
                 enabled (window, gated[i].action) ? "enabled" : "disabled", role);
    }
  g_assert_true (enabled (window, "win.unlock") == (role != KIOSK_ROLE_ADMIN));
  /* What everyone may do stays open. */
  g_assert_true (enabled (window, "win.hotline"));
  g_assert_true (enabled (window, "win.search"));
}

static KioskLogin *
visible_login (KioskWindow *window)
{
  return KIOSK_LOGIN (kiosk_test_ui_find_type (GTK_WIDGET (window), KIOSK_TYPE_LOGIN));
}

static KioskPrintDialog *
open_print_dialog (KioskWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (KIOSK_IS_PRINT_DIALOG (item) &&
          gtk_window_get_transient_for (GTK_WINDOW (item)) == GTK_WINDOW (window))
        return KIOSK_PRINT_DIALOG (item);
    }
  return NULL;
}

static gboolean
role_is (gpointer data)
{
  return (int) kiosk_session_get_role (session ()) == GPOINTER_TO_INT (data);
}

static gboolean
keypad_idle (gpointer data)
{
  KioskKeypad *keypad = data;

  return kiosk_test_ui_action_enabled (GTK_WIDGET (keypad), "keypad.cancel", NULL) &&
         (kiosk_keypad_is_locked (keypad) ||
          kiosk_test_ui_action_enabled (GTK_WIDGET (keypad), "keypad.digit",
                                        g_variant_new_string ("1")));
}

/* What staff do: the keypad, digit by digit, then OK. */
static void
enter_pin (KioskWindow *window,
           const char  *pin)
{
  KioskLogin *login;
  KioskKeypad *keypad;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL));
  kiosk_test_ui_wait (50);
  login = visible_login (window);
  g_assert_nonnull (login);
  keypad = kiosk_login_get_keypad (login);
  for (const char *p = pin; *p != '\0'; p++)
    {
      char digit[2] = { *p, '\0' };

      gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.digit", "s", digit);
    }
  gtk_widget_activate_action (GTK_WIDGET (keypad), "keypad.submit", NULL);
  /* Argon2id takes a moment, in a worker thread. */
  g_assert_true (kiosk_test_ui_wait_until (keypad_idle, keypad, 10000));
  kiosk_test_ui_wait (50);
}

static void
test_visitor (void)
{
  KioskWindow *window = new_window (FALSE);

  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  assert_actions_for (window, KIOSK_ROLE_VISITOR);
  /* Disabled means a tap does nothing: no leaflet dialog, no console. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-leaflet", "s", ARTICLE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.admin", NULL);
  kiosk_test_ui_wait (100);
  g_assert_null (open_print_dialog (window));
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_null (kiosk_test_ui_find_label (GTK_WIDGET (window), "Log out"));
  close_window (window);
}

static void
test_staff (void)
{
  KioskWindow *window = new_window (FALSE);
  KioskPrintDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-article", "s", ARTICLE);
  enter_pin (window, KIOSK_TEST_STAFF_PIN);
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_STAFF);
  g_assert_null (visible_login (window));
  /* Staff stay on the article a family asked for, and can print it. */
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ARTICLE);
  assert_actions_for (window, KIOSK_ROLE_STAFF);
  g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (window), "Signed in as staff"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-leaflet", "s", ARTICLE);
  kiosk_test_ui_wait (200);
  dialog = open_print_dialog (window);
  g_assert_nonnull (dialog);

  /* "Log out" ends the session and takes the dialog with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.logout", NULL));
  kiosk_test_ui_wait (100);
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_VISITOR);
  g_assert_null (open_print_dialog (window));
  assert_actions_for (window, KIOSK_ROLE_VISITOR);
  close_window (window);
}

static void
test_admin (void)
{
  KioskWindow *window = new_window (FALSE);

  enter_pin (window, KIOSK_TEST_ADMIN_PIN);
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_ADMIN);
  /* An admin goes straight to the console. */
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ADMIN);
  assert_actions_for (window, KIOSK_ROLE_ADMIN);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.logout", NULL);
  kiosk_test_ui_wait (100);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_null (kiosk_test_ui_find_label (GTK_WIDGET (window), "Admin console"));
  assert_actions_for (window, KIOSK_ROLE_VISITOR);
  close_window (window);
}

static void
test_cancel_login (void)
{
  KioskWindow *window = new_window (FALSE);
  KioskLogin *login;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL);
  kiosk_test_ui_wait (50);
  login = visible_login (window);
  g_assert_nonnull (login);
  gtk_widget_activate_action (GTK_WIDGET (kiosk_login_get_keypad (login)), "keypad.cancel", NULL);
  kiosk_test_ui_wait (50);
  g_assert_null (visible_login (window));
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_VISITOR);
  close_window (window);
}

/* Staff who walk away are signed out with everything else the idle reset forgets. */
static void
test_idle_ends_session (void)
{
  KioskWindow *window = new_window (FALSE);

  enter_pin (window, KIOSK_TEST_STAFF_PIN);
  g_assert_cmpint (kiosk_session_get_role (session ()), ==, KIOSK_ROLE_STAFF);
  /* On the home page, untouched: only the session is left to forget. */
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 1, NULL);
  g_assert_true (kiosk_test_ui_wait_until (role_is, GINT_TO_POINTER (KIOSK_ROLE_VISITOR), 5000));
  assert_actions_for (window, KIOSK_ROLE_VISITOR);
  close_window (window);
}

static void
test_idle_closes_console (void)
{
  KioskWindow *window = new_window (FALSE);

  enter_pin (window, KIOSK_TEST_ADMIN_PIN);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ADMIN);
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 1, NULL);
  g_assert_true (kiosk_test_ui_wait_until (role_is, GINT_TO_POINTER (KIOSK_ROLE_VISITOR), 5000));
  kiosk_test_ui_wait (100);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_null (kiosk_test_ui_find_label (GTK_WIDGET (window), "Usage counts"));
  close_window (window);
}

/* The keypad is left open with digits typed: the idle reset closes it. */
static void
test_idle_closes_keypad (void)
{
  KioskWindow *window = new_window (FALSE);
  KioskLogin *login;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL);
  kiosk_test_ui_wait (50);
  login = visible_login (window);
  gtk_widget_activate_action (GTK_WIDGET (kiosk_login_get_keypad (login)), "keypad.digit",
                              "s", "2");
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 1, NULL);
  kiosk_test_ui_wait (2800);
  g_assert_null (visible_login (window));
  g_assert_cmpuint (kiosk_keypad_get_length (kiosk_login_get_keypad (login)), ==, 0);
  close_window (window);
}

static GtkGesture *
find_long_press (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_LONG_PRESS (item))
        return GTK_GESTURE (item);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkGesture *found = find_long_press (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The documented way in: hold the commune's name for three seconds. GTK's long press
 * reports the first second; the header times the rest and a release stops it. */
static void
test_long_press (void)
{
  KioskWindow *window = new_window (FALSE);
  GtkWidget *header = kiosk_test_ui_find_type (GTK_WIDGET (window), KIOSK_TYPE_HEADER);
  GtkGesture *gesture = find_long_press (header);

  g_assert_nonnull (gesture);
  g_assert_cmpfloat (gtk_gesture_long_press_get_delay_factor (GTK_GESTURE_LONG_PRESS (gesture)),
                     ==, 2.0);

  g_signal_emit_by_name (gesture, "pressed", 10.0, 10.0);
  kiosk_test_ui_wait (1000);
  g_signal_emit_by_name (gesture, "end", NULL);
  kiosk_test_ui_wait (1500);
  g_assert_null (visible_login (window));

  g_signal_emit_by_name (gesture, "pressed", 10.0, 10.0);
  kiosk_test_ui_wait (2300);
  g_assert_nonnull (visible_login (window));
  close_window (window);
}

static void
test_kiosk_mode_exit (void)
{
  KioskWindow *window = new_window (TRUE);
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_false (enabled (window, "win.exit-kiosk"));
  gtk_window_close (GTK_WINDOW (window));
  kiosk_test_ui_wait (100);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (weak));

  /* With an admin session the same close goes through. */
  enter_pin (window, KIOSK_TEST_ADMIN_PIN);
  g_assert_true (enabled (window, "win.exit-kiosk"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.exit-kiosk", NULL);
  kiosk_test_ui_wait (200);
  g_assert_null (weak);
  kiosk_session_end (session ());
}

/* Last, as the lock stays: five wrong PINs lock the keypad, a new window (as after a
 * restart) finds it locked, and not even the right PIN opens it. */
static void
test_lockout (void)
{
  KioskWindow *window = new_window (FALSE);
  KioskKeypad *keypad;

  for (guint i = 0; i < KIOSK_PIN_MAX_FAILURES - 1; i++)
    {
      enter_pin (window, "0000");
      keypad = kiosk_login_get_keypad (visible_login (window));
      g_assert_false (kiosk_keypad_is_locked (keypad));
      g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (keypad), "Wrong PIN"));
    }
  enter_pin (window, "0000");
  keypad = kiosk_login_get_keypad (visible_login (window));
  g_assert_true (kiosk_keypad_is_locked (keypad));
  g_assert_false (kiosk_test_ui_action_enabled (GTK_WIDGET (keypad), "keypad.digit",
                                                g_variant_new_string ("1")));
  g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (keypad), "Too many wrong PINs"));
  close_window (window);

  window = new_window (FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unlock", NULL);
  kiosk_test_ui_wait (50);
  g_assert_true (kiosk_keypad_is_locked (kiosk_login_get_keypad (visible_login (window))));
  g_assert_cmpint (kiosk_test_ui_log_in (session (), KIOSK_TEST_ADMIN_PIN, NULL), ==,
                   KIOSK_ROLE_VISITOR);
  close_window (window);
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
  kiosk_test_ui_set_pins (session ());

  g_test_add_func ("/kiosk/roles/visitor", test_visitor);
  g_test_add_func ("/kiosk/roles/staff", test_staff);
  g_test_add_func ("/kiosk/roles/admin", test_admin);
  g_test_add_func ("/kiosk/roles/cancel-login", test_cancel_login);
  g_test_add_func ("/kiosk/roles/idle-ends-session", test_idle_ends_session);
  g_test_add_func ("/kiosk/roles/idle-closes-console", test_idle_closes_console);
  g_test_add_func ("/kiosk/roles/idle-closes-keypad", test_idle_closes_keypad);
  g_test_add_func ("/kiosk/roles/long-press", test_long_press);
  g_test_add_func ("/kiosk/roles/kiosk-mode-exit", test_kiosk_mode_exit);
  g_test_add_func ("/kiosk/roles/lockout", test_lockout);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
