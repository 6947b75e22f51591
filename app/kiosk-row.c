/* kiosk-row.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of widgets in which one (wrapping text, as a rule: the first child set to
 * expand horizontally, or else the last) takes the width the others leave and is only
 * ever asked its height for that width.
 *
 * A horizontal GtkBox in GTK 4.8 asks each child for its width at the row's height
 * when it allocates them. A wrapping GtkLabel answers that by laying its text out
 * again and again to find the narrowest width that fits the height: a screen of topic
 * tiles cost thousands of text layouts on its first frame, and the text ended up in
 * a narrow column beside empty space. Here the other children get their natural
 * widths, and the filling one gets the rest of the row.
 *
 * The other children get the row's height; the filling one is centred vertically at
 * its natural height for its width. Its own valign would not do: for any alignment but
 * fill, gtk_widget_allocate() in GTK 4.8 first asks a widget its width for the
 * allocated height, the very question this row exists to avoid.
 */

#include "config.h"

#include "kiosk-row.h"

struct _KioskRow
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (KioskRow, kiosk_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The child that takes the rest of the row. */
static GtkWidget *
fill_child (KioskRow *self)
{
  GtkWidget *last = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (gtk_widget_get_hexpand (child))
        return child;
      last = child;
    }
  return last;
}

/* The width the other children take, with the gaps after them. */
static int
others_width (KioskRow  *self,
              GtkWidget *fill)
{
  int width = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural;

      if (!gtk_widget_should_layout (child) || child == fill)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural + self->spacing;
    }
  return width;
}

static void
kiosk_row_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  KioskRow *self = KIOSK_ROW (widget);
  GtkWidget *fill = fill_child (self);
  int others = for_size >= 0 ? others_width (self, fill) : 0;
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, child_width = -1;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min + (first ? 0 : self->spacing);
          *natural += child_nat + (first ? 0 : self->spacing);
          first = FALSE;
          continue;
        }

      if (for_size >= 0 && child == fill)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
          child_width = MAX (child_min, for_size - others);
        }
      else if (for_size >= 0)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL,
                              NULL);
        }
      gtk_widget_measure (child, orientation, child_width, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
kiosk_row_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KioskRow *self = KIOSK_ROW (widget);
  GtkWidget *fill = fill_child (self);
  int fill_width = MAX (0, width - others_width (self, fill));
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height = height;
      GtkAllocation box;

      if (!gtk_widget_should_layout (child))
        continue;
      if (child == fill)
        {
          child_width = fill_width;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height,
                              NULL, NULL);
          child_height = MIN (child_height, height);
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL,
                              NULL);
        }
      box = (GtkAllocation) { x, (height - child_height) / 2, child_width, child_height };
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        box.x = width - x - child_width;
      gtk_widget_size_allocate (child, &box, -1);
      x += child_width + self->spacing;
    }
}

static GtkSizeRequestMode
kiosk_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kiosk_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_row_parent_class)->dispose (object);
}

static void
kiosk_row_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KioskRow *self = KIOSK_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_row_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KioskRow *self = KIOSK_ROW (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      if (self->spacing != g_value_get_int (value))
        {
          self->spacing = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_row_class_init (KioskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_row_dispose;
  object_class->get_property = kiosk_row_get_property;
  object_class->set_property = kiosk_row_set_property;
  widget_class->measure = kiosk_row_measure;
  widget_class->size_allocate = kiosk_row_size_allocate;
  widget_class->get_request_mode = kiosk_row_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_row_init (KioskRow *self)
{
}

GtkWidget *
kiosk_row_new (int spacing)
{
  return g_object_new (KIOSK_TYPE_ROW, "spacing", spacing, NULL);
}

void
kiosk_row_append (KioskRow  *self,
                  GtkWidget *child)
{
  g_return_if_fail (KIOSK_IS_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
