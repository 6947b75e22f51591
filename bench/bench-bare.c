/* bench-bare.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline: a bare GTK 4 window with one label, reporting its first frame and
 * its memory the same way the app does; with BENCH_REDRAWS=N, its memory after
 * drawing the whole window N times more.
 */

#include "config.h"

#include "bench-frame.h"

static int redraws_left;

static void
report_and_quit (GtkWindow *window,
                 gboolean   first_frame)
{
  long rss = bench_rss_kib ();

  /* A first frame is timed by its line: smaps is read after it, and after the RSS,
   * as reading it takes time and memory of its own. */
  if (first_frame)
    g_print ("first-frame rss-kib=%ld\n", rss);
  g_print ("rss-kib=%ld shm-kib=%ld\n", rss, bench_x_shm_kib ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

/* For comparison with the kiosk's walk through articles: the whole window drawn
 * again, a new background and text each time, BENCH_REDRAWS times. */
static gboolean
redraw_cb (gpointer data)
{
  GtkWindow *window = data;
  g_autofree char *text = NULL;

  if (redraws_left-- <= 0)
    {
      report_and_quit (window, FALSE);
      return G_SOURCE_REMOVE;
    }
  text = g_strdup_printf ("Góc Trẻ Em %d", redraws_left);
  gtk_label_set_text (GTK_LABEL (gtk_window_get_child (window)), text);
  if (redraws_left % 2)
    gtk_widget_add_css_class (GTK_WIDGET (window), "redraw");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (window), "redraw");
  return G_SOURCE_CONTINUE;
}

static void
first_frame_cb (gpointer data)
{
  GtkWindow *window = data;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (redraws_left <= 0)
    {
      report_and_quit (window, TRUE);
      return;
    }
  g_print ("first-frame rss-kib=%ld\n", bench_rss_kib ());
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, "window.redraw { background: #fbf8f3; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_timeout_add (30, redraw_cb, window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Góc Trẻ Em"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  bench_after_first_frame (GTK_WINDOW (window), G_CALLBACK (first_frame_cb), window);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.goctreem.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  const char *redraws = g_getenv ("BENCH_REDRAWS");

  redraws_left = redraws ? atoi (redraws) : 0;
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
