/* kiosk-types.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KioskStore    KioskStore;
typedef struct _KioskImporter KioskImporter;

/* The two languages of the content and the UI; Vietnamese first. */
typedef enum {
  KIOSK_LANG_VI,
  KIOSK_LANG_EN,
  KIOSK_N_LANGS
} KioskLang;

/* Who is using the kiosk: anyone, or someone who entered the staff or admin PIN.
 * Each role may do everything the roles before it may. */
typedef enum {
  KIOSK_ROLE_VISITOR,
  KIOSK_ROLE_STAFF,
  KIOSK_ROLE_ADMIN,
} KioskRole;

const char *kiosk_lang_to_string   (KioskLang   lang);
KioskLang   kiosk_lang_from_string (const char *str);

G_END_DECLS
