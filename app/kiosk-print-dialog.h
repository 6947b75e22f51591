/* kiosk-print-dialog.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-settings.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_PRINT_DIALOG (kiosk_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KioskPrintDialog, kiosk_print_dialog, KIOSK, PRINT_DIALOG, GtkWindow)

/* Opens the leaflet dialog for @article_ids in @lang: a preview of the real pages, the
 * number of copies, the printer (the kiosk's, else the default one), Print with its
 * progress, and Save as PDF. Returns the dialog, already shown; it closes itself. */
KioskPrintDialog *kiosk_print_dialog_open             (GtkWindow         *parent,
                                                       KioskStore        *store,
                                                       KioskSettings     *settings,
                                                       const char *const *article_ids,
                                                       KioskLang          lang);

guint             kiosk_print_dialog_get_page         (KioskPrintDialog  *self);
guint             kiosk_print_dialog_get_n_pages      (KioskPrintDialog  *self);
guint             kiosk_print_dialog_get_copies       (KioskPrintDialog  *self);
/* The printer chosen in the list, or NULL. */
const char       *kiosk_print_dialog_get_printer      (KioskPrintDialog  *self);
/* The sentence the dialog shows about printing or saving, or "". */
const char       *kiosk_print_dialog_get_status       (KioskPrintDialog  *self);
/* What Save as PDF does once a folder (a USB stick, say) is chosen. */
void              kiosk_print_dialog_save_to_folder   (KioskPrintDialog  *self,
                                                       GFile             *folder);

G_END_DECLS
