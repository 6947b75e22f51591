/* kiosk-lazy-library.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A library a start does not need (printing, drawing SVG, HTTP): linking it would load
 * it, and all it pulls in, before the first frame. Declare one statically with its
 * soname and the names of the functions used; the rest is filled on first use. */
typedef struct {
  const char         *soname;
  const char * const *names;
  gsize               n_names;

  /*< private >*/
  gsize               initialized;
  gpointer            table;
} KioskLazyLibrary;

/* The functions @library names, in that order, to be read as a struct of function
 * pointers; the library is opened for good on the first call. NULL when it or one of
 * the functions is missing (said once in the debug log). Thread-safe. */
gconstpointer kiosk_lazy_library_get (KioskLazyLibrary *library);

G_END_DECLS
