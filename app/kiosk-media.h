/* kiosk-media.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

/* A picture from the store as a texture @width pixels wide (SVG is drawn at that
 * size, so it stays sharp on a large screen, and kept drawn in the user's cache).
 * kiosk_media_prune_cache() forgets drawings not made for a month, in a thread. */
GdkTexture *kiosk_media_load_texture (KioskStore  *store,
                                      const char  *name,
                                      int          width,
                                      GError     **error);
void        kiosk_media_prune_cache  (void);

/* Loads a picture in any thread and keeps it for the first
 * kiosk_media_load_texture() of the same picture at the same width, so a screen
 * can be prepared while the main thread is busy elsewhere. Whatever is still kept
 * when kiosk_media_forget_read_ahead() is called, is dropped. */
void        kiosk_media_read_ahead         (KioskStore *store,
                                            const char *name,
                                            int         width);
void        kiosk_media_forget_read_ahead  (void);

G_END_DECLS
