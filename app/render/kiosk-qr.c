/* kiosk-qr.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <qrencode.h>

#include "kiosk-qr.h"

/* Two modules of quiet zone: the hotline band around the code is light as well. */
#define QUIET_MODULES 2

static QRcode *
encode (const char *text)
{
  /* Level M survives a crease or a smudge on a handed-out sheet. */
  return QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

double
kiosk_qr_get_outer_size (const char *text,
                         double      size)
{
  QRcode *code = encode (text);
  double outer = size;

  if (code != NULL)
    outer = size + 2 * QUIET_MODULES * size / code->width;
  QRcode_free (code);
  return outer;
}

/* One rectangle per run of dark modules in a row keeps the PDF small. */
static void
add_row (cairo_t      *cr,
         const QRcode *code,
         int           row,
         double        module)
{
  const unsigned char *data = code->data + row * code->width;

  for (int col = 0; col < code->width;)
    {
      int end = col;

      if (!(data[col] & 1))
        {
          col++;
          continue;
        }
      while (end < code->width && (data[end] & 1))
        end++;
      cairo_rectangle (cr, col * module, row * module, (end - col) * module, module);
      col = end;
    }
}

gboolean
kiosk_qr_draw (cairo_t    *cr,
               const char *text,
               double      x,
               double      y,
               double      size)
{
  QRcode *code;
  double module;

  g_return_val_if_fail (text != NULL, FALSE);

  code = encode (text);
  if (code == NULL)
    return FALSE;
  module = size / code->width;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size + 2 * QUIET_MODULES * module, size + 2 * QUIET_MODULES * module);
  cairo_fill (cr);
  cairo_translate (cr, QUIET_MODULES * module, QUIET_MODULES * module);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    add_row (cr, code, row, module);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
