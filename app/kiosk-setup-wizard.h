/* kiosk-setup-wizard.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SETUP_WIZARD (kiosk_setup_wizard_get_type ())
G_DECLARE_FINAL_TYPE (KioskSetupWizard, kiosk_setup_wizard, KIOSK, SETUP_WIZARD, GtkWidget)

/* The set-up a commune clerk does once, by touch: the language (win.language), the
 * commune's name, the admin PIN and the staff PIN (each twice, on a keypad), and
 * optionally a source of content updates. Nothing is saved before the last step;
 * then ::finished (TRUE). On a re-run by an admin, Cancel emits ::finished (FALSE).
 * Steps are actions: setup.next, setup.back, setup.later, setup.finish, setup.cancel. */
GtkWidget  *kiosk_setup_wizard_new         (KioskApplication *app,
                                            KioskLang         lang);
/* "welcome", "commune", "admin-pin", "staff-pin", "sync" or "done". */
const char *kiosk_setup_wizard_get_step    (KioskSetupWizard *self);
/* Still on the first step: nothing to lose. */
gboolean    kiosk_setup_wizard_is_pristine (KioskSetupWizard *self);
/* The sentence shown about a problem, or NULL. */
const char *kiosk_setup_wizard_get_error   (KioskSetupWizard *self);

G_END_DECLS
