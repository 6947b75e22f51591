/* bench-frame.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both the bare window and the app report their own first painted frame: polling
 * the X server from outside disturbs start-up (DESIGN.md).
 */

#include "config.h"

#include "bench-frame.h"

typedef struct {
  GCallback done;
  gpointer  data;
  gulong    handler;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  g_signal_handler_disconnect (clock, wait->handler);
  ((void (*) (gpointer)) wait->done) (wait->data);
  g_free (wait);
}

static void
on_map_cb (GtkWidget *widget,
           FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  wait->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
}

void
bench_after_first_frame (GtkWindow *window,
                         GCallback  done,
                         gpointer   data)
{
  FrameWait *wait = g_new0 (FrameWait, 1);

  wait->done = done;
  wait->data = data;
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), wait);
}

long
bench_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

long
bench_x_shm_kib (void)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_shm = FALSE;
  long total = 0;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return -1;
  lines = g_strsplit (smaps, "\n", -1);
  for (char **line = lines; *line != NULL; line++)
    {
      /* A mapping's first line names it; its Rss: line follows. */
      if (g_ascii_isxdigit ((*line)[0]) && strchr (*line, '-') != NULL)
        in_shm = strstr (*line, " /SYSV") != NULL;
      else if (in_shm && g_str_has_prefix (*line, "Rss:"))
        total += strtol (*line + 4, NULL, 10);
    }
  return total;
}
