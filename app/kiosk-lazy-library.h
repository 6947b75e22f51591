/* kiosk-lazy-library.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens the library @soname for good and returns a table of its functions @names, in
 * that order, to be read as a struct of @n function pointers. NULL and a description in
 * @problem when the library or one of the functions is missing. For libraries a start
 * does not need (printing, drawing SVG, HTTP): linking them would load them, and all
 * they pull in, before the first frame. */
gpointer kiosk_lazy_library_open (const char         *soname,
                                  const char * const *names,
                                  gsize               n,
                                  char              **problem);

G_END_DECLS
