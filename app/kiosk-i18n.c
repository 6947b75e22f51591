/* kiosk-i18n.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kiosk-i18n.h"

static gboolean
is_c_locale (const char *locale)
{
  return locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
}

void
kiosk_i18n_init (void)
{
  setlocale (LC_ALL, "");

  /* A kiosk's root shell often has no locale at all. Vietnamese must not turn into
   * question marks there, and gettext ignores LANGUAGE under the plain C locale. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (is_c_locale (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_MESSAGES, "C.UTF-8");

  /* The build tree and the tests point this at the freshly built catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GOC_TRE_EM_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Vietnamese is the kiosk's first language; a person's LANGUAGE still wins, so
   * an admin can run the command line in English. */
  if (g_getenv ("LANGUAGE") == NULL || g_getenv ("LANGUAGE")[0] == '\0')
    kiosk_i18n_set_language (KIOSK_LANG_VI);
}

void
kiosk_i18n_set_language (KioskLang lang)
{
  g_setenv ("LANGUAGE", kiosk_lang_to_string (lang), TRUE);
  /* gettext caches what it looked up; setting the domain again invalidates the cache
   * so the next lookup sees the new LANGUAGE. */
  textdomain (GETTEXT_PACKAGE);
}
