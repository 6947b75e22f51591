/* kiosk-folder-chooser.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows a modal chooser for a folder, starting on the first USB stick or disk the
 * system has mounted. @on_response is connected swapped to @owner's lifetime:
 * void on_response (Owner *owner, int response, GtkFileChooserNative *chooser).
 * The caller keeps the returned reference until the response. */
GtkFileChooserNative *kiosk_folder_chooser_show (GtkWidget  *owner,
                                                 const char *title,
                                                 const char *accept_label,
                                                 GCallback   on_response);

G_END_DECLS
