/* kiosk-leaflet.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kiosk-store.h"
#include "kiosk-types.h"

G_BEGIN_DECLS

#define KIOSK_LEAFLET_ERROR (kiosk_leaflet_error_quark ())

typedef enum {
  KIOSK_LEAFLET_ERROR_EMPTY,
  KIOSK_LEAFLET_ERROR_WRITE,
} KioskLeafletError;

typedef enum {
  KIOSK_PAPER_A4,
  KIOSK_PAPER_A5,
} KioskPaper;

/* What a drawn box belongs to, for tests that check the layout rules. */
typedef enum {
  KIOSK_LEAFLET_PART_HEADER,
  KIOSK_LEAFLET_PART_TITLE,
  KIOSK_LEAFLET_PART_HEADING,
  KIOSK_LEAFLET_PART_TEXT,
  KIOSK_LEAFLET_PART_ITEM,
  KIOSK_LEAFLET_PART_CALLOUT,
  KIOSK_LEAFLET_PART_IMAGE,
  KIOSK_LEAFLET_PART_RULE,
  KIOSK_LEAFLET_PART_BAND,
  KIOSK_LEAFLET_PART_QR,
  KIOSK_LEAFLET_PART_FOOTER,
} KioskLeafletPart;

/* One drawn line of text (the union of its Pango ink and logical extents) or one
 * picture, in points from the page's top left corner. @block counts the body's blocks
 * over the whole leaflet, so the pieces of a split paragraph share it; -1 outside the
 * body. */
typedef struct {
  guint             page;
  KioskLeafletPart  part;
  int               block;
  double            x;
  double            y;
  double            width;
  double            height;
} KioskLeafletBox;

#define KIOSK_TYPE_LEAFLET (kiosk_leaflet_get_type ())
G_DECLARE_FINAL_TYPE (KioskLeaflet, kiosk_leaflet, KIOSK, LEAFLET, GObject)

GQuark        kiosk_leaflet_error_quark      (void);
KioskPaper    kiosk_paper_from_string        (const char         *str);

/* A leaflet of articles from @store, printed in @lang on @paper. Each article starts
 * on a new page. Nothing needs GTK: it draws with Pango on any cairo surface. */
KioskLeaflet *kiosk_leaflet_new              (KioskStore         *store,
                                              KioskLang           lang,
                                              KioskPaper          paper);
void          kiosk_leaflet_set_commune      (KioskLeaflet       *self,
                                              const char         *name,
                                              const char         *address);
/* The date in the footer; today when never set. */
void          kiosk_leaflet_set_date         (KioskLeaflet       *self,
                                              GDateTime          *date);
gboolean      kiosk_leaflet_add_article      (KioskLeaflet       *self,
                                              const char         *article_id,
                                              GError            **error);
/* Adds every id of a comma-separated list ("a,b,c"). */
gboolean      kiosk_leaflet_add_articles     (KioskLeaflet       *self,
                                              const char         *article_ids,
                                              GError            **error);

KioskLang     kiosk_leaflet_get_lang         (KioskLeaflet       *self);
KioskPaper    kiosk_leaflet_get_paper        (KioskLeaflet       *self);
/* The first article's title, for a print job or a file name. */
const char   *kiosk_leaflet_get_title        (KioskLeaflet       *self);
/* The first article's QR code text: its public address, or tel:111. */
const char   *kiosk_leaflet_get_qr_text      (KioskLeaflet       *self);

/* Lays the pages out when needed. */
guint         kiosk_leaflet_get_n_pages      (KioskLeaflet       *self);
void          kiosk_leaflet_get_page_size    (KioskLeaflet       *self,
                                              double             *width,
                                              double             *height);
/* The rectangle inside the page margins, in points. */
void          kiosk_leaflet_get_margin_box   (KioskLeaflet       *self,
                                              cairo_rectangle_t  *box);

/* Draws page @page (from 0) with one user unit to a point. */
void          kiosk_leaflet_draw_page        (KioskLeaflet       *self,
                                              cairo_t            *cr,
                                              guint               page);
/* A preview of page @page, @scale pixels to a point, on opaque white (ARGB32). */
cairo_surface_t *kiosk_leaflet_render_page   (KioskLeaflet       *self,
                                              guint               page,
                                              double              scale);
gboolean      kiosk_leaflet_write_pdf        (KioskLeaflet       *self,
                                              GOutputStream      *stream,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* Writes the PDF to @file, replacing it only once the whole leaflet is written. */
gboolean      kiosk_leaflet_save_pdf         (KioskLeaflet       *self,
                                              GFile              *file,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* Every line and picture drawn, page by page (an array of KioskLeafletBox). */
GArray       *kiosk_leaflet_get_boxes        (KioskLeaflet       *self);

G_END_DECLS
