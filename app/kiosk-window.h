/* kiosk-window.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type ())
G_DECLARE_FINAL_TYPE (KioskWindow, kiosk_window, KIOSK, WINDOW, GtkApplicationWindow)

KioskWindow *kiosk_window_new             (KioskApplication *app);

/* The store's content changed under the window (first import, a sync), or could not
 * be prepared: @error_message is a sentence for people, or NULL. */
void         kiosk_window_content_changed (KioskWindow      *self,
                                           const char       *error_message,
                                           gboolean          changed);

G_END_DECLS
