/* kiosk-session.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-pins.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SESSION (kiosk_session_get_type ())
G_DECLARE_FINAL_TYPE (KioskSession, kiosk_session, KIOSK, SESSION, GObject)

/* Who is at the kiosk now: a visitor, or staff or an admin who entered their PIN.
 * One per application; the window enables actions from :role and ends the session on
 * idle and on "Log out". PINs are checked in a worker thread on its own connection to
 * the store at @store's path. */
KioskSession *kiosk_session_new              (KioskStore     *store);

KioskRole     kiosk_session_get_role         (KioskSession   *self);
/* Whether the session may do what @role may. */
gboolean      kiosk_session_allows           (KioskSession   *self,
                                              KioskRole       role);
void          kiosk_session_end              (KioskSession   *self);

/* No admin PIN is set yet: the first-run set-up is due. */
gboolean      kiosk_session_get_needs_setup  (KioskSession   *self);
/* The keypad's lockout now. */
void          kiosk_session_get_pin_status   (KioskSession   *self,
                                              KioskPinStatus *status);

/* Checks @pin; on success :role becomes the role it opens. Fails with
 * KIOSK_PIN_ERROR_WRONG or _LOCKED, in words for the person at the keypad. */
void          kiosk_session_log_in_async     (KioskSession        *self,
                                              const char          *pin,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
KioskRole     kiosk_session_log_in_finish    (KioskSession        *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Sets both PINs: allowed on the first run and to an admin. */
void          kiosk_session_set_pins_async   (KioskSession        *self,
                                              const char          *admin_pin,
                                              const char          *staff_pin,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      kiosk_session_set_pins_finish  (KioskSession        *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
