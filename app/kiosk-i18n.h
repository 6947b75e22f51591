/* kiosk-i18n.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kiosk-types.h"

G_BEGIN_DECLS

/* Sets up gettext for the app: the message catalogue, a UTF-8 character set even
 * when the machine has no locale, and Vietnamese unless told otherwise. */
void kiosk_i18n_init         (void);

/* Switches the language of messages from now on (the kiosk's language switch). */
void kiosk_i18n_set_language (KioskLang lang);

G_END_DECLS
