/* kiosk-leaflet-private.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the leaflet's body layout (kiosk-leaflet.c) and the parts every page repeats
 * (kiosk-leaflet-page.c).
 */

#pragma once

#include <pango/pangocairo.h>

#include "kiosk-leaflet.h"

G_BEGIN_DECLS

/* Pinned, so the layout never changes with the fonts that happen to be installed;
 * DejaVu Sans draws every Vietnamese mark. */
#define KIOSK_LEAFLET_FONT "DejaVu Sans"

/* Points; see kiosk_leaflet_geometry_init(). */
typedef struct {
  double page_width;
  double page_height;
  double margin_x;
  double margin_top;
  double margin_bottom;
  double header_height;
  double band_height;
  double footer_height;
  double gap;
  double qr_size;
  double image_height;
} KioskLeafletGeometry;

/* Where drawing goes, and where the boxes of what is drawn go (when @boxes is set). */
typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  GArray       *boxes;
  guint         page;
} KioskPaint;

/* What the repeated parts of one page show. */
typedef struct {
  KioskLang           lang;
  const char         *commune_name;
  const char         *commune_address;
  const char         *qr_text;
  gboolean            qr_is_address;
  const KioskHotline *hotline;       /* 111, or NULL */
  GPtrArray          *contacts;      /* KioskHotline: the commune's, then other national ones */
  const char         *printed;
  const char         *version;
  const char         *updated;
  guint               page;
  guint               n_pages;
} KioskPageInfo;

/* The calling thread's font map, holding DejaVu only (see kiosk-leaflet-fonts.c). */
PangoFontMap *kiosk_leaflet_get_font_map         (void);
/* Makes the DejaVu-only configuration fontconfig's default: for processes that draw
 * nothing but leaflets (the command line), so nothing reads the full configuration. */
void          kiosk_leaflet_fonts_use_only_dejavu (void);

void         kiosk_leaflet_geometry_init (KioskLeafletGeometry       *geometry,
                                          KioskPaper                  paper);

PangoLayout *kiosk_paint_new_layout      (PangoContext               *context,
                                          const char                 *markup,
                                          double                      size,
                                          double                      width);
void         kiosk_paint_set_color       (cairo_t                    *cr,
                                          guint32                     rgb);
/* Draws lines [@first, @first + @n_lines) of @layout with the top of line @first at
 * (@x, @y); n_lines -1 means to the end. */
void         kiosk_paint_lines           (KioskPaint                 *paint,
                                          PangoLayout                *layout,
                                          int                         first,
                                          int                         n_lines,
                                          double                      x,
                                          double                      y,
                                          KioskLeafletPart            part,
                                          int                         block);
void         kiosk_paint_add_box         (KioskPaint                 *paint,
                                          KioskLeafletPart            part,
                                          int                         block,
                                          double                      x,
                                          double                      y,
                                          double                      width,
                                          double                      height);

/* The header, hotline band (with its QR code) and footer of one page. */
void         kiosk_leaflet_paint_page    (KioskPaint                 *paint,
                                          const KioskLeafletGeometry *geometry,
                                          const KioskPageInfo        *info);

/* Colours, as 0xRRGGBB. */
#define KIOSK_INK        0x1b1b1b
#define KIOSK_ACCENT     0x0b4f8a
#define KIOSK_MUTED      0x555555
#define KIOSK_HOTLINE    0xb3261e
#define KIOSK_BAND_FILL  0xfdf1e7
#define KIOSK_BAND_EDGE  0xe29a6b
#define KIOSK_CALLOUT    0xe9f2fa

G_END_DECLS
