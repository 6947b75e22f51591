/* kiosk-rsvg.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <librsvg/rsvg.h>

G_BEGIN_DECLS

/* The librsvg functions the screens and the leaflets use. librsvg is opened the first
 * time a picture has to be drawn rather than linked: it is a large library, and
 * loading it cost every start of the kiosk about 5 ms, though the drawn topic icons
 * come from the cache (kiosk-media.c) and only a new picture needs it. No RSVG_HANDLE()
 * casts: they call rsvg_handle_get_type(), which would link the library again. */
#define KIOSK_RSVG_FUNCTIONS(F) \
  F (rsvg_handle_new_from_data) F (rsvg_handle_get_intrinsic_size_in_pixels) \
  F (rsvg_handle_get_intrinsic_dimensions) F (rsvg_handle_render_document)

typedef struct {
#define KIOSK_RSVG_FIELD(name) __typeof__ (name) *name;
  KIOSK_RSVG_FUNCTIONS (KIOSK_RSVG_FIELD)
#undef KIOSK_RSVG_FIELD
} KioskRsvg;

/* The functions, loaded once for the process; NULL and an error when librsvg cannot
 * be opened. */
const KioskRsvg *kiosk_rsvg_get  (GError      **error);

/* A handle for the SVG in @data (a GObject: g_object_unref() it), or NULL. */
RsvgHandle      *kiosk_svg_new   (const guint8 *data,
                                  gsize         len,
                                  GError      **error);

/* The picture's own size, or (as for most drawings, which have only a viewBox) the
 * viewBox's; FALSE when it has neither. */
gboolean         kiosk_svg_size  (RsvgHandle   *svg,
                                  double       *width,
                                  double       *height);

gboolean         kiosk_svg_draw  (RsvgHandle          *svg,
                                  cairo_t             *cr,
                                  const RsvgRectangle *viewport,
                                  GError             **error);

G_END_DECLS
