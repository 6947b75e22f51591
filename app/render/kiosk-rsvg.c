/* kiosk-rsvg.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-media"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "kiosk-lazy-library.h"
#include "kiosk-rsvg.h"

#define LIBRSVG "librsvg-2.so.2"

#define KIOSK_RSVG_NAME(name) #name,
static const char * const names[] = { KIOSK_RSVG_FUNCTIONS (KIOSK_RSVG_NAME) };
#undef KIOSK_RSVG_NAME

static KioskLazyLibrary library = { LIBRSVG, names, G_N_ELEMENTS (names) };

const KioskRsvg *
kiosk_rsvg_get (GError **error)
{
  const KioskRsvg *rsvg = kiosk_lazy_library_get (&library);

  G_STATIC_ASSERT (sizeof (KioskRsvg) == G_N_ELEMENTS (names) * sizeof (gpointer));
  if (rsvg == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Drawings cannot be shown on this computer: the librsvg library is not installed."));
  return rsvg;
}

RsvgHandle *
kiosk_svg_new (const guint8  *data,
               gsize          len,
               GError       **error)
{
  const KioskRsvg *rsvg = kiosk_rsvg_get (error);

  return rsvg != NULL ? rsvg->rsvg_handle_new_from_data (data, len, error) : NULL;
}

gboolean
kiosk_svg_size (RsvgHandle *svg,
                double     *width,
                double     *height)
{
  const KioskRsvg *rsvg = kiosk_rsvg_get (NULL);
  gboolean has_viewbox = FALSE;
  RsvgRectangle viewbox;

  g_return_val_if_fail (rsvg != NULL, FALSE);

  if (rsvg->rsvg_handle_get_intrinsic_size_in_pixels (svg, width, height) &&
      *width > 0 && *height > 0)
    return TRUE;
  rsvg->rsvg_handle_get_intrinsic_dimensions (svg, NULL, NULL, NULL, NULL, &has_viewbox,
                                              &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    return FALSE;
  *width = viewbox.width;
  *height = viewbox.height;
  return TRUE;
}

gboolean
kiosk_svg_draw (RsvgHandle          *svg,
                cairo_t             *cr,
                const RsvgRectangle *viewport,
                GError             **error)
{
  const KioskRsvg *rsvg = kiosk_rsvg_get (error);

  return rsvg != NULL && rsvg->rsvg_handle_render_document (svg, cr, viewport, error);
}
