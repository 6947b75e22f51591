/* kiosk-leaflet-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every page of a leaflet repeats: the commune's header, the hotline band with the
 * QR code, and the footer.
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <math.h>

#include "kiosk-leaflet-private.h"
#include "kiosk-qr.h"

/* The words on the page are in the leaflet's language, whatever the language of the
 * screen or the process: a Vietnamese leaflet printed from an English screen stays
 * Vietnamese. So they live here in both languages instead of in the gettext catalogue. */
typedef enum {
  LABEL_BRAND,
  LABEL_TAGLINE,
  LABEL_PAGE,
  LABEL_PRINTED,
  LABEL_VERSION,
  LABEL_UPDATED,
  LABEL_SCAN_CALL,
  LABEL_SCAN_READ,
  LABEL_HOTLINE_NAME,
  LABEL_HOTLINE_HOURS,
  LABEL_HOTLINE_PURPOSE,
  LABEL_COMMUNE,
  N_LABELS
} Label;

static const char *const labels[N_LABELS][2] = {
  [LABEL_BRAND] = { "Góc Trẻ Em", "Góc Trẻ Em" },
  [LABEL_TAGLINE] = { "Thông tin bảo vệ trẻ em", "Child protection guidance" },
  [LABEL_PAGE] = { "Trang", "Page" },
  [LABEL_PRINTED] = { "In ngày", "Printed" },
  [LABEL_VERSION] = { "Phiên bản nội dung", "Content version" },
  [LABEL_UPDATED] = { "Cập nhật", "Updated" },
  [LABEL_SCAN_CALL] = { "Quét mã để gọi", "Scan to call" },
  [LABEL_SCAN_READ] = { "Quét mã để đọc bài này trên mạng", "Scan to read this online" },
  [LABEL_HOTLINE_NAME] = { "Tổng đài quốc gia bảo vệ trẻ em", "National child protection hotline" },
  [LABEL_HOTLINE_HOURS] = { "Miễn phí, cả ngày và đêm", "Free, day and night" },
  [LABEL_HOTLINE_PURPOSE] = { "Gọi khi lo cho sự an toàn của một đứa trẻ. "
                              "Trẻ em cũng có thể tự gọi.",
                              "Call when you are worried about a child's safety. "
                              "Children can call too." },
  [LABEL_COMMUNE] = { "Tại xã:", "In the commune:" },
};

#define BAND_PADDING 7.0
#define RIGHT_ALIGN  TRUE

static const char *
label (const KioskPageInfo *info,
       Label                id)
{
  return labels[id][info->lang];
}

void
kiosk_leaflet_geometry_init (KioskLeafletGeometry *geometry,
                             KioskPaper            paper)
{
  /* The QR symbol is 26 mm wide, over the 2.5 cm a phone needs from arm's length, and
   * the band is as tall as the code with its quiet zone (21 modules for tel:111). */
  const double qr_size = 26 / 25.4 * 72;
  const double band_height = qr_size * (21 + 4) / 21 + 2 * BAND_PADDING;

  if (paper == KIOSK_PAPER_A5)
    *geometry = (KioskLeafletGeometry) {
      .page_width = 148 / 25.4 * 72, .page_height = 210 / 25.4 * 72,
      .margin_x = 28, .margin_top = 24, .margin_bottom = 22,
      .header_height = 38, .band_height = band_height, .footer_height = 10, .gap = 9,
      .qr_size = qr_size, .image_height = 96,
    };
  else
    *geometry = (KioskLeafletGeometry) {
      .page_width = 210 / 25.4 * 72, .page_height = 297 / 25.4 * 72,
      .margin_x = 42, .margin_top = 32, .margin_bottom = 28,
      .header_height = 40, .band_height = band_height, .footer_height = 10, .gap = 11,
      .qr_size = qr_size, .image_height = 118,
    };
}

