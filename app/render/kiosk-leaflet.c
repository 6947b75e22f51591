/* kiosk-leaflet.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles laid out on A4 or A5 pages. The body is a list of flows (one per block of
 * the article) placed on pages by a small paginator that keeps headings with what
 * follows them, keeps list items and call-outs whole when they fit on a page, splits
 * paragraphs between lines (never leaving one line alone) and scales pictures to fit.
 * Layout happens once, with unhinted metrics, so the preview and the PDF break lines
 * in the same places.
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "kiosk-leaflet-blocks.h"
#include "kiosk-leaflet-image.h"
#include "kiosk-leaflet-private.h"
#include "kiosk-leaflet.h"

#define BODY_SIZE    10.5
#define LINE_SPACING 1.2
#define ITEM_INDENT  22.0
#define NEST_INDENT  16.0
#define CALLOUT_BAR  3.0

typedef struct {
  KioskBlock        *block;      /* borrowed from its section */
  PangoLayout       *layout;
  PangoLayout       *marker;
  KioskLeafletImage *image;      /* borrowed from the leaflet's picture cache */
  KioskLeafletPart   part;
  int                index;
  guint32            color;
  double             x;          /* of the text, from the body's left edge */
  double             space_before;
  double             pad;        /* above and below the text, inside a call-out box */
  int                n_lines;
  double            *tops;       /* n_lines + 1: each line's top, then the last bottom */
  gboolean           keep_with_next;
  gboolean           keep_together;
} Flow;

typedef struct {
  Flow   *flow;
  int     first;
  int     n_lines;
  double  y;
  double  height;
} Piece;

typedef struct {
  guint   section;
  GArray *pieces;
} Page;

typedef struct {
  KioskArticle *article;
  char         *qr_text;
  gboolean      qr_is_address;
  char         *version;
  char         *updated;
  GPtrArray    *blocks;
  GPtrArray    *flows;
} Section;

struct _KioskLeaflet
{
  GObject               parent_instance;

  /* owned */
  KioskStore           *store;
  PangoContext         *context;
  GPtrArray            *sections;
  GHashTable           *images;
  GPtrArray            *hotlines;
  GPtrArray            *contacts;     /* borrowed from hotlines */
  GArray               *pages;
  GDateTime            *date;
  char                 *commune_name;
  char                 *commune_address;

  /* borrowed */
  const KioskHotline   *hotline;

  KioskLang             lang;
  KioskPaper            paper;
  KioskLeafletGeometry  geometry;
};

G_DEFINE_FINAL_TYPE (KioskLeaflet, kiosk_leaflet, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-leaflet-error-quark, kiosk_leaflet_error)

KioskPaper
kiosk_paper_from_string (const char *str)
{
  return g_ascii_strcasecmp (str ?: "", "a5") == 0 ? KIOSK_PAPER_A5 : KIOSK_PAPER_A4;
}

static void
flow_free (Flow *flow)
{
  g_clear_object (&flow->layout);
  g_clear_object (&flow->marker);
  g_free (flow->tops);
  g_free (flow);
}

static void
section_free (Section *section)
{
  kiosk_article_free (section->article);
  g_free (section->qr_text);
  g_free (section->version);
  g_free (section->updated);
  g_ptr_array_unref (section->blocks);
  g_clear_pointer (&section->flows, g_ptr_array_unref);
  g_free (section);
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_array_unref (page->pieces);
}

static void
kiosk_leaflet_finalize (GObject *object)
{
  KioskLeaflet *self = KIOSK_LEAFLET (object);

  g_clear_pointer (&self->pages, g_array_unref);
  g_ptr_array_unref (self->sections);
  g_hash_table_unref (self->images);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->hotlines, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->commune_name);
  g_free (self->commune_address);
  g_clear_object (&self->context);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_leaflet_parent_class)->finalize (object);
}

static void
kiosk_leaflet_class_init (KioskLeafletClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_leaflet_finalize;
}

