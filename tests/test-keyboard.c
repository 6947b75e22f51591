/* test-keyboard.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-keyboard.h"
#include "kiosk-resources.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

typedef struct {
  GtkWindow     *window;
  GtkEditable   *entry;
  KioskKeyboard *keyboard;
} Fixture;

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "kiosk");
  gtk_window_set_default_size (fixture->window, 1024, 600);
  fixture->entry = g_object_ref (GTK_EDITABLE (gtk_entry_new ()));
  fixture->keyboard = g_object_ref (KIOSK_KEYBOARD (kiosk_keyboard_new ()));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->keyboard));
  gtk_window_set_child (fixture->window, box);
  kiosk_keyboard_set_target (fixture->keyboard, fixture->entry);
  gtk_window_present (fixture->window);
  g_assert_true (kiosk_test_ui_wait_until (is_laid_out, fixture->keyboard, 5000));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->entry));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->keyboard);
  g_assert_finalize_object (fixture->entry);
}

/* The key whose action is @action (and whose target is @target, for osk.type). */
static GtkWidget *
find_key (GtkWidget  *root,
          const char *action,
          const char *target)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == NULL || g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_key (child, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
press (KioskKeyboard *keyboard,
       const char    *action,
       const char    *target)
{
  GtkWidget *key = find_key (GTK_WIDGET (keyboard), action, target);

  g_assert_nonnull (key);
  g_assert_true (gtk_widget_is_sensitive (key));
  g_signal_emit_by_name (key, "clicked");
}

static void
type_word (KioskKeyboard *keyboard,
           const char    *word)
{
  for (const char *p = word; *p != 0; p++)
    {
      char text[2] = { *p, 0 };

      press (keyboard, "osk.type", text);
    }
}

static void
test_types_at_cursor (Fixture       *fixture,
                      gconstpointer  data)
{
  type_word (fixture->keyboard, "duoi nuoc");
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "duoi nuoc");
  g_assert_cmpint (gtk_editable_get_position (fixture->entry), ==, 9);

  gtk_editable_set_position (fixture->entry, 4);
  type_word (fixture->keyboard, "2");
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "duoi2 nuoc");
  g_assert_cmpint (gtk_editable_get_position (fixture->entry), ==, 5);

  /* Typing over a selection replaces it, as on any keyboard. */
  gtk_editable_select_region (fixture->entry, 0, 5);
  type_word (fixture->keyboard, "ho");
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "ho nuoc");

  /* The keys never took the focus from the entry. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (fixture->window),
                                         GTK_WIDGET (fixture->entry)));
}

static void
test_backspace_and_clear (Fixture       *fixture,
                          gconstpointer  data)
{
  gtk_editable_set_text (fixture->entry, "đuối nước");
  gtk_editable_set_position (fixture->entry, -1);
  press (fixture->keyboard, "osk.backspace", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "đuối nướ");

  gtk_editable_set_position (fixture->entry, 1);
  press (fixture->keyboard, "osk.backspace", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "uối nướ");
  press (fixture->keyboard, "osk.backspace", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "uối nướ");

  gtk_editable_select_region (fixture->entry, 3, 7);
  press (fixture->keyboard, "osk.backspace", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "uối");

  press (fixture->keyboard, "osk.clear", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "");
  press (fixture->keyboard, "osk.backspace", NULL);
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "");
}

static void
on_enter_cb (KioskKeyboard *keyboard,
             guint         *count)
{
  (*count)++;
}

static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  guint count = 0;

  g_signal_connect (fixture->keyboard, "enter", G_CALLBACK (on_enter_cb), &count);
  press (fixture->keyboard, "osk.enter", NULL);
  g_assert_cmpuint (count, ==, 1);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  const char *keys = "abcdefghijklmnopqrstuvwxyz0123456789 ";

  for (const char *p = keys; *p != 0; p++)
    {
      char text[2] = { *p, 0 };
      GtkWidget *key = find_key (GTK_WIDGET (fixture->keyboard), "osk.type", text);
      graphene_rect_t bounds;

      g_assert_nonnull (key);
      g_assert_true (gtk_widget_has_css_class (key, "osk-key"));
      g_assert_false (gtk_widget_get_focus_on_click (key));
      /* Large enough for a child's finger, even on a 1024×600 screen. */
      g_assert_true (gtk_widget_compute_bounds (key, key, &bounds));
      g_assert_cmpfloat (bounds.size.height, >=, 56);
      g_assert_cmpfloat (bounds.size.width, >=, 48);
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->keyboard)), <=, 1024);
}

static void
assert_named (GtkWidget  *widget,
              const char *name)
{
  if (name != NULL)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  else
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->keyboard);
  guint buttons = 0;

  assert_named (find_key (root, "osk.type", "q"), "q");
  assert_named (find_key (root, "osk.type", "7"), "7");
  assert_named (find_key (root, "osk.backspace", NULL), "Backspace");
  assert_named (find_key (root, "osk.clear", NULL), "Clear");
  assert_named (find_key (root, "osk.enter", NULL), "Search");
  assert_named (find_key (root, "osk.type", " "), "Space");

  for (GtkWidget *key = gtk_widget_get_first_child (gtk_widget_get_first_child (root));
       key != NULL; key = gtk_widget_get_next_sibling (key), buttons++)
    assert_named (key, NULL);
  g_assert_cmpuint (buttons, ==, 26 + 10 + 4);
}

static void
test_without_target (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *key = find_key (GTK_WIDGET (fixture->keyboard), "osk.type", "a");

  kiosk_keyboard_set_target (fixture->keyboard, NULL);
  g_assert_null (kiosk_keyboard_get_target (fixture->keyboard));
  g_assert_false (gtk_widget_is_sensitive (key));

  kiosk_keyboard_set_target (fixture->keyboard, fixture->entry);
  g_assert_true (kiosk_keyboard_get_target (fixture->keyboard) == fixture->entry);
  g_assert_true (gtk_widget_is_sensitive (key));
}

static void
test_target_gone (void)
{
  KioskKeyboard *keyboard = g_object_ref_sink (KIOSK_KEYBOARD (kiosk_keyboard_new ()));
  GtkEditable *entry = g_object_ref_sink (GTK_EDITABLE (gtk_text_new ()));

  kiosk_keyboard_set_target (keyboard, entry);
  g_assert_finalize_object (entry);
  g_assert_null (kiosk_keyboard_get_target (keyboard));
  /* A key pressed after the entry went away does nothing, and says nothing. */
  g_signal_emit_by_name (find_key (GTK_WIDGET (keyboard), "osk.type", "a"), "clicked");
  g_assert_finalize_object (keyboard);
}

int
main (int   argc,
      char *argv[])
{
  /* Links the app's resources in from the static library. */
  g_assert_nonnull (kiosk_get_resource ());
  /* GTK's own AT context for the accessible checks: an AT-SPI bus started by an
   * earlier test program on the same display is gone with that test's folder. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/keyboard/types-at-cursor", test_types_at_cursor);
  ADD ("/kiosk/keyboard/backspace-and-clear", test_backspace_and_clear);
  ADD ("/kiosk/keyboard/enter", test_enter);
  ADD ("/kiosk/keyboard/layout", test_layout);
  ADD ("/kiosk/keyboard/accessible-names", test_accessible_names);
  ADD ("/kiosk/keyboard/without-target", test_without_target);
#undef ADD
  g_test_add_func ("/kiosk/keyboard/target-gone", test_target_gone);

  return g_test_run ();
}
