/* kiosk-application.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-session.h"
#include "kiosk-settings.h"
#include "kiosk-store.h"
#include "kiosk-sync-scheduler.h"
#include "kiosk-usage-recorder.h"
#include "kiosk-usb-monitor.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_APPLICATION (kiosk_application_get_type ())
G_DECLARE_FINAL_TYPE (KioskApplication, kiosk_application, KIOSK, APPLICATION, GtkApplication)

KioskApplication *kiosk_application_new          (void);
KioskStore       *kiosk_application_get_store    (KioskApplication *self);
KioskSettings    *kiosk_application_get_settings (KioskApplication *self);
KioskSyncScheduler *kiosk_application_get_scheduler (KioskApplication *self);
/* Who is at the kiosk (visitor, staff, admin); what they do, counted; USB sticks. */
KioskSession     *kiosk_application_get_session  (KioskApplication *self);
KioskUsageRecorder *kiosk_application_get_usage  (KioskApplication *self);
KioskUsbMonitor  *kiosk_application_get_usb_monitor (KioskApplication *self);

/* Adds the app's stylesheets to the default display, and draws text unhinted. */
void              kiosk_application_load_styles  (void);

/* Picks GTK's renderer before GTK starts: see kiosk-application.c. */
void              kiosk_application_choose_renderer (void);

G_END_DECLS
