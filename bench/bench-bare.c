/* bench-bare.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline: a bare GTK 4 window with one label, reporting its first frame and
 * its memory the same way the app does.
 */

#include "config.h"

#include "bench-frame.h"

static void
first_frame_cb (gpointer data)
{
  long rss = bench_rss_kib ();

  /* The frame is timed by this line: smaps is read after it, and after the RSS, as
   * reading it takes time and memory of its own. */
  g_print ("first-frame rss-kib=%ld\n", rss);
  g_print ("rss-kib=%ld shm-kib=%ld\n", rss, bench_x_shm_kib ());
  g_application_quit (G_APPLICATION (data));
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Góc Trẻ Em"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  bench_after_first_frame (GTK_WINDOW (window), G_CALLBACK (first_frame_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.goctreem.BenchBare",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
