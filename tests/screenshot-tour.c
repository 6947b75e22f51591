/* screenshot-tour.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the real window through every screen at the sizes kiosks have and saves
 * what a person would see, for docs/screenshots/. Run by tools/screenshots.
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-i18n.h"
#include "kiosk-search-page.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
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
act (KioskWindow *window,
     const char  *action,
     const char  *target)
{
  gtk_widget_activate_action (GTK_WIDGET (window), action, target ? "s" : NULL, target);
}

static void
tour (int      width,
      int      height,
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

  if (extras)
    {
      act (window, "win.home", NULL);
      for (int i = 0; i < 4; i++)
        act (window, "win.text-larger", NULL);
      shoot (window, "home-200-percent", width, height);
      act (window, "win.text-normal", NULL);
      act (window, "win.high-contrast", NULL);
      shoot (window, "home-high-contrast", width, height);
      act (window, "win.show-article", "abuse-when-child-tells");
      shoot (window, "article-high-contrast", width, height);
      act (window, "win.high-contrast", NULL);
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
  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);

  app = kiosk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_test_ui_wait_until (has_content, NULL, 60000));

  tour (1366, 768, TRUE);
  tour (1080, 1920, FALSE);
  tour (1024, 600, FALSE);
  g_clear_object (&app);
  return 0;
}