static void
kiosk_leaflet_init (KioskLeaflet *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) kiosk_leaflet_image_free);
}

static PangoContext *
new_context (KioskLang lang)
{
  PangoContext *context = pango_font_map_create_context (kiosk_leaflet_get_font_map ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at one unit to the point: the same line breaks on paper and in a
   * preview at any scale. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (kiosk_lang_to_string (lang)));
  return context;
}

KioskLeaflet *
kiosk_leaflet_new (KioskStore *store,
                   KioskLang   lang,
                   KioskPaper  paper)
{
  KioskLeaflet *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_LEAFLET, NULL);
  self->store = g_object_ref (store);
  self->lang = lang;
  self->paper = paper;
  self->context = new_context (lang);
  kiosk_leaflet_geometry_init (&self->geometry, paper);
  return self;
}

void
kiosk_leaflet_set_commune (KioskLeaflet *self,
                           const char   *name,
                           const char   *address)
{
  g_return_if_fail (KIOSK_IS_LEAFLET (self));

  g_free (self->commune_name);
  self->commune_name = g_strdup (name);
  g_free (self->commune_address);
  self->commune_address = g_strdup (address);
}

void
kiosk_leaflet_set_date (KioskLeaflet *self,
                        GDateTime    *date)
{
  g_return_if_fail (KIOSK_IS_LEAFLET (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

KioskLang
kiosk_leaflet_get_lang (KioskLeaflet *self)
{
  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), KIOSK_LANG_VI);

  return self->lang;
}

KioskPaper
kiosk_leaflet_get_paper (KioskLeaflet *self)
{
  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), KIOSK_PAPER_A4);

  return self->paper;
}

static Section *
first_section (KioskLeaflet *self)
{
  return self->sections->len > 0 ? self->sections->pdata[0] : NULL;
}

const char *
kiosk_leaflet_get_title (KioskLeaflet *self)
{
  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), NULL);

  return first_section (self) ? first_section (self)->article->title[self->lang] : NULL;
}

const char *
kiosk_leaflet_get_qr_text (KioskLeaflet *self)
{
  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), NULL);

  return first_section (self) ? first_section (self)->qr_text : NULL;
}

static void
invalidate (KioskLeaflet *self)
{
  g_clear_pointer (&self->pages, g_array_unref);
}

/* Pictures are loaded once per leaflet; a missing or broken one is left out rather
 * than stopping the print. */
static void
load_image (KioskLeaflet *self,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *mime = NULL;
  KioskLeafletImage *image = NULL;

  if (g_hash_table_contains (self->images, name))
    return;
  bytes = kiosk_store_get_media (self->store, name, &mime, &error);
  if (bytes != NULL)
    image = kiosk_leaflet_image_new (bytes, mime, &error);
  if (image == NULL)
    g_debug ("Picture %s left out: %s", name, error->message);
  g_hash_table_insert (self->images, g_strdup (name), image);
}

static char *
format_updated (const char *updated)
{
  g_auto(GStrv) parts = g_strsplit (updated ?: "", "-", 3);

  if (g_strv_length (parts) != 3)
    return g_strdup (updated);
  return g_strdup_printf ("%s/%s/%s", parts[2], parts[1], parts[0]);
}

/* The article's public address when its source publishes one, else the hotline. */
static void
set_source (Section     *section,
            KioskSource *source)
{
  if (source != NULL)
    section->version = g_strdup_printf ("%" G_GINT64_FORMAT, source->version);
  if (source != NULL && source->public_url != NULL && *source->public_url != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (source->public_url, "{id}", -1);

      section->qr_text = g_strjoinv (section->article->id, parts);
      section->qr_is_address = TRUE;
    }
  else
    {
      section->qr_text = g_strdup ("tel:111");
    }
}

