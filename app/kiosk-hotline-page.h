/* kiosk-hotline-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_HOTLINE_PAGE (kiosk_hotline_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskHotlinePage, kiosk_hotline_page, KIOSK, HOTLINE_PAGE, GtkWidget)

/* 111 first and largest with what it is for in plain words, then 113, 114, 115, then
 * the commune's own contacts (hotline rows that are not national), and a QR code for
 * tel:111. */
GtkWidget *kiosk_hotline_page_new    (KioskStore       *store,
                                      KioskLang         lang);
void       kiosk_hotline_page_reload (KioskHotlinePage *self);
void       kiosk_hotline_page_reset  (KioskHotlinePage *self);

G_END_DECLS
