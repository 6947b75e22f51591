/* kiosk-lazy-library.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "kiosk-lazy-library.h"

gpointer
kiosk_lazy_library_open (const char         *soname,
                         const char * const *names,
                         gsize               n,
                         char              **problem)
{
  GModule *module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  g_autofree gpointer *table = g_new0 (gpointer, n);

  for (gsize i = 0; module != NULL && i < n; i++)
    if (!g_module_symbol (module, names[i], &table[i]))
      {
        *problem = g_strdup (g_module_error ());
        g_module_close (module);
        return NULL;
      }
  if (module == NULL)
    {
      *problem = g_strdup (g_module_error ());
      return NULL;
    }
  /* The table points into the library: it stays open. */
  g_module_make_resident (module);
  return g_steal_pointer (&table);
}
