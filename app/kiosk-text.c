/* kiosk-text.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wrapping, left-aligned text that lays itself out as seldom as it can.
 *
 * A wrapping GtkLabel in GTK 4.8 lays its text out again for each width it is asked
 * about: at width 0 for its minimum, unbounded for its natural width, and once more
 * for every width a container tries. The topic tiles cost over a hundred text
 * layouts before the home screen's first frame, almost all of them for text that
 * fits on one line anyway.
 *
 * KioskText keeps the text laid out on one line. That layout answers the natural
 * size, the minimum width (the widest stretch between two places the line may
 * break) and the height at any width the line fits in. Only a narrower width needs
 * a second, wrapped layout, and it is kept for that width until the next one.
 *
 * Font, size and weight come from CSS through the widget's Pango context, whose
 * serial tells when they changed; the colour comes from CSS at drawing time.
 */

#include "config.h"

#include <string.h>

#include "kiosk-text.h"

struct _KioskText
{
  GtkWidget    parent_instance;

  char        *text;

  /* The text on one line, and its sizes in pixels, valid for context_serial. */
  PangoLayout *line;
  guint        context_serial;
  int          min_width;
  int          line_width;
  int          line_height;

  /* The text wrapped at wrapped_width pixels, when that is narrower than the line. */
  PangoLayout *wrapped;
  int          wrapped_width;
  int          wrapped_height;
};

G_DEFINE_FINAL_TYPE (KioskText, kiosk_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The widest run of the one-line layout between two places where it may break, not
 * counting the spaces a run ends with: at a break they hang past the edge. One walk
 * over the clusters, left to right as Vietnamese and English are written. */
static int
widest_unbreakable_run (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int length = strlen (text);
  int n_attrs, offset = 0, last_index = 0;
  int run_start = 0, ink_end = 0, widest = 0;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  do
    {
      PangoRectangle cluster;
      int index = pango_layout_iter_get_index (iter);

      if (index >= length)
        break;
      offset += g_utf8_strlen (text + last_index, index - last_index);
      last_index = index;
      pango_layout_iter_get_cluster_extents (iter, NULL, &cluster);
      if (offset > 0 && offset < n_attrs && attrs[offset].is_line_break)
        {
          widest = MAX (widest, ink_end - run_start);
          run_start = ink_end = cluster.x;
        }
      if (offset < n_attrs && !attrs[offset].is_white)
        ink_end = cluster.x + cluster.width;
    }
  while (pango_layout_iter_next_cluster (iter));
  pango_layout_iter_free (iter);

  widest = MAX (widest, ink_end - run_start);
  return PANGO_PIXELS_CEIL (widest);
}

/* Brings the one-line layout and its sizes up to date with the widget's font. */
static void
ensure_line (KioskText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);

  if (self->line != NULL && self->context_serial == serial)
    return;

  g_clear_object (&self->wrapped);
  self->wrapped_width = -1;
  if (self->line == NULL)
    self->line = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  else
    pango_layout_context_changed (self->line);
  self->context_serial = serial;

  pango_layout_get_pixel_size (self->line, &self->line_width, &self->line_height);
  self->min_width = MIN (widest_unbreakable_run (self->line), self->line_width);
}

/* The layout for a width in pixels, wrapped only when the line does not fit. */
static PangoLayout *
layout_for_width (KioskText *self,
                  int        width,
                  int       *height)
{
  ensure_line (self);
  if (width < 0 || width >= self->line_width)
    {
      *height = self->line_height;
      return self->line;
    }

  if (self->wrapped == NULL)
    {
      self->wrapped = pango_layout_copy (self->line);
      pango_layout_set_wrap (self->wrapped, PANGO_WRAP_WORD_CHAR);
    }
  if (self->wrapped_width != width)
    {
      pango_layout_set_width (self->wrapped, width * PANGO_SCALE);
      pango_layout_get_pixel_size (self->wrapped, NULL, &self->wrapped_height);
      self->wrapped_width = width;
    }
  *height = self->wrapped_height;
  return self->wrapped;
}

static void
kiosk_text_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  KioskText *self = KIOSK_TEXT (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Any width from the widest word to the whole line; taller when narrower. */
      ensure_line (self);
      *minimum = self->min_width;
      *natural = self->line_width;
    }
  else
    {
      int height;

      layout_for_width (self, for_size, &height);
      *minimum = *natural = height;
    }
}

static void
kiosk_text_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  KioskText *self = KIOSK_TEXT (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA color;
  int height;
  PangoLayout *layout = layout_for_width (self, gtk_widget_get_width (widget), &height);

  gtk_style_context_get_color (style, &color);
  gtk_snapshot_append_layout (snapshot, layout, &color);
}

static GtkSizeRequestMode
kiosk_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kiosk_text_finalize (GObject *object)
{
  KioskText *self = KIOSK_TEXT (object);

  g_clear_object (&self->line);
  g_clear_object (&self->wrapped);
  g_free (self->text);

  G_OBJECT_CLASS (kiosk_text_parent_class)->finalize (object);
}

static void
kiosk_text_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KioskText *self = KIOSK_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_text_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KioskText *self = KIOSK_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      kiosk_text_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_text_class_init (KioskTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kiosk_text_finalize;
  object_class->get_property = kiosk_text_get_property;
  object_class->set_property = kiosk_text_set_property;
  widget_class->measure = kiosk_text_measure;
  widget_class->snapshot = kiosk_text_snapshot;
  widget_class->get_request_mode = kiosk_text_get_request_mode;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled as a label, and read out as one. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
kiosk_text_init (KioskText *self)
{
  self->text = g_strdup ("");
  self->wrapped_width = -1;
}

GtkWidget *
kiosk_text_new (const char *text)
{
  return g_object_new (KIOSK_TYPE_TEXT, "text", text, NULL);
}

const char *
kiosk_text_get_text (KioskText *self)
{
  g_return_val_if_fail (KIOSK_IS_TEXT (self), NULL);

  return self->text;
}

void
kiosk_text_set_text (KioskText  *self,
                     const char *text)
{
  g_return_if_fail (KIOSK_IS_TEXT (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->line);
  g_clear_object (&self->wrapped);
  self->wrapped_width = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