static void
add_head_blocks (Section   *section,
                 KioskLang  lang)
{
  KioskArticle *article = section->article;
  g_autofree char *title = g_markup_escape_text (article->title[lang] ?: article->id, -1);
  g_autofree char *summary = g_markup_escape_text (article->summary[lang] ?: "", -1);

  g_ptr_array_insert (section->blocks, 0, kiosk_block_new (KIOSK_BLOCK_TITLE, title));
  if (*summary != '\0')
    g_ptr_array_insert (section->blocks, 1, kiosk_block_new (KIOSK_BLOCK_SUMMARY, summary));
}

gboolean
kiosk_leaflet_add_article (KioskLeaflet  *self,
                           const char    *article_id,
                           GError       **error)
{
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(KioskSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  Section *section;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), FALSE);
  g_return_val_if_fail (article_id != NULL, FALSE);

  article = kiosk_store_get_article (self->store, article_id, error);
  if (article == NULL)
    return FALSE;
  source = kiosk_store_get_source (self->store, article->source, &local_error);
  if (source == NULL)
    g_debug ("No source for %s: %s", article_id, local_error->message);

  section = g_new0 (Section, 1);
  section->article = g_steal_pointer (&article);
  section->updated = format_updated (section->article->updated);
  set_source (section, source);
  section->blocks = kiosk_leaflet_blocks_parse (section->article->body[self->lang] ?: "");
  add_head_blocks (section, self->lang);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      KioskBlock *block = section->blocks->pdata[i];

      if (block->kind == KIOSK_BLOCK_IMAGE)
        load_image (self, block->image);
    }
  g_ptr_array_add (self->sections, section);
  invalidate (self);
  return TRUE;
}

gboolean
kiosk_leaflet_add_articles (KioskLeaflet  *self,
                            const char    *article_ids,
                            GError       **error)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), FALSE);
  g_return_val_if_fail (article_ids != NULL, FALSE);

  ids = g_strsplit (article_ids, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_strstrip (ids[i]);
      if (*ids[i] != '\0' && !kiosk_leaflet_add_article (self, ids[i], error))
        return FALSE;
    }
  if (self->sections->len == 0)
    {
      g_set_error_literal (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_EMPTY,
                           _("Choose at least one article to print."));
      return FALSE;
    }
  return TRUE;
}

/* Geometry of the body area. */

static double
body_width (KioskLeaflet *self)
{
  return self->geometry.page_width - 2 * self->geometry.margin_x;
}

static double
body_top (KioskLeaflet *self)
{
  const KioskLeafletGeometry *g = &self->geometry;

  return g->margin_top + g->header_height + g->gap;
}

static double
body_bottom (KioskLeaflet *self)
{
  const KioskLeafletGeometry *g = &self->geometry;

  return g->page_height - g->margin_bottom - g->footer_height - 2 * g->gap - g->band_height;
}

/* Flows: each block made into layouts and measured. */