void
kiosk_paint_set_color (cairo_t *cr,
                       guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

PangoLayout *
kiosk_paint_new_layout (PangoContext *context,
                        const char   *markup,
                        double        size,
                        double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (KIOSK_LEAFLET_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A point kept free on the right for the nudge in kiosk_paint_lines(). */
  pango_layout_set_width (layout, pango_units_from_double (width - 1));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

void
kiosk_paint_add_box (KioskPaint       *paint,
                     KioskLeafletPart  part,
                     int               block,
                     double            x,
                     double            y,
                     double            width,
                     double            height)
{
  KioskLeafletBox box = { paint->page, part, block, x, y, width, height };

  if (paint->boxes != NULL)
    g_array_append_val (paint->boxes, box);
}

/* The union of a line's ink and logical extents: what it covers on paper. */
static void
add_line_box (KioskPaint           *paint,
              KioskLeafletPart      part,
              int                   block,
              const PangoRectangle *ink,
              const PangoRectangle *logical,
              double                dx,
              double                dy)
{
  PangoRectangle r = *logical;

  if (ink->width > 0 && ink->height > 0)
    {
      int x2 = MAX (r.x + r.width, ink->x + ink->width);
      int y2 = MAX (r.y + r.height, ink->y + ink->height);

      r.x = MIN (r.x, ink->x);
      r.y = MIN (r.y, ink->y);
      r.width = x2 - r.x;
      r.height = y2 - r.y;
    }
  kiosk_paint_add_box (paint, part, block, dx + pango_units_to_double (r.x),
                       dy + pango_units_to_double (r.y), pango_units_to_double (r.width),
                       pango_units_to_double (r.height));
}

void
kiosk_paint_lines (KioskPaint       *paint,
                   PangoLayout      *layout,
                   int               first,
                   int               n_lines,
                   double            x,
                   double            y,
                   KioskLeafletPart  part,
                   int               block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  int index = 0;

  for (gboolean more = TRUE; more; more = pango_layout_iter_next_line (iter), index++)
    {
      PangoRectangle ink, logical;
      double baseline, nudge;

      if (index < first)
        continue;
      if (n_lines >= 0 && index >= first + n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, &ink, &logical);
      if (index == first)
        top = pango_units_to_double (logical.y);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter)) - top;
      /* A big W or a T starts a little left of its origin: move the line so its ink
       * starts at the margin, never past it. */
      nudge = ink.width > 0 ? MAX (0, pango_units_to_double (logical.x - ink.x)) : 0;
      cairo_move_to (paint->cr, x + nudge + pango_units_to_double (logical.x), y + baseline);
      pango_cairo_show_layout_line (paint->cr, pango_layout_iter_get_line_readonly (iter));
      add_line_box (paint, part, block, &ink, &logical, x + nudge, y - top);
    }
  pango_layout_iter_free (iter);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x + logical.width);
}

