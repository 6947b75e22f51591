/* kiosk-keyboard.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_KEYBOARD (kiosk_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, KIOSK, KEYBOARD, GtkWidget)

/* An on-screen keyboard inside the app, for a kiosk with no keyboard: Latin letters
 * (search folds diacritics, so no marks), digits, space, backspace, clear and a
 * Search key. It types into its target at the cursor and never takes the focus.
 * The Search key emits ::activate. Every key is an action of the keyboard:
 * osk.type (s), osk.backspace, osk.clear and osk.enter. */
GtkWidget   *kiosk_keyboard_new        (void);
GtkEditable *kiosk_keyboard_get_target (KioskKeyboard *self);
void         kiosk_keyboard_set_target (KioskKeyboard *self,
                                        GtkEditable   *target);
/* Replaces the Search key's picture and word; it still emits ::enter. */
void         kiosk_keyboard_set_enter_key (KioskKeyboard *self,
                                           const char    *icon_name,
                                           const char    *label);

G_END_DECLS
