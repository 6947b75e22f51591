/* kiosk-keypad.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_KEYPAD (kiosk_keypad_get_type ())
G_DECLARE_FINAL_TYPE (KioskKeypad, kiosk_keypad, KIOSK, KEYPAD, GtkWidget)

/* An on-screen numeric keypad for PINs: a title, a dot per digit typed, a line for
 * messages, and large keys 0–9, backspace and OK (plus Cancel when :can-cancel). A
 * real keyboard's digits, Backspace, Enter and Escape work too. Every key is an
 * action: keypad.digit (s), keypad.backspace, keypad.submit and keypad.cancel.
 * OK emits ::submitted with the digits; the owner clears the keypad. */
GtkWidget  *kiosk_keypad_new         (void);

void        kiosk_keypad_set_title   (KioskKeypad *self,
                                      const char  *title);
/* A line under the dots: a hint, or an error in the error style. */
void        kiosk_keypad_set_message (KioskKeypad *self,
                                      const char  *message,
                                      gboolean     is_error);
/* Forgets the digits typed (and wipes them from memory). */
void        kiosk_keypad_clear       (KioskKeypad *self);
guint       kiosk_keypad_get_length  (KioskKeypad *self);

/* While busy (a PIN is being checked) every key but Cancel is off. */
void        kiosk_keypad_set_busy    (KioskKeypad *self,
                                      gboolean     busy);
/* Turns the keys off for @seconds, counting down in the message line. */
void        kiosk_keypad_lock        (KioskKeypad *self,
                                      guint        seconds);
gboolean    kiosk_keypad_is_locked   (KioskKeypad *self);

G_END_DECLS
