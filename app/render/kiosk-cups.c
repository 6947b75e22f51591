/* kiosk-cups.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "kiosk-cups.h"
#include "kiosk-print-job.h"

#define LIBCUPS "libcups.so.2"

static gboolean
load_symbols (GModule   *module,
              KioskCups *cups)
{
#define KIOSK_CUPS_LOAD(name) \
  if (!g_module_symbol (module, #name, (gpointer *) &cups->name)) \
    return FALSE;
  KIOSK_CUPS_FUNCTIONS (KIOSK_CUPS_LOAD)
#undef KIOSK_CUPS_LOAD
  return TRUE;
}

/* Opened for good: the table points into the library. */
static KioskCups *
load (char **problem)
{
  GModule *module = g_module_open (LIBCUPS, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  g_autofree KioskCups *cups = g_new0 (KioskCups, 1);

  if (module != NULL && load_symbols (module, cups))
    {
      g_module_make_resident (module);
      return g_steal_pointer (&cups);
    }
  *problem = g_strdup (g_module_error ());
  if (module != NULL)
    g_module_close (module);
  return NULL;
}

const KioskCups *
kiosk_cups_get (GError **error)
{
  static gsize initialized;
  static KioskCups *cups;
  static char *problem;

  if (g_once_init_enter (&initialized))
    {
      cups = load (&problem);
      if (cups == NULL)
        g_debug ("%s could not be loaded: %s", LIBCUPS, problem);
      g_once_init_leave (&initialized, 1);
    }
  if (cups == NULL)
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_SERVICE,
                         _("Printing is not available on this computer: the CUPS printing "
                           "system is not installed."));
  return cups;
}
