/* kiosk-usb-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-usb-monitor.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_USB_PAGE (kiosk_usb_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskUsbPage, kiosk_usb_page, KIOSK, USB_PAGE, GtkWidget)

/* The console's USB section: when @monitor finds a repository on a stick, a dry run
 * says what importing it would change (new, updated, removed articles); usb.import
 * then applies it into the store at @store_path with the same checks. usb.choose-folder
 * looks in a folder instead. ::content-changed after an import; ::found when a
 * repository turns up. */
GtkWidget  *kiosk_usb_page_new        (const char      *store_path,
                                       KioskUsbMonitor *monitor);
/* Looks for a repository in @folder, as for a stick just put in. */
void        kiosk_usb_page_look_in    (KioskUsbPage    *self,
                                       GFile           *folder);
const char *kiosk_usb_page_get_status (KioskUsbPage    *self);
gboolean    kiosk_usb_page_is_busy    (KioskUsbPage    *self);

G_END_DECLS
