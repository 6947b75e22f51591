/* kiosk-text.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_TEXT (kiosk_text_get_type ())

G_DECLARE_FINAL_TYPE (KioskText, kiosk_text, KIOSK, TEXT, GtkWidget)

GtkWidget  *kiosk_text_new      (const char *text);
const char *kiosk_text_get_text (KioskText  *self);
void        kiosk_text_set_text (KioskText  *self,
                                 const char *text);

G_END_DECLS
