/* test-text.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KioskText against a GtkLabel set up the way the screens used to set up theirs
 * (wrapping at words, then characters; left-aligned): the same sizes at every width,
 * a minimum width of its widest word, and a new layout when its font changes.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-resources.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-text.h"

static const char *const texts[] = {
  "Phòng tránh đuối nước",
  "Trẻ em có những quyền gì, ai phải bảo vệ trẻ, và gia đình cần làm gì theo Luật Trẻ em 2016.",
  "Keep children safe around water at home, at school and on the way.",
  "111",
};

typedef struct {
  GtkWindow *window;
  GtkWidget *text;
  GtkWidget *label;
} Fixture;

static GtkWidget *
label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 400);
  fixture->text = g_object_ref (kiosk_text_new (data));
  fixture->label = g_object_ref (label_new (data));
  gtk_box_append (GTK_BOX (box), fixture->text);
  gtk_box_append (GTK_BOX (box), fixture->label);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  kiosk_test_ui_wait (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->text);
  g_assert_finalize_object (fixture->label);
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
height_at (GtkWidget *widget,
           int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return minimum;
}

/* One line at the natural width or wider; wrapped like the label when narrower. */
static void
test_sizes_match_label (Fixture       *fixture,
                        gconstpointer  data)
{
  int width = natural_width (fixture->label);
  int line_height = height_at (fixture->label, -1);

  g_assert_cmpint (natural_width (fixture->text), ==, width);
  g_assert_cmpint (height_at (fixture->text, -1), ==, line_height);
  g_assert_cmpint (height_at (fixture->text, width), ==, line_height);
  g_assert_cmpint (height_at (fixture->text, 4 * width), ==, line_height);

  for (int narrower = width - 1; narrower > width / 4; narrower -= MAX (1, width / 7))
    {
      int minimum;

      gtk_widget_measure (fixture->text, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                          NULL, NULL);
      if (narrower < minimum)
        break;
      g_assert_cmpint (height_at (fixture->text, narrower), ==,
                       height_at (fixture->label, narrower));
    }
}

/* The narrowest it can be is its widest word: no word is ever broken in two. */
static void
test_minimum_is_widest_word (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(GStrv) words = g_strsplit (data, " ", -1);
  int widest = 0, minimum;

  for (guint i = 0; words[i] != NULL; i++)
    {
      GtkWidget *word = gtk_label_new (words[i]);

      gtk_box_append (GTK_BOX (gtk_widget_get_parent (fixture->label)), word);
      widest = MAX (widest, natural_width (word));
    }
  gtk_widget_measure (fixture->text, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  /* A word's own label rounds its width up alone; inside the line it may share a pixel. */
  g_assert_cmpint (minimum, >=, widest - 1);
  g_assert_cmpint (minimum, <=, widest + 1);
  g_assert_cmpint (minimum, <=, natural_width (fixture->text));
}

/* Text size comes from CSS: a larger font gives a wider line, without a new text. */
static void
test_follows_font (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  int before = natural_width (fixture->text);

  gtk_css_provider_load_from_data (provider, ".larger { font-size: 200%; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (fixture->text, "larger");
  gtk_widget_add_css_class (fixture->label, "larger");
  kiosk_test_ui_wait (50);

  g_assert_cmpint (natural_width (fixture->text), >, before * 3 / 2);
  g_assert_cmpint (natural_width (fixture->text), ==, natural_width (fixture->label));
  g_assert_cmpint (height_at (fixture->text, -1), ==, height_at (fixture->label, -1));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A new text is measured anew, announced once, and read out by screen readers. */
static void
test_set_text (Fixture       *fixture,
               gconstpointer  data)
{
  KioskText *text = KIOSK_TEXT (fixture->text);
  guint notified = 0;

  g_signal_connect (text, "notify::text", G_CALLBACK (on_notify_cb), &notified);
  kiosk_text_set_text (text, "Gọi 111");
  kiosk_text_set_text (text, "Gọi 111");
  gtk_label_set_text (GTK_LABEL (fixture->label), "Gọi 111");
  kiosk_test_ui_wait (50);

  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (kiosk_text_get_text (text), ==, "Gọi 111");
  g_assert_cmpint (natural_width (fixture->text), ==, natural_width (fixture->label));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, "Gọi 111");

  kiosk_text_set_text (text, NULL);
  g_assert_cmpstr (kiosk_text_get_text (text), ==, "");
  g_assert_cmpint (natural_width (fixture->text), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Links the app's resources in from the static library. */
  g_assert_nonnull (kiosk_get_resource ());
  g_setenv ("GTK_A11Y", "test", FALSE);
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *sizes = g_strdup_printf ("/kiosk/text/sizes-match-label/%u", i);
      g_autofree char *minimum = g_strdup_printf ("/kiosk/text/minimum-is-widest-word/%u", i);

      g_test_add (sizes, Fixture, texts[i], fixture_set_up, test_sizes_match_label,
                  fixture_tear_down);
      g_test_add (minimum, Fixture, texts[i], fixture_set_up, test_minimum_is_widest_word,
                  fixture_tear_down);
    }
  g_test_add ("/kiosk/text/follows-font", Fixture, texts[1], fixture_set_up, test_follows_font,
              fixture_tear_down);
  g_test_add ("/kiosk/text/set-text", Fixture, texts[0], fixture_set_up, test_set_text,
              fixture_tear_down);

  return g_test_run ();
}
