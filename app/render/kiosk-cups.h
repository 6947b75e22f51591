/* kiosk-cups.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cups/cups.h>
#include <glib.h>

G_BEGIN_DECLS

/* The libcups functions printing uses. libcups is opened the first time something is
 * printed rather than linked: linking it adds 15 libraries and about 4 ms to every
 * start of the app and of the command line, and most of those never print. */
#define KIOSK_CUPS_FUNCTIONS(F) \
  F (cupsAddOption) F (cupsCancelJob2) F (cupsCopyDest) F (cupsDoRequest) \
  F (cupsEncryption) F (cupsFreeDests) F (cupsFreeOptions) F (cupsGetDests2) \
  F (cupsGetNamedDest) F (cupsGetOption) F (cupsLastError) F (cupsLastErrorString) \
  F (cupsPrintFile2) F (cupsServer) F (cupsUser) F (httpClose) F (httpConnect2) \
  F (ippAddString) F (ippAddStrings) F (ippDelete) F (ippFindAttribute) F (ippGetCount) \
  F (ippGetInteger) F (ippGetString) F (ippNewRequest) F (ippPort)

typedef struct {
#define KIOSK_CUPS_FIELD(name) __typeof__ (name) *name;
  KIOSK_CUPS_FUNCTIONS (KIOSK_CUPS_FIELD)
#undef KIOSK_CUPS_FIELD
} KioskCups;

/* The functions, loaded once for the process; NULL and an error (in the
 * KIOSK_PRINT_ERROR domain) when libcups cannot be opened. */
const KioskCups *kiosk_cups_get (GError **error);

G_END_DECLS
