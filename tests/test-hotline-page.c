/* test-hotline-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-hotline-page.h"
#include "kiosk-resources.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

#define LOCAL_NUMBER "0203 3812 345"

typedef struct {
  GtkWindow        *window;
  KioskHotlinePage *page;
} Fixture;

static void
open_window (Fixture   *fixture,
             KioskLang  lang,
             int        width,
             int        height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = kiosk_hotline_page_new (kiosk_test_ui_bundled_store (), lang);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "kiosk");
  /* A size request as well as a default size: a portrait window may be taller than
   * the test's screen, and a page that needs more room than the screen has shows up
   * as a window larger than asked for. */
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_widget_set_size_request (box, width, height);
  fixture->page = g_object_ref (KIOSK_HOTLINE_PAGE (page));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), kiosk_test_ui_header_stand_in ());
  gtk_box_append (GTK_BOX (box), page);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  g_assert_true (kiosk_test_ui_wait_until (kiosk_test_ui_is_laid_out, page, 5000));
  kiosk_test_ui_wait (100);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  open_window (fixture, KIOSK_LANG_VI, 1366, 768);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture);
}

static char *
screen_text (Fixture *fixture)
{
  return kiosk_test_ui_collect_text (GTK_WIDGET (fixture->page));
}

static void
add_local_contact (void)
{
  g_autoptr(GError) error = NULL;

  kiosk_store_exec (kiosk_test_ui_bundled_store (),
                    "INSERT INTO hotlines (source, id, position, number, national, free,"
                    " name_vi, name_en, purpose_vi, purpose_en, hours_vi, hours_en)"
                    " VALUES ('local', 'commune-police', 1, '" LOCAL_NUMBER "', 0, 1,"
                    " 'Công an xã Tân Phú', 'Tan Phu commune police',"
                    " 'Gọi khi cần công an xã đến giúp.',"
                    " 'Call when you need the commune police.',"
                    " 'Giờ hành chính', 'Office hours')",
                    &error);
  g_assert_no_error (error);
}

static void
remove_local_contact (void)
{
  g_autoptr(GError) error = NULL;

  kiosk_store_exec (kiosk_test_ui_bundled_store (),
                    "DELETE FROM hotlines WHERE source = 'local'", &error);
  g_assert_no_error (error);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *text = screen_text (fixture);
  g_autoptr(GPtrArray) hotlines = kiosk_store_list_hotlines (kiosk_test_ui_bundled_store (), NULL);
  const char *n111 = strstr (text, "111");
  const char *n113 = strstr (text, "113");
  const char *n114 = strstr (text, "114");
  const char *n115 = strstr (text, "115");
  KioskHotline *child = hotlines->pdata[0];

  g_assert_nonnull (n111);
  g_assert_nonnull (n113);
  g_assert_nonnull (n114);
  g_assert_nonnull (n115);
  g_assert_true (n111 < n113 && n113 < n114 && n114 < n115);
  /* The first thing on the screen is 111. */
  g_assert_true (g_str_has_prefix (text, "111\n"));

  g_assert_cmpstr (child->number, ==, "111");
  g_assert_nonnull (strstr (text, child->name[KIOSK_LANG_VI]));
  g_assert_nonnull (strstr (text, child->purpose[KIOSK_LANG_VI]));
  g_assert_nonnull (strstr (text, child->hours[KIOSK_LANG_VI]));
  g_assert_nonnull (strstr (text, "Công an"));
}

static void
test_biggest (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *hero = kiosk_test_ui_find_label (GTK_WIDGET (fixture->page), "111");
  GtkWidget *other = kiosk_test_ui_find_label (GTK_WIDGET (fixture->page), "113");

  g_assert_true (gtk_widget_has_css_class (hero, "hotline-hero-number"));
  g_assert_cmpint (gtk_widget_get_height (hero), >, gtk_widget_get_height (other));
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = NULL;

  close_window (fixture);
  open_window (fixture, KIOSK_LANG_EN, 1366, 768);
  text = screen_text (fixture);
  g_assert_nonnull (strstr (text, "National child protection hotline"));
  g_assert_nonnull (strstr (text, "Free, day and night, every day of the year"));
  g_assert_nonnull (strstr (text, "Police"));
  g_assert_null (strstr (text, "Công an"));
}

static guint32
pixel_at (const guchar *pixels,
          gsize         stride,
          int           x,
          int           y)
{
  const guchar *p = pixels + y * stride + x * 4;

  return (p[0] << 16) | (p[1] << 8) | p[2];
}