static void
measure_lines (Flow *flow)
{
  PangoLayoutIter *iter = pango_layout_get_iter (flow->layout);
  int index = 0;

  flow->n_lines = pango_layout_get_line_count (flow->layout);
  flow->tops = g_new0 (double, flow->n_lines + 1);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      flow->tops[index] = pango_units_to_double (logical.y);
      flow->tops[index + 1] = pango_units_to_double (logical.y + logical.height);
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
set_text (KioskLeaflet *self,
          Flow         *flow,
          const char   *markup,
          double        size,
          double        width)
{
  flow->layout = kiosk_paint_new_layout (self->context, markup, size, width);
  pango_layout_set_line_spacing (flow->layout, size > 14 ? 1.05 : LINE_SPACING);
  measure_lines (flow);
}

static void
set_heading (KioskLeaflet *self,
             Flow         *flow,
             double        size,
             double        space_before)
{
  g_autofree char *markup = g_strdup_printf ("<b>%s</b>", flow->block->markup);

  flow->part = flow->block->kind == KIOSK_BLOCK_TITLE ? KIOSK_LEAFLET_PART_TITLE
                                                      : KIOSK_LEAFLET_PART_HEADING;
  flow->color = KIOSK_ACCENT;
  flow->space_before = space_before;
  flow->keep_with_next = TRUE;
  set_text (self, flow, markup, size, body_width (self));
}

static void
set_item (KioskLeaflet *self,
          Flow         *flow)
{
  g_autofree char *marker = g_markup_escape_text (flow->block->marker, -1);

  flow->part = KIOSK_LEAFLET_PART_ITEM;
  flow->x = ITEM_INDENT + NEST_INDENT * flow->block->level;
  flow->keep_together = TRUE;
  flow->marker = kiosk_paint_new_layout (self->context, marker, BODY_SIZE, flow->x);
  set_text (self, flow, flow->block->markup, BODY_SIZE, body_width (self) - flow->x);
}

static void
set_callout (KioskLeaflet *self,
             Flow         *flow)
{
  flow->part = KIOSK_LEAFLET_PART_CALLOUT;
  flow->x = CALLOUT_BAR + 9;
  flow->pad = 6;
  flow->space_before = 8;
  flow->keep_together = TRUE;
  set_text (self, flow, flow->block->markup, BODY_SIZE, body_width (self) - flow->x - 9);
}

static double
item_space (KioskBlockKind previous)
{
  return previous == KIOSK_BLOCK_ITEM ? 2.5 : previous == KIOSK_BLOCK_HEADING ? 3 : 5;
}

static void
set_flow_content (KioskLeaflet   *self,
                  Flow           *flow,
                  KioskBlockKind  previous)
{
  KioskBlock *block = flow->block;

  flow->part = KIOSK_LEAFLET_PART_TEXT;
  flow->color = KIOSK_INK;
  flow->space_before = previous == KIOSK_BLOCK_HEADING ? 3 : 5;
  switch (block->kind)
    {
    case KIOSK_BLOCK_TITLE:
      set_heading (self, flow, 19, 0);
      break;
    case KIOSK_BLOCK_SUMMARY:
      set_text (self, flow, block->markup, 11, body_width (self));
      flow->space_before = 6;
      break;
    case KIOSK_BLOCK_HEADING:
      set_heading (self, flow, block->level == 2 ? 12.5 : 11, block->level == 2 ? 11 : 8);
      break;
    case KIOSK_BLOCK_ITEM:
      flow->space_before = item_space (previous);
      set_item (self, flow);
      break;
    case KIOSK_BLOCK_CALLOUT:
      set_callout (self, flow);
      break;
    case KIOSK_BLOCK_IMAGE:
    case KIOSK_BLOCK_RULE:
      flow->part = block->kind == KIOSK_BLOCK_IMAGE ? KIOSK_LEAFLET_PART_IMAGE
                                                    : KIOSK_LEAFLET_PART_RULE;
      flow->space_before = 8;
      break;
    case KIOSK_BLOCK_PARAGRAPH:
    default:
      set_text (self, flow, block->markup, BODY_SIZE, body_width (self));
      break;
    }
}

static void
build_flows (KioskLeaflet *self,
             Section      *section,
             int          *index)
{
  KioskBlockKind previous = KIOSK_BLOCK_TITLE;

  g_clear_pointer (&section->flows, g_ptr_array_unref);
  section->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) flow_free);
  for (guint i = 0; i < section->blocks->len; i++)
    {
      KioskBlock *block = section->blocks->pdata[i];
      Flow *flow = g_new0 (Flow, 1);

      flow->block = block;
      flow->index = (*index)++;
      if (block->kind == KIOSK_BLOCK_IMAGE)
        flow->image = g_hash_table_lookup (self->images, block->image);
      if (block->kind == KIOSK_BLOCK_IMAGE && flow->image == NULL)
        {
          flow_free (flow);
          continue;
        }
      set_flow_content (self, flow, previous);
      g_ptr_array_add (section->flows, flow);
      previous = block->kind;
    }
}

