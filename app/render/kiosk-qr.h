/* kiosk-qr.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws @text as a QR code whose symbol is @size wide, on a white square that adds a
 * quiet zone of two modules around it. Returns FALSE (and draws nothing) when the text
 * cannot be encoded. */
gboolean kiosk_qr_draw              (cairo_t    *cr,
                                     const char *text,
                                     double      x,
                                     double      y,
                                     double      size);

/* The width of the white square kiosk_qr_draw() paints for a symbol @size wide. */
double   kiosk_qr_get_outer_size    (const char *text,
                                     double      size);

G_END_DECLS
