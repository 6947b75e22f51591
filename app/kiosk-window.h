/* kiosk-window.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"
#include "kiosk-place.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (KioskWindow, kiosk_window, KIOSK, WINDOW, GtkApplicationWindow)

/* In @kiosk_mode the window is fullscreen, undecorated and cannot be closed. */
KioskWindow   *kiosk_window_new                (KioskApplication *app,
                                                gboolean          kiosk_mode);

/* The store's content changed under the window (first import, a sync), or could not
 * be prepared: @error_message is a sentence for people, or NULL. */
void           kiosk_window_content_changed    (KioskWindow      *self,
                                                const char       *error_message,
                                                gboolean          changed);

/* Back to the home screen with every visitor choice undone (the idle reset). */
void           kiosk_window_reset              (KioskWindow      *self);

/* Any touch, click or key: stops a countdown and restarts the idle time. */
void           kiosk_window_note_activity      (KioskWindow      *self);
gboolean       kiosk_window_is_counting_down   (KioskWindow      *self);

KioskPageKind  kiosk_window_get_page           (KioskWindow      *self);
const char    *kiosk_window_get_page_id        (KioskWindow      *self);
GtkWidget     *kiosk_window_get_visible_page   (KioskWindow      *self);
guint          kiosk_window_get_text_percent   (KioskWindow      *self);
guint          kiosk_window_get_history_length (KioskWindow      *self);

G_END_DECLS
