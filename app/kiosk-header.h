/* kiosk-header.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_HEADER (kiosk_header_get_type ())
G_DECLARE_FINAL_TYPE (KioskHeader, kiosk_header, KIOSK, HEADER, GtkWidget)

/* The bar on every screen: back, home, the commune's name, search, text size,
 * contrast, language and the hotline 111. Every button runs a win. action. Holding
 * the commune's name for three seconds runs win.unlock (the staff sign-in). */
GtkWidget *kiosk_header_new       (void);
void       kiosk_header_set_title (KioskHeader *self,
                                   const char  *title);

G_END_DECLS
