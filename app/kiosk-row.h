/* kiosk-row.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_ROW (kiosk_row_get_type ())

G_DECLARE_FINAL_TYPE (KioskRow, kiosk_row, KIOSK, ROW, GtkWidget)

GtkWidget *kiosk_row_new    (int        spacing);
void       kiosk_row_append (KioskRow  *self,
                             GtkWidget *child);

G_END_DECLS
