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

#define KIOSK_SOUP_NAME(name) #name,
static const char * const names[] = { KIOSK_SOUP_FUNCTIONS (KIOSK_SOUP_NAME) };
#undef KIOSK_SOUP_NAME

static KioskLazyLibrary library = { LIBSOUP, names, G_N_ELEMENTS (names) };

const KioskSoup *
kiosk_soup_get (GError **error)
{
  const KioskSoup *soup = kiosk_lazy_library_get (&library);

  G_STATIC_ASSERT (sizeof (KioskSoup) == G_N_ELEMENTS (names) * sizeof (gpointer));
  if (soup == NULL)
    g_set_error_literal (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_CONNECTION,
                         _("Content cannot be fetched over the network on this computer: the libsoup library is not installed. Import from a USB stick instead."));
  return soup;
}