/* Pagination. */

typedef struct {
  KioskLeaflet *self;
  Page         *page;
  double        y;
  gboolean      at_top;
} Cursor;

static double
lines_height (Flow *flow,
              int   first,
              int   n_lines)
{
  return flow->tops[first + n_lines] - flow->tops[first] + 2 * flow->pad;
}

static double
image_height (KioskLeaflet *self,
              Flow         *flow)
{
  double aspect = kiosk_leaflet_image_aspect (flow->image);

  return MIN (self->geometry.image_height, body_width (self) / aspect);
}

static double
flow_height (KioskLeaflet *self,
             Flow         *flow)
{
  if (flow->image != NULL)
    return image_height (self, flow);
  if (flow->layout == NULL)
    return 8;
  return lines_height (flow, 0, flow->n_lines);
}

static double
page_space (KioskLeaflet *self)
{
  return body_bottom (self) - body_top (self);
}

/* How much of flow @i must come onto the page with the heading before it. */
static double
lead_height (KioskLeaflet *self,
             GPtrArray    *flows,
             guint         i)
{
  Flow *flow;
  int lines;

  if (i >= flows->len)
    return 0;
  flow = flows->pdata[i];
  if (flow->image != NULL)
    return flow->space_before + image_height (self, flow) * 0.6;
  if (flow->keep_with_next)
    return flow->space_before + flow_height (self, flow) + lead_height (self, flows, i + 1);
  if (flow->layout == NULL ||
      (flow->keep_together && flow_height (self, flow) <= page_space (self)))
    return flow->space_before + flow_height (self, flow);
  lines = flow->n_lines <= 3 ? flow->n_lines : 2;
  return flow->space_before + lines_height (flow, 0, lines);
}

static void
new_page (Cursor *cursor,
          guint   section)
{
  Page page = { section, g_array_new (FALSE, FALSE, sizeof (Piece)) };

  g_array_append_val (cursor->self->pages, page);
  cursor->page = &g_array_index (cursor->self->pages, Page, cursor->self->pages->len - 1);
  cursor->y = body_top (cursor->self);
  cursor->at_top = TRUE;
}

static double
gap_before (Cursor *cursor,
            Flow   *flow)
{
  return cursor->at_top ? 0 : flow->space_before;
}

static gboolean
fits (Cursor *cursor,
      Flow   *flow,
      double  height)
{
  return cursor->y + gap_before (cursor, flow) + height <= body_bottom (cursor->self) + 0.01;
}

static void
place (Cursor *cursor,
       Flow   *flow,
       int     first,
       int     n_lines,
       double  height)
{
  Piece piece = { flow, first, n_lines, cursor->y + gap_before (cursor, flow), height };

  g_array_append_val (cursor->page->pieces, piece);
  cursor->y = piece.y + height;
  cursor->at_top = FALSE;
}

static void
place_image (Cursor *cursor,
             Flow   *flow)
{
  double height = image_height (cursor->self, flow);
  double room = body_bottom (cursor->self) - cursor->y - gap_before (cursor, flow);

  /* Shrink a picture a little rather than push it, and the text after it, over. */
  if (height > room && (room >= height * 0.6 || cursor->at_top))
    height = room;
  else if (height > room)
    new_page (cursor, cursor->page->section);
  place (cursor, flow, 0, 0, MIN (height, page_space (cursor->self)));
}

static int
lines_that_fit (Cursor *cursor,
                Flow   *flow,
                int     first)
{
  double room = body_bottom (cursor->self) - cursor->y - gap_before (cursor, flow) - 2 * flow->pad;
  int n = 0;

  while (first + n < flow->n_lines && flow->tops[first + n + 1] - flow->tops[first] <= room + 0.01)
    n++;
  return n;
}

