/* test-keypad.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN keypad on the test's display: keys as actions, the real keyboard, sizes a
 * finger can hit, and the lock countdown.
 */

#include "config.h"

#include "kiosk-keypad.h"
#include "kiosk-pins.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

typedef struct {
  GtkWindow   *window;
  KioskKeypad *keypad;
  GPtrArray   *submitted;
  guint        cancelled;
} Fixture;

static void
on_submitted_cb (KioskKeypad *keypad,
                 const char  *pin,
                 Fixture     *fixture)
{
  g_ptr_array_add (fixture->submitted, g_strdup (pin));
}

static void
on_cancelled_cb (KioskKeypad *keypad,
                 Fixture     *fixture)
{
  fixture->cancelled++;
}

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "kiosk");
  gtk_window_set_default_size (fixture->window, 1024, 600);
  fixture->keypad = g_object_ref (KIOSK_KEYPAD (kiosk_keypad_new ()));
  fixture->submitted = g_ptr_array_new_with_free_func (g_free);
  kiosk_keypad_set_title (fixture->keypad, "PIN");
  g_signal_connect (fixture->keypad, "submitted", G_CALLBACK (on_submitted_cb), fixture);
  g_signal_connect (fixture->keypad, "cancelled", G_CALLBACK (on_cancelled_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->keypad));
  gtk_window_present (fixture->window);
  g_assert_true (kiosk_test_ui_wait_until (is_laid_out, fixture->keypad, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kiosk_test_ui_wait (20);
  g_assert_finalize_object (fixture->keypad);
  g_ptr_array_unref (fixture->submitted);
}

static void
press (Fixture    *fixture,
       const char *action,
       const char *digit)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->keypad), action, digit ? "s" : NULL, digit);
}

static void
type_digits (Fixture    *fixture,
             const char *digits)
{
  for (const char *p = digits; *p != '\0'; p++)
    {
      char digit[2] = { *p, '\0' };

      press (fixture, "keypad.digit", digit);
    }
}

static gboolean
enabled (Fixture    *fixture,
         const char *action,
         const char *digit)
{
  return kiosk_test_ui_action_enabled (GTK_WIDGET (fixture->keypad), action,
                                       digit ? g_variant_new_string (digit) : NULL);
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  /* OK waits for four digits; backspace for one. */
  g_assert_false (enabled (fixture, "keypad.submit", NULL));
  g_assert_false (enabled (fixture, "keypad.backspace", NULL));
  type_digits (fixture, "123");
  g_assert_cmpuint (kiosk_keypad_get_length (fixture->keypad), ==, 3);
  g_assert_false (enabled (fixture, "keypad.submit", NULL));
  g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (fixture->keypad), "●●●"));
  /* The digits themselves are never on screen. */
  g_assert_null (kiosk_test_ui_find_label (GTK_WIDGET (fixture->keypad), "123"));

  press (fixture, "keypad.backspace", NULL);
  type_digits (fixture, "45");
  g_assert_true (enabled (fixture, "keypad.submit", NULL));
  press (fixture, "keypad.submit", NULL);
  g_assert_cmpuint (fixture->submitted->len, ==, 1);
  g_assert_cmpstr (fixture->submitted->pdata[0], ==, "1245");

  kiosk_keypad_clear (fixture->keypad);
  g_assert_cmpuint (kiosk_keypad_get_length (fixture->keypad), ==, 0);
  press (fixture, "keypad.cancel", NULL);
  g_assert_cmpuint (fixture->cancelled, ==, 1);
}

static void
test_longest_pin (Fixture       *fixture,
                  gconstpointer  data)
{
  type_digits (fixture, "1234567890123456");
  g_assert_cmpuint (kiosk_keypad_get_length (fixture->keypad), ==, KIOSK_PIN_MAX_LENGTH);
  g_assert_false (enabled (fixture, "keypad.digit", "1"));
  press (fixture, "keypad.submit", NULL);
  g_assert_cmpstr (fixture->submitted->pdata[0], ==, "123456789012");
}

static void
send_key (Fixture *fixture,
          guint    keyval)
{
  GtkEventController *controller = NULL;
  g_autoptr(GListModel) controllers =
    gtk_widget_observe_controllers (GTK_WIDGET (fixture->keypad));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && controller == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (item))
        controller = GTK_EVENT_CONTROLLER (item);
    }
  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  g_assert_true (handled);
}

/* An office PC's keyboard: digits, Backspace, Enter and Escape. */
static void
test_real_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  send_key (fixture, GDK_KEY_7);
  send_key (fixture, GDK_KEY_KP_3);
  send_key (fixture, GDK_KEY_5);
  send_key (fixture, GDK_KEY_9);
  send_key (fixture, GDK_KEY_BackSpace);
  send_key (fixture, GDK_KEY_1);
  send_key (fixture, GDK_KEY_Return);
  g_assert_cmpstr (fixture->submitted->pdata[0], ==, "7351");
  send_key (fixture, GDK_KEY_Escape);
  g_assert_cmpuint (fixture->cancelled, ==, 1);
}

static void
assert_key_size (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "keypad-key"))
    {
      g_assert_cmpint (gtk_widget_get_width (widget), >=, 64);
      g_assert_cmpint (gtk_widget_get_height (widget), >=, 64);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_key_size (child);
}

/* Big enough for any finger, even on the smallest kiosk screen. */
static void
test_key_size (Fixture       *fixture,
               gconstpointer  data)
{
  assert_key_size (GTK_WIDGET (fixture->keypad));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->keypad)), <=, 600);
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  type_digits (fixture, "12");
  kiosk_keypad_lock (fixture->keypad, 2);
  g_assert_true (kiosk_keypad_is_locked (fixture->keypad));
  g_assert_cmpuint (kiosk_keypad_get_length (fixture->keypad), ==, 0);
  g_assert_false (enabled (fixture, "keypad.digit", "1"));
  g_assert_true (enabled (fixture, "keypad.cancel", NULL));
  g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (fixture->keypad), "0:02"));

  kiosk_test_ui_wait (2300);
  g_assert_false (kiosk_keypad_is_locked (fixture->keypad));
  g_assert_true (enabled (fixture, "keypad.digit", "1"));
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  type_digits (fixture, "1234");
  kiosk_keypad_set_busy (fixture->keypad, TRUE);
  g_assert_false (enabled (fixture, "keypad.submit", NULL));
  g_assert_false (enabled (fixture, "keypad.digit", "1"));
  kiosk_keypad_set_busy (fixture->keypad, FALSE);
  g_assert_true (enabled (fixture, "keypad.submit", NULL));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/kiosk/keypad/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("typing", test_typing);
  ADD ("longest-pin", test_longest_pin);
  ADD ("real-keyboard", test_real_keyboard);
  ADD ("key-size", test_key_size);
  ADD ("lock", test_lock);
  ADD ("busy", test_busy);
#undef ADD

  return g_test_run ();
}
