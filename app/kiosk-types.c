/* kiosk-types.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-types.h"

const char *
kiosk_lang_to_string (KioskLang lang)
{
  return lang == KIOSK_LANG_EN ? "en" : "vi";
}

/* Anything that is not English is Vietnamese: the content's first language. */
KioskLang
kiosk_lang_from_string (const char *str)
{
  if (str != NULL && g_ascii_strncasecmp (str, "en", 2) == 0)
    return KIOSK_LANG_EN;
  return KIOSK_LANG_VI;
}