/* A paragraph split between pages leaves at least two lines on each side. */
static void
place_split (Cursor *cursor,
             Flow   *flow)
{
  int first = 0;

  while (first < flow->n_lines)
    {
      int left = flow->n_lines - first;
      int n = lines_that_fit (cursor, flow, first);

      if (n >= left)
        {
          place (cursor, flow, first, left, lines_height (flow, first, left));
          return;
        }
      if (left - n < 2)
        n = left - 2;
      if (n < 2 && !cursor->at_top)
        {
          new_page (cursor, cursor->page->section);
          continue;
        }
      n = MAX (n, 1);
      place (cursor, flow, first, n, lines_height (flow, first, n));
      first += n;
      new_page (cursor, cursor->page->section);
    }
}

/* Headings go with what follows them; list items, call-outs and rules move whole to
 * the next page when they fit on one; the rest is split between lines. */
static void
place_flow (Cursor    *cursor,
            GPtrArray *flows,
            guint      i)
{
  KioskLeaflet *self = cursor->self;
  Flow *flow = flows->pdata[i];
  double height = flow_height (self, flow);
  gboolean fits_a_page = height <= page_space (self);
  gboolean keep_whole = flow->layout == NULL || flow->keep_together || flow->keep_with_next;

  if (flow->image != NULL)
    {
      place_image (cursor, flow);
      return;
    }
  if (!cursor->at_top && flow->keep_with_next && fits_a_page &&
      !fits (cursor, flow, height + lead_height (self, flows, i + 1)))
    new_page (cursor, cursor->page->section);
  else if (!cursor->at_top && keep_whole && fits_a_page && !fits (cursor, flow, height))
    new_page (cursor, cursor->page->section);

  if (fits (cursor, flow, height) || flow->layout == NULL)
    place (cursor, flow, 0, flow->layout ? flow->n_lines : 0, height);
  else
    place_split (cursor, flow);
}

/* 111 leads the band; the commune's own contacts come next, then the other national
 * numbers. */
static void
load_hotlines (KioskLeaflet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) national = g_ptr_array_new ();

  self->hotlines = kiosk_store_list_hotlines (self->store, &error);
  if (self->hotlines == NULL)
    {
      g_debug ("No hotlines for the leaflet: %s", error->message);
      self->hotlines = g_ptr_array_new ();
    }
  self->contacts = g_ptr_array_new ();
  for (guint i = 0; i < self->hotlines->len; i++)
    {
      KioskHotline *hotline = self->hotlines->pdata[i];

      if (self->hotline == NULL && g_strcmp0 (hotline->number, "111") == 0)
        self->hotline = hotline;
      else
        g_ptr_array_add (hotline->national ? national : self->contacts, hotline);
    }
  g_ptr_array_extend (self->contacts, national, NULL, NULL);
}

static void
lay_out (KioskLeaflet *self)
{
  Cursor cursor = { self };
  int index = 0;

  if (self->pages != NULL)
    return;
  if (self->hotlines == NULL)
    load_hotlines (self);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = self->sections->pdata[s];

      build_flows (self, section, &index);
      new_page (&cursor, s);
      for (guint i = 0; i < section->flows->len; i++)
        place_flow (&cursor, section->flows, i);
    }
}

guint
kiosk_leaflet_get_n_pages (KioskLeaflet *self)
{
  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), 0);

  lay_out (self);
  return self->pages->len;
}

void
kiosk_leaflet_get_page_size (KioskLeaflet *self,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (KIOSK_IS_LEAFLET (self));

  if (width != NULL)
    *width = self->geometry.page_width;
  if (height != NULL)
    *height = self->geometry.page_height;
}

void
kiosk_leaflet_get_margin_box (KioskLeaflet      *self,
                              cairo_rectangle_t *box)
{
  const KioskLeafletGeometry *g;

  g_return_if_fail (KIOSK_IS_LEAFLET (self));

  g = &self->geometry;
  box->x = g->margin_x;
  box->y = g->margin_top;
  box->width = g->page_width - 2 * g->margin_x;
  box->height = g->page_height - g->margin_top - g->margin_bottom;
}

