/* kiosk-admin-console.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-application.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_ADMIN_CONSOLE (kiosk_admin_console_get_type ())
G_DECLARE_FINAL_TYPE (KioskAdminConsole, kiosk_admin_console, KIOSK, ADMIN_CONSOLE, GtkWidget)

/* The admin's screen, in sections: the commune and its local contacts, content
 * updates (the sync screen), a USB stick, printing, the kiosk's own settings, and the
 * usage counts. The window shows it only to an admin session and drops it when the
 * session ends. Sections switch with console.section (s); settings are GSettings
 * actions: settings.language, settings.paper-size, settings.idle-timeout,
 * settings.renderer. ::content-changed when contacts or an import changed what
 * visitors see. */
GtkWidget  *kiosk_admin_console_new         (KioskApplication  *app,
                                             KioskLang          lang);
const char *kiosk_admin_console_get_section (KioskAdminConsole *self);
/* The widget of a section built in its own file: "commune" (KioskCommunePage),
 * "updates" (KioskSyncPage), "usb" (KioskUsbPage) or "usage" (KioskUsagePage). */
GtkWidget  *kiosk_admin_console_get_page    (KioskAdminConsole *self,
                                             const char        *section);

G_END_DECLS
