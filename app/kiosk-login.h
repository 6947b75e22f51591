/* kiosk-login.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-keypad.h"
#include "kiosk-session.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_LOGIN (kiosk_login_get_type ())
G_DECLARE_FINAL_TYPE (KioskLogin, kiosk_login, KIOSK, LOGIN, GtkWidget)

/* The staff and admin sign-in laid over the screen: a keypad whose PIN goes to
 * @session. Emits ::finished when someone signed in or cancelled. */
GtkWidget   *kiosk_login_new        (KioskSession *session);
/* Ready for a PIN: an empty keypad, or a locked one counting down. */
void         kiosk_login_start      (KioskLogin   *self);
/* Stops a check under way and forgets the digits. */
void         kiosk_login_stop       (KioskLogin   *self);
KioskKeypad *kiosk_login_get_keypad (KioskLogin   *self);

G_END_DECLS