/* Drawing. */

static void
paint_marker (KioskPaint *paint,
              Flow       *flow,
              double      x,
              double      y)
{
  PangoRectangle logical;

  pango_layout_get_extents (flow->marker, NULL, &logical);
  kiosk_paint_lines (paint, flow->marker, 0, 1, x - 4 - pango_units_to_double (logical.width), y,
                     KIOSK_LEAFLET_PART_ITEM, flow->index);
}

static void
paint_callout_box (KioskPaint *paint,
                   double      x,
                   double      y,
                   double      width,
                   double      height)
{
  kiosk_paint_set_color (paint->cr, KIOSK_CALLOUT);
  cairo_rectangle (paint->cr, x, y, width, height);
  cairo_fill (paint->cr);
  kiosk_paint_set_color (paint->cr, KIOSK_ACCENT);
  cairo_rectangle (paint->cr, x, y, CALLOUT_BAR, height);
  cairo_fill (paint->cr);
}

static void
paint_image (KioskLeaflet *self,
             KioskPaint   *paint,
             Piece        *piece)
{
  double width = MIN (piece->height * kiosk_leaflet_image_aspect (piece->flow->image),
                      body_width (self));
  double height = width / kiosk_leaflet_image_aspect (piece->flow->image);
  double x = self->geometry.margin_x + (body_width (self) - width) / 2;

  kiosk_leaflet_image_draw (piece->flow->image, paint->cr, x, piece->y, width, height);
  kiosk_paint_add_box (paint, KIOSK_LEAFLET_PART_IMAGE, piece->flow->index, x, piece->y, width,
                       height);
}

static void
paint_rule (KioskLeaflet *self,
            KioskPaint   *paint,
            Piece        *piece)
{
  kiosk_paint_set_color (paint->cr, KIOSK_MUTED);
  cairo_rectangle (paint->cr, self->geometry.margin_x, piece->y + piece->height / 2,
                   body_width (self), 0.5);
  cairo_fill (paint->cr);
  kiosk_paint_add_box (paint, KIOSK_LEAFLET_PART_RULE, piece->flow->index,
                       self->geometry.margin_x, piece->y, body_width (self), piece->height);
}

static void
paint_piece (KioskLeaflet *self,
             KioskPaint   *paint,
             Piece        *piece)
{
  Flow *flow = piece->flow;
  double left = self->geometry.margin_x;

  if (flow->image != NULL)
    {
      paint_image (self, paint, piece);
      return;
    }
  if (flow->layout == NULL)
    {
      paint_rule (self, paint, piece);
      return;
    }
  if (flow->part == KIOSK_LEAFLET_PART_CALLOUT)
    paint_callout_box (paint, left, piece->y, body_width (self), piece->height);

  kiosk_paint_set_color (paint->cr, flow->color);
  if (flow->marker != NULL && piece->first == 0)
    paint_marker (paint, flow, left + flow->x, piece->y + flow->pad);
  kiosk_paint_lines (paint, flow->layout, piece->first, piece->n_lines, left + flow->x,
                     piece->y + flow->pad, flow->part, flow->index);
}

/* SOURCE_DATE_EPOCH, the reproducible-builds convention, pins the date of renders
 * that are kept (docs/leaflets). */
static GDateTime *
default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    return g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  return g_date_time_new_now_local ();
}

static char *
format_date (KioskLeaflet *self)
{
  g_autoptr(GDateTime) date = self->date ? g_date_time_ref (self->date) : default_date ();

  return g_date_time_format (date, "%d/%m/%Y");
}

