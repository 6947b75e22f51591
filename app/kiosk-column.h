/* kiosk-column.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_COLUMN (kiosk_column_get_type ())

G_DECLARE_FINAL_TYPE (KioskColumn, kiosk_column, KIOSK, COLUMN, GtkWidget)

GtkWidget *kiosk_column_new        (int          spacing);
void       kiosk_column_append     (KioskColumn *self,
                                    GtkWidget   *child);
void       kiosk_column_remove_all (KioskColumn *self);

G_END_DECLS