static void
test_qr_code (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *picture = kiosk_test_ui_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_PICTURE);
  GdkPaintable *paintable;
  g_autofree guchar *pixels = NULL;
  int size;
  int module;
  gsize stride;

  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  size = gdk_texture_get_width (GDK_TEXTURE (paintable));
  g_assert_cmpint (size, ==, gdk_texture_get_height (GDK_TEXTURE (paintable)));
  g_assert_cmpint (size, >=, 160);
  g_assert_cmpint (gtk_widget_get_width (picture), >=, 160);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (picture),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  stride = (gsize) size * 4;
  pixels = g_malloc (stride * size);
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, stride);
  /* tel:111 at level M is a version 1 code: 21 modules and 4 of quiet zone a side. */
  module = size / (21 + 8);
  g_assert_cmpint (size % (21 + 8), ==, 0);
  g_assert_cmphex (pixel_at (pixels, stride, 0, 0), ==, 0xffffff);
  g_assert_cmphex (pixel_at (pixels, stride, 4 * module - 1, 4 * module - 1), ==, 0xffffff);
  /* The three finder patterns: black corners, a white ring, a black centre. */
  g_assert_cmphex (pixel_at (pixels, stride, 4 * module, 4 * module), ==, 0x000000);
  g_assert_cmphex (pixel_at (pixels, stride, 5 * module, 5 * module), ==, 0xffffff);
  g_assert_cmphex (pixel_at (pixels, stride, 7 * module, 7 * module), ==, 0x000000);
  g_assert_cmphex (pixel_at (pixels, stride, size - 5 * module, 4 * module), ==, 0x000000);
  g_assert_cmphex (pixel_at (pixels, stride, 4 * module, size - 5 * module), ==, 0x000000);

  g_assert_nonnull (kiosk_test_ui_find_label (GTK_WIDGET (fixture->page), "Scan to call 111"));
}

static void
test_local_contacts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = screen_text (fixture);
  g_autofree char *after = NULL;

  g_assert_nonnull (strstr (before, "The commune can add its own contacts in the admin settings."));
  g_assert_null (strstr (before, LOCAL_NUMBER));

  add_local_contact ();
  kiosk_hotline_page_reload (fixture->page);
  kiosk_test_ui_wait (100);
  after = screen_text (fixture);
  remove_local_contact ();

  g_assert_nonnull (strstr (after, LOCAL_NUMBER));
  g_assert_nonnull (strstr (after, "Công an xã Tân Phú"));
  g_assert_nonnull (strstr (after, "Giờ hành chính"));
  g_assert_null (strstr (after, "The commune can add its own contacts"));
  /* National numbers come first, the commune's after them. */
  g_assert_true (strstr (after, "115") < strstr (after, LOCAL_NUMBER));
  /* Reloading does not pile up cards. */
  g_assert_true (strstr (after, "113") == g_strrstr (after, "113"));
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  close_window (fixture);
  open_window (fixture, KIOSK_LANG_VI, 1024, 600);
  scroller = GTK_SCROLLED_WINDOW (kiosk_test_ui_find_type (GTK_WIDGET (fixture->page),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  kiosk_hotline_page_reset (fixture->page);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("hotline-page-%s.png", name);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), file, NULL);

  kiosk_test_ui_wait (300);
  kiosk_test_ui_screenshot (GTK_WIDGET (fixture->window), path);
  g_test_message ("Screenshot: %s", path);
}

typedef struct {
  int         width;
  int         height;
  int         text_size;
  gboolean    high_contrast;
  const char *name;
} Shot;

static const Shot shots[] = {
  { 1366, 768, 100, FALSE, "1366x768" },
  { 1080, 1920, 100, FALSE, "1080x1920" },
  { 1024, 600, 100, FALSE, "1024x600" },
  { 1024, 600, 200, FALSE, "1024x600-200" },
  { 1080, 1920, 200, FALSE, "1080x1920-200" },
  { 1366, 768, 100, TRUE, "1366x768-contrast" },
};

static void
take_shot (Fixture    *fixture,
           const Shot *shot)
{
  g_autofree char *local = g_strconcat (shot->name, "-local", NULL);

  kiosk_test_ui_set_text_size (shot->text_size);
  open_window (fixture, KIOSK_LANG_VI, shot->width, shot->height);
  if (shot->high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "high-contrast");
  screenshot (fixture, shot->name);
  add_local_contact ();
  kiosk_hotline_page_reload (fixture->page);
  screenshot (fixture, local);
  remove_local_contact ();

  /* Nothing may push the window past the screen, at any text size. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, shot->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), <=, shot->height);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      close_window (fixture);
      take_shot (fixture, &shots[i]);
    }
  kiosk_test_ui_set_text_size (100);
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
  kiosk_test_ui_bundled_store ();
  kiosk_test_ui_set_text_size (100);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/hotline-page/order", test_order);
  ADD ("/kiosk/hotline-page/biggest", test_biggest);
  ADD ("/kiosk/hotline-page/english", test_english);
  ADD ("/kiosk/hotline-page/qr-code", test_qr_code);
  ADD ("/kiosk/hotline-page/local-contacts", test_local_contacts);
  ADD ("/kiosk/hotline-page/reset", test_reset);
  ADD ("/kiosk/hotline-page/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