static void
paint_page (KioskLeaflet *self,
            KioskPaint   *paint)
{
  Page *page = &g_array_index (self->pages, Page, paint->page);
  Section *section = self->sections->pdata[page->section];
  g_autofree char *printed = format_date (self);
  KioskPageInfo info = {
    .lang = self->lang,
    .commune_name = self->commune_name,
    .commune_address = self->commune_address,
    .qr_text = section->qr_text,
    .qr_is_address = section->qr_is_address,
    .hotline = self->hotline,
    .contacts = self->contacts,
    .printed = printed,
    .version = section->version,
    .updated = section->updated,
    .page = paint->page,
    .n_pages = self->pages->len,
  };

  kiosk_leaflet_paint_page (paint, &self->geometry, &info);
  for (guint i = 0; i < page->pieces->len; i++)
    paint_piece (self, paint, &g_array_index (page->pieces, Piece, i));
}

void
kiosk_leaflet_draw_page (KioskLeaflet *self,
                         cairo_t      *cr,
                         guint         page)
{
  KioskPaint paint = { cr, NULL, NULL, page };

  g_return_if_fail (KIOSK_IS_LEAFLET (self));

  lay_out (self);
  g_return_if_fail (page < self->pages->len);
  paint.context = self->context;
  cairo_save (cr);
  paint_page (self, &paint);
  cairo_restore (cr);
}

cairo_surface_t *
kiosk_leaflet_render_page (KioskLeaflet *self,
                           guint         page,
                           double        scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (self->geometry.page_width * scale + 0.5),
                                        (int) (self->geometry.page_height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  kiosk_leaflet_draw_page (self, cr, page);
  cairo_destroy (cr);
  return surface;
}

GArray *
kiosk_leaflet_get_boxes (KioskLeaflet *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GArray *boxes;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), NULL);

  boxes = g_array_new (FALSE, FALSE, sizeof (KioskLeafletBox));
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  for (guint page = 0; page < kiosk_leaflet_get_n_pages (self); page++)
    {
      KioskPaint paint = { cr, self->context, boxes, page };

      paint_page (self, &paint);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return boxes;
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfWrite;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfWrite *write = closure;

  if (write->error == NULL &&
      g_output_stream_write_all (write->stream, data, length, NULL, write->cancellable,
                                 &write->error))
    return CAIRO_STATUS_SUCCESS;
  return CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (KioskLeaflet    *self,
              cairo_surface_t *surface)
{
  const char *title = kiosk_leaflet_get_title (self);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Góc Trẻ Em");
}

static gboolean
report_write_error (PdfWrite         *write,
                    cairo_status_t    status,
                    GError          **error)
{
  if (write->error != NULL && g_error_matches (write->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&write->error));
      return FALSE;
    }
  g_set_error (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_WRITE,
               _("The leaflet could not be written: %s"),
               write->error ? write->error->message : cairo_status_to_string (status));
  g_clear_error (&write->error);
  return FALSE;
}

gboolean
kiosk_leaflet_write_pdf (KioskLeaflet   *self,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  PdfWrite write = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &write, self->geometry.page_width,
                                                 self->geometry.page_height);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  for (guint page = 0; page < kiosk_leaflet_get_n_pages (self); page++)
    {
      kiosk_leaflet_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || write.error != NULL)
    return report_write_error (&write, status, error);
  return TRUE;
}

gboolean
kiosk_leaflet_save_pdf (KioskLeaflet  *self,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KIOSK_IS_LEAFLET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                &local_error);
  if (file_stream == NULL)
    {
      g_set_error (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_WRITE,
                   _("The leaflet could not be written: %s"), local_error->message);
      return FALSE;
    }
  /* cairo writes in pieces of a few bytes: one system call each without a buffer. */
  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 64 * 1024);
  if (kiosk_leaflet_write_pdf (self, stream, cancellable, error))
    return g_output_stream_close (stream, cancellable, error);

  /* Closing with a cancelled cancellable drops the half-written copy and keeps any old
   * file as it was. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (stream, abandon, NULL);
  return FALSE;
}
