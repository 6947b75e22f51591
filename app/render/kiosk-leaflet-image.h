/* kiosk-leaflet-image.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A picture from the store, drawn as vectors (SVG, librsvg) or pixels (PNG and JPEG,
 * gdk-pixbuf) on any cairo surface. */
typedef struct _KioskLeafletImage KioskLeafletImage;

KioskLeafletImage *kiosk_leaflet_image_new    (GBytes            *bytes,
                                               const char        *mime,
                                               GError           **error);
void               kiosk_leaflet_image_free   (KioskLeafletImage *image);

/* Width divided by height. */
double             kiosk_leaflet_image_aspect (KioskLeafletImage *image);
void               kiosk_leaflet_image_draw   (KioskLeafletImage *image,
                                               cairo_t           *cr,
                                               double             x,
                                               double             y,
                                               double             width,
                                               double             height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskLeafletImage, kiosk_leaflet_image_free)

G_END_DECLS
