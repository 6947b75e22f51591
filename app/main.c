/* main.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KioskApplication) app = NULL;

  kiosk_i18n_init ();
  kiosk_application_choose_renderer ();

  app = kiosk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
