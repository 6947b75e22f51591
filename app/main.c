/* main.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kiosk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* A root shell on a kiosk often has no locale at all; Vietnamese output must not
   * turn into question marks there. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kiosk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
