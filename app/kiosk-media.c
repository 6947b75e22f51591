/* kiosk-media.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-media"

#include "config.h"

#include <librsvg/rsvg.h>

#include "kiosk-media.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The pictures' own size, or (as for most drawings, which have only a viewBox) the
 * viewBox's, so the texture keeps their shape. */
static gboolean
svg_size (RsvgHandle *handle,
          gdouble    *width,
          gdouble    *height)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength unused_width, unused_height;
  RsvgRectangle viewbox;

  if (rsvg_handle_get_intrinsic_size_in_pixels (handle, width, height) &&
      *width > 0 && *height > 0)
    return TRUE;
  rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &unused_width, &has_height,
                                        &unused_height, &has_viewbox, &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    return FALSE;
  *width = viewbox.width;
  *height = viewbox.height;
  return TRUE;
}

static GdkTexture *
render_svg (GBytes  *data,
            int      width,
            GError **error)
{
  g_autoptr(GObject) handle = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  gdouble svg_width, svg_height;
  RsvgRectangle viewport;
  int height;

  /* librsvg 2.54 has no autoptr for its handle; it is a plain GObject. */
  handle = G_OBJECT (rsvg_handle_new_from_data (g_bytes_get_data (data, NULL),
                                                g_bytes_get_size (data), error));
  if (handle == NULL)
    return NULL;
  if (!svg_size (RSVG_HANDLE (handle), &svg_width, &svg_height))
    svg_width = svg_height = 1;

  height = MAX (1, (int) (width * svg_height / svg_width + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  viewport = (RsvgRectangle) { 0, 0, width, height };
  if (!rsvg_handle_render_document (RSVG_HANDLE (handle), cr, &viewport, error))
    return NULL;
  return texture_from_surface (surface);
}

GdkTexture *
kiosk_media_load_texture (KioskStore  *store,
                          const char  *name,
                          int          width,
                          GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *mime = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  data = kiosk_store_get_media (store, name, &mime, error);
  if (data == NULL)
    return NULL;
  if (g_strcmp0 (mime, "image/svg+xml") == 0)
    return render_svg (data, width, error);
  return gdk_texture_new_from_bytes (data, error);
}
