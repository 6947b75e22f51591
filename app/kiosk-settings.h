/* kiosk-settings.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-types.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SETTINGS (kiosk_settings_get_type ())
G_DECLARE_FINAL_TYPE (KioskSettings, kiosk_settings, KIOSK, SETTINGS, GObject)

/* Every setting of the app on one object, bound to the org.goctreem.Kiosk schema, so
 * widgets bind to properties and tests run on the memory backend. */
KioskSettings *kiosk_settings_new               (void);
KioskSettings *kiosk_settings_new_for_gsettings (GSettings     *settings);
GSettings     *kiosk_settings_get_gsettings     (KioskSettings *self);

KioskLang      kiosk_settings_get_language      (KioskSettings *self);
char          *kiosk_settings_dup_commune_name  (KioskSettings *self);
char          *kiosk_settings_dup_commune_address (KioskSettings *self);
guint          kiosk_settings_get_idle_timeout  (KioskSettings *self);
char          *kiosk_settings_dup_printer       (KioskSettings *self);
char          *kiosk_settings_dup_paper_size    (KioskSettings *self);
guint          kiosk_settings_get_sync_interval (KioskSettings *self);
char          *kiosk_settings_dup_proxy         (KioskSettings *self);
char          *kiosk_settings_dup_renderer      (KioskSettings *self);

G_END_DECLS
