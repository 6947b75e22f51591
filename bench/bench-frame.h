/* bench-frame.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Calls @done once, after @window's first frame has been painted. */
void  bench_after_first_frame (GtkWindow     *window,
                               GCallback      done,
                               gpointer       data);

/* The resident set size of this process in KiB, from /proc/self/status. */
long  bench_rss_kib           (void);
/* The part of it in System V shared memory: the buffers cairo fills to hand the X
 * server each frame (XShm), from /proc/self/smaps. */
long  bench_x_shm_kib         (void);

G_END_DECLS