/* A text of at most @max_lines lines that ends in "…" rather than leave its box. */
static PangoLayout *
new_text (KioskPaint *paint,
          const char *markup,
          double      size,
          double      width,
          int         max_lines,
          gboolean    right_aligned)
{
  PangoLayout *layout = kiosk_paint_new_layout (paint->context, markup, size, width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  if (right_aligned)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

static void
paint_text (KioskPaint       *paint,
            PangoLayout      *layout,
            guint32           color,
            double            x,
            double            y,
            KioskLeafletPart  part)
{
  kiosk_paint_set_color (paint->cr, color);
  kiosk_paint_lines (paint, layout, 0, -1, x, y, part, -1);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text ?: "", -1);
}

static void
paint_header (KioskPaint                 *paint,
              const KioskLeafletGeometry *g,
              const KioskPageInfo        *info)
{
  /* Marks above Vietnamese capitals (Ủ, Ổ) reach above the font's ascent. */
  double x = g->margin_x, y = g->margin_top + 2;
  double width = g->page_width - 2 * g->margin_x;
  g_autofree char *commune = escape (info->commune_name);
  g_autofree char *name = g_strdup_printf ("<b>%s</b>", commune);
  g_autofree char *address = escape (info->commune_address);
  g_autofree char *brand = g_strdup_printf ("<b>%s</b>", label (info, LABEL_BRAND));
  g_autoptr(PangoLayout) name_layout = new_text (paint, name, 11, width * 0.68, 1, FALSE);
  g_autoptr(PangoLayout) address_layout = new_text (paint, address, 8, width * 0.68, 2, FALSE);
  g_autoptr(PangoLayout) brand_layout = new_text (paint, brand, 10, width * 0.3, 1, RIGHT_ALIGN);
  g_autoptr(PangoLayout) tagline = new_text (paint, label (info, LABEL_TAGLINE), 7.5,
                                             width * 0.3, 1, RIGHT_ALIGN);

  paint_text (paint, name_layout, KIOSK_INK, x, y, KIOSK_LEAFLET_PART_HEADER);
  paint_text (paint, address_layout, KIOSK_MUTED, x, y + layout_height (name_layout) + 1,
              KIOSK_LEAFLET_PART_HEADER);
  paint_text (paint, brand_layout, KIOSK_ACCENT, x + width * 0.7, y, KIOSK_LEAFLET_PART_HEADER);
  paint_text (paint, tagline, KIOSK_MUTED, x + width * 0.7, y + layout_height (brand_layout) + 1,
              KIOSK_LEAFLET_PART_HEADER);

  kiosk_paint_set_color (paint->cr, KIOSK_ACCENT);
  cairo_rectangle (paint->cr, x, g->margin_top + g->header_height - 1.5, width, 1.5);
  cairo_fill (paint->cr);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* "0232 3 822 123" must not break across lines. */
static char *
escaped_number (const char *number)
{
  g_autofree char *escaped = escape (number);
  g_auto(GStrv) parts = g_strsplit (escaped, " ", -1);

  return g_strjoinv ("\u00a0", parts);
}

static void
append_contact (GString            *out,
                const KioskHotline *contact,
                KioskLang           lang)
{
  g_autofree char *name = escape (contact->name[lang]);
  g_autofree char *number = escaped_number (contact->number);

  if (out->len > 0 && out->str[out->len - 1] != '\n' && out->str[out->len - 1] != ' ')
    g_string_append (out, "  ·  ");
  /* A non-breaking space: a number never starts a line without its name. */
  g_string_append_printf (out, "%s\u00a0<b>%s</b>", name, number);
}

static void
append_contacts (GString             *out,
                 const KioskPageInfo *info,
                 gboolean             national)
{
  for (guint i = 0; info->contacts != NULL && i < info->contacts->len; i++)
    {
      const KioskHotline *contact = info->contacts->pdata[i];

      if (contact->national == national)
        append_contact (out, contact, info->lang);
    }
}

static gboolean
has_local_contacts (const KioskPageInfo *info)
{
  for (guint i = 0; info->contacts != NULL && i < info->contacts->len; i++)
    if (!((const KioskHotline *) info->contacts->pdata[i])->national)
      return TRUE;
  return FALSE;
}

/* The commune's own contacts, what 111 is for, then the other national numbers: the
 * end of the list is what gives way when the band is full. */
static char *
band_details_markup (const KioskPageInfo *info)
{
  const KioskHotline *hotline = info->hotline;
  const char *purpose = hotline && hotline->purpose[info->lang] && *hotline->purpose[info->lang]
                        ? hotline->purpose[info->lang] : label (info, LABEL_HOTLINE_PURPOSE);
  g_autofree char *purpose_escaped = escape (purpose);
  GString *out = g_string_new (NULL);

  if (has_local_contacts (info))
    {
      g_string_append_printf (out, "<b>%s</b> ", label (info, LABEL_COMMUNE));
      append_contacts (out, info, FALSE);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "%s\n", purpose_escaped);
  append_contacts (out, info, TRUE);
  return g_string_free (out, FALSE);
}

static char *
hotline_markup (const KioskPageInfo *info)
{
  const KioskHotline *hotline = info->hotline;
  const char *name = hotline && hotline->name[info->lang] ? hotline->name[info->lang]
                                                          : label (info, LABEL_HOTLINE_NAME);
  const char *hours = hotline && hotline->hours[info->lang] ? hotline->hours[info->lang]
                                                            : label (info, LABEL_HOTLINE_HOURS);
  g_autofree char *name_escaped = escape (name);
  g_autofree char *hours_escaped = escape (hours);

  return g_strdup_printf ("<b>%s</b>\n<span size='85%%'>%s</span>", name_escaped, hours_escaped);
}

static double
paint_qr (KioskPaint                 *paint,
          const KioskLeafletGeometry *g,
          const KioskPageInfo        *info,
          double                      right,
          double                      top)
{
  double outer = kiosk_qr_get_outer_size (info->qr_text, g->qr_size);
  double x = right - outer;
  double y = top + (g->band_height - outer) / 2;

  if (!kiosk_qr_draw (paint->cr, info->qr_text, x, y, g->qr_size))
    return right;
  kiosk_paint_add_box (paint, KIOSK_LEAFLET_PART_QR, -1, x, y, outer, outer);
  return x;
}

static void
paint_qr_caption (KioskPaint                 *paint,
                  const KioskLeafletGeometry *g,
                  const KioskPageInfo        *info,
                  const char                 *number,
                  double                      right,
                  double                      top,
                  double                      width)
{
  g_autofree char *caption = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (info->qr_is_address)
    caption = escape (label (info, LABEL_SCAN_READ));
  else
    caption = g_strdup_printf ("%s <b>%s</b>", label (info, LABEL_SCAN_CALL), number);
  layout = new_text (paint, caption, 7.5, width, 4, RIGHT_ALIGN);
  paint_text (paint, layout, KIOSK_INK, right - width,
              top + (g->band_height - layout_height (layout)) / 2, KIOSK_LEAFLET_PART_BAND);
}

static void
paint_band_text (KioskPaint                 *paint,
                 const KioskLeafletGeometry *g,
                 const KioskPageInfo        *info,
                 const char                 *number,
                 double                      x,
                 double                      y,
                 double                      width)
{
  g_autofree char *number_markup = g_strdup_printf ("<b>%s</b>", number);
  g_autofree char *hotline = hotline_markup (info);
  g_autofree char *details = band_details_markup (info);
  g_autoptr(PangoLayout) big = new_text (paint, number_markup, 28, width / 2, 1, FALSE);
  double big_width = layout_width (big), big_height = layout_height (big);
  g_autoptr(PangoLayout) name = new_text (paint, hotline, 9.5, width - big_width - 8, 2, FALSE);
  g_autoptr(PangoLayout) others = new_text (paint, details, 8, width, 6, FALSE);
  double name_x = x + big_width + 8, name_y = y + (big_height - layout_height (name)) / 2;
  double others_y = y + big_height + 2, room;

  /* In a narrow band (A5) the name goes under the number, not squeezed beside it. */
  if (layout_height (name) > big_height)
    {
      g_object_unref (name);
      name = new_text (paint, hotline, 9.5, width, 2, FALSE);
      name_x = x;
      name_y = others_y;
      others_y += layout_height (name) + 2;
    }
  paint_text (paint, big, KIOSK_HOTLINE, x, y, KIOSK_LEAFLET_PART_BAND);
  paint_text (paint, name, KIOSK_INK, name_x, name_y, KIOSK_LEAFLET_PART_BAND);
  /* Whatever does not fit under the number ends in "…" inside the band. A height of 0
   * or less would mean a number of lines to Pango: with no room, nothing is drawn. */
  room = y + g->band_height - 2 * BAND_PADDING - others_y;
  if (room < 8)
    return;
  pango_layout_set_height (others, pango_units_from_double (room));
  paint_text (paint, others, KIOSK_INK, x, others_y, KIOSK_LEAFLET_PART_BAND);
}

static void
paint_band (KioskPaint                 *paint,
            const KioskLeafletGeometry *g,
            const KioskPageInfo        *info)
{
  double x = g->margin_x, width = g->page_width - 2 * g->margin_x;
  double y = g->page_height - g->margin_bottom - g->footer_height - g->gap - g->band_height;
  double caption_width = width > 400 ? 66 : 50;
  g_autofree char *number = escape (info->hotline ? info->hotline->number : "111");
  double qr_left;

  rounded_rectangle (paint->cr, x + 0.5, y + 0.5, width - 1, g->band_height - 1, 6);
  kiosk_paint_set_color (paint->cr, KIOSK_BAND_FILL);
  cairo_fill_preserve (paint->cr);
  kiosk_paint_set_color (paint->cr, KIOSK_BAND_EDGE);
  cairo_set_line_width (paint->cr, 1);
  cairo_stroke (paint->cr);

  qr_left = paint_qr (paint, g, info, x + width - BAND_PADDING, y);
  paint_qr_caption (paint, g, info, number, qr_left - 6, y, caption_width);
  paint_band_text (paint, g, info, number, x + BAND_PADDING, y + BAND_PADDING,
                   qr_left - 6 - caption_width - 10 - (x + BAND_PADDING));
}

static char *
footer_markup (const KioskPageInfo *info)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s %s", label (info, LABEL_PRINTED), info->printed);
  if (info->version != NULL)
    g_string_append_printf (out, " · %s %s", label (info, LABEL_VERSION), info->version);
  if (info->updated != NULL)
    g_string_append_printf (out, " · %s %s", label (info, LABEL_UPDATED), info->updated);
  return g_string_free (out, FALSE);
}

static void
paint_footer (KioskPaint                 *paint,
              const KioskLeafletGeometry *g,
              const KioskPageInfo        *info)
{
  double x = g->margin_x, width = g->page_width - 2 * g->margin_x;
  double y = g->page_height - g->margin_bottom - g->footer_height;
  g_autofree char *page = g_strdup_printf ("<b>%s %u/%u</b>", label (info, LABEL_PAGE),
                                           info->page + 1, info->n_pages);
  g_autofree char *text = footer_markup (info);
  g_autoptr(PangoLayout) page_layout = new_text (paint, page, 7.5, width * 0.15, 1, RIGHT_ALIGN);
  g_autoptr(PangoLayout) text_layout = new_text (paint, text, 7.5, width * 0.84, 1, FALSE);

  paint_text (paint, text_layout, KIOSK_MUTED, x, y, KIOSK_LEAFLET_PART_FOOTER);
  paint_text (paint, page_layout, KIOSK_INK, x + width * 0.85, y, KIOSK_LEAFLET_PART_FOOTER);
}

void
kiosk_leaflet_paint_page (KioskPaint                 *paint,
                          const KioskLeafletGeometry *geometry,
                          const KioskPageInfo        *info)
{
  paint_header (paint, geometry, info);
  paint_band (paint, geometry, info);
  paint_footer (paint, geometry, info);
}
