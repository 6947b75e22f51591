/* bench-app.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk exactly as goc-tre-em starts it (same library, same start-up code),
 * plus a first-frame report, and with --tour N a walk through N articles with
 * pictures before reporting memory. The product itself carries no bench code.
 */

#include "config.h"

#include "bench-frame.h"
#include "kiosk-application.h"
#include "kiosk-i18n.h"
#include "kiosk-window.h"

static int tour_left;
static char **tour_ids;
static guint tour_index;

static void
report_and_quit (GtkWindow *window)
{
  long rss = bench_rss_kib (); /* before reading smaps, which takes memory itself */

  g_print ("rss-kib=%ld shm-kib=%ld\n", rss, bench_x_shm_kib ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static gboolean
tour_step_cb (gpointer data)
{
  GtkWidget *window = data;

  if (tour_left-- <= 0)
    {
      report_and_quit (GTK_WINDOW (window));
      return G_SOURCE_REMOVE;
    }
  gtk_widget_activate_action (window, "win.show-article", "s",
                              tour_ids[tour_index++ % g_strv_length (tour_ids)]);
  return G_SOURCE_CONTINUE;
}

static void
first_frame_cb (gpointer data)
{
  /* The figure is about the home screen; any other first screen makes it meaningless. */
  if (kiosk_window_get_page (KIOSK_WINDOW (data)) != KIOSK_PAGE_HOME)
    g_error ("The first frame is not the home screen (page %d)",
             kiosk_window_get_page (KIOSK_WINDOW (data)));
  g_print ("first-frame rss-kib=%ld\n", bench_rss_kib ());
  if (tour_left > 0)
    g_timeout_add (30, tour_step_cb, data);
  else
    report_and_quit (GTK_WINDOW (data));
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  bench_after_first_frame (window, G_CALLBACK (first_frame_cb), window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;
  const char *tour = g_getenv ("BENCH_TOUR");
  const char *ids = g_getenv ("BENCH_TOUR_IDS");

  tour_left = tour ? atoi (tour) : 0;
  tour_ids = g_strsplit (ids ? ids : "", ",", -1);

  kiosk_i18n_init ();
  kiosk_application_choose_renderer ();
  app = kiosk_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
