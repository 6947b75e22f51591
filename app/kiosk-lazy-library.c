/* kiosk-lazy-library.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-lazy-library"

#include "config.h"

#include <gmodule.h>

#include "kiosk-lazy-library.h"

static gpointer
open_library (KioskLazyLibrary *library)
{
  GModule *module = g_module_open (library->soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  g_autofree gpointer *table = g_new0 (gpointer, library->n_names);

  for (gsize i = 0; module != NULL && i < library->n_names; i++)
    if (!g_module_symbol (module, library->names[i], &table[i]))
      {
        g_debug ("%s: %s", library->soname, g_module_error ());
        g_module_close (module);
        return NULL;
      }
  if (module == NULL)
    {
      g_debug ("%s could not be loaded: %s", library->soname, g_module_error ());
      return NULL;
    }
  /* The table points into the library: it stays open. */
  g_module_make_resident (module);
  return g_steal_pointer (&table);
}

gconstpointer
kiosk_lazy_library_get (KioskLazyLibrary *library)
{
  g_return_val_if_fail (library != NULL, NULL);

  if (g_once_init_enter (&library->initialized))
    {
      library->table = open_library (library);
      g_once_init_leave (&library->initialized, 1);
    }
  return library->table;
}
