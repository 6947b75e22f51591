/* kiosk-soup.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-lazy-library.h"
#include "kiosk-soup.h"
#include "kiosk-sync-error.h"

#define LIBSOUP "libsoup-3.0.so.0"

static KioskSoup *
load (char **problem)
{
#define KIOSK_SOUP_NAME(name) #name,
  static const char * const names[] = { KIOSK_SOUP_FUNCTIONS (KIOSK_SOUP_NAME) };
#undef KIOSK_SOUP_NAME

  G_STATIC_ASSERT (sizeof (KioskSoup) == G_N_ELEMENTS (names) * sizeof (gpointer));
  return kiosk_lazy_library_open (LIBSOUP, names, G_N_ELEMENTS (names), problem);
}

const KioskSoup *
kiosk_soup_get (GError **error)
{
  static gsize initialized;
  static KioskSoup *soup;
  static char *problem;

  if (g_once_init_enter (&initialized))
    {
      soup = load (&problem);
      if (soup == NULL)
        g_debug ("%s could not be loaded: %s", LIBSOUP, problem);
      g_once_init_leave (&initialized, 1);
    }
  if (soup == NULL)
    g_set_error_literal (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_CONNECTION,
                         _("Content cannot be fetched over the network on this computer: the libsoup library is not installed. Import from a USB stick instead."));
  return soup;
}
