/* kiosk-leaflet-image.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "kiosk-leaflet-image.h"
#include "kiosk-rsvg.h"

struct _KioskLeafletImage
{
  RsvgHandle      *svg;
  cairo_surface_t *pixels;
  double           width;
  double           height;
};

void
kiosk_leaflet_image_free (KioskLeafletImage *image)
{
  if (image == NULL)
    return;
  g_clear_object (&image->svg);
  g_clear_pointer (&image->pixels, cairo_surface_destroy);
  g_free (image);
}

/* Pictures with no size at all: the pictures in the library are drawn 4:3. */
static void
svg_size (RsvgHandle *svg,
          double     *width,
          double     *height)
{
  if (kiosk_svg_size (svg, width, height))
    return;
  *width = 400;
  *height = 300;
}

static guint32
premultiplied_pixel (const guchar *src,
                     int           n_channels)
{
  guint a = n_channels == 4 ? src[3] : 0xff;
  guint r = (src[0] * a + 127) / 255;
  guint g = (src[1] * a + 127) / 255;
  guint b = (src[2] * a + 127) / 255;

  return (a << 24) | (r << 16) | (g << 8) | b;
}

/* gdk_cairo_set_source_pixbuf() lives in GDK; the renderer must not need GTK. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guchar *data = cairo_image_surface_get_data (surface);
  int data_stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + y * data_stride);

      for (int x = 0; x < width; x++)
        row[x] = premultiplied_pixel (pixels + y * stride + x * n_channels, n_channels);
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
load_pixels (KioskLeafletImage  *image,
             GBytes             *bytes,
             GError            **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;

  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) ||
      !gdk_pixbuf_loader_close (loader, error))
    return FALSE;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "no image");
      return FALSE;
    }
  image->pixels = surface_from_pixbuf (pixbuf);
  image->width = gdk_pixbuf_get_width (pixbuf);
  image->height = gdk_pixbuf_get_height (pixbuf);
  return image->width > 0 && image->height > 0;
}

KioskLeafletImage *
kiosk_leaflet_image_new (GBytes      *bytes,
                         const char  *mime,
                         GError     **error)
{
  g_autoptr(KioskLeafletImage) image = NULL;
  const guint8 *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  image = g_new0 (KioskLeafletImage, 1);
  if (g_strcmp0 (mime, "image/svg+xml") != 0)
    return load_pixels (image, bytes, error) ? g_steal_pointer (&image) : NULL;

  data = g_bytes_get_data (bytes, &len);
  image->svg = kiosk_svg_new (data, len, error);
  if (image->svg == NULL)
    return NULL;
  svg_size (image->svg, &image->width, &image->height);
  return g_steal_pointer (&image);
}

double
kiosk_leaflet_image_aspect (KioskLeafletImage *image)
{
  return image->width / image->height;
}

void
kiosk_leaflet_image_draw (KioskLeafletImage *image,
                          cairo_t           *cr,
                          double             x,
                          double             y,
                          double             width,
                          double             height)
{
  RsvgRectangle viewport = { x, y, width, height };
  g_autoptr(GError) error = NULL;

  cairo_save (cr);
  if (image->svg != NULL)
    {
      if (!kiosk_svg_draw (image->svg, cr, &viewport, &error))
        g_debug ("Picture not drawn: %s", error->message);
    }
  else
    {
      cairo_translate (cr, x, y);
      cairo_scale (cr, width / image->width, height / image->height);
      cairo_set_source_surface (cr, image->pixels, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  cairo_restore (cr);
}
