/* kiosk-cups.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-print"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-cups.h"
#include "kiosk-lazy-library.h"
#include "kiosk-print-job.h"

#define LIBCUPS "libcups.so.2"

#define KIOSK_CUPS_NAME(name) #name,
static const char * const names[] = { KIOSK_CUPS_FUNCTIONS (KIOSK_CUPS_NAME) };
#undef KIOSK_CUPS_NAME

static KioskLazyLibrary library = { LIBCUPS, names, G_N_ELEMENTS (names) };

const KioskCups *
kiosk_cups_get (GError **error)
{
  const KioskCups *cups = kiosk_lazy_library_get (&library);

  G_STATIC_ASSERT (sizeof (KioskCups) == G_N_ELEMENTS (names) * sizeof (gpointer));
  if (cups == NULL)
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_SERVICE,
                         _("Printing is not available on this computer: the CUPS printing "
                           "system is not installed."));
  return cups;
}
