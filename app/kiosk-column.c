/* kiosk-column.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Children one under the other, each as wide as the column and as tall as it needs
 * at that width: the list of topic tiles.
 *
 * A vertical GtkBox does the same, but when GTK 4.8 asks it for its width at a given
 * height (as it does for any widget not aligned to fill), it searches for the width at
 * which its children's heights add up, measuring every wrapping text in it at one
 * width after another. A GtkFlowBox with one tile per line avoids that, but wraps
 * each tile in a child widget of its own and measures every tile at its narrowest as
 * well. The width of a column never depends on its height, so here that question is
 * answered without one.
 */

#include "config.h"

#include "kiosk-column.h"

struct _KioskColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (KioskColumn, kiosk_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kiosk_column_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  KioskColumn *self = KIOSK_COLUMN (widget);
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
          continue;
        }

      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum += child_min + (first ? 0 : self->spacing);
      *natural += child_nat + (first ? 0 : self->spacing);
      first = FALSE;
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
kiosk_column_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  KioskColumn *self = KIOSK_COLUMN (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL,
                          NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + self->spacing;
    }
}

static GtkSizeRequestMode
kiosk_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kiosk_column_dispose (GObject *object)
{
  kiosk_column_remove_all (KIOSK_COLUMN (object));

  G_OBJECT_CLASS (kiosk_column_parent_class)->dispose (object);
}

static void
kiosk_column_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskColumn *self = KIOSK_COLUMN (object);

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
kiosk_column_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KioskColumn *self = KIOSK_COLUMN (object);

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
kiosk_column_class_init (KioskColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_column_dispose;
  object_class->get_property = kiosk_column_get_property;
  object_class->set_property = kiosk_column_set_property;
  widget_class->measure = kiosk_column_measure;
  widget_class->size_allocate = kiosk_column_size_allocate;
  widget_class->get_request_mode = kiosk_column_get_request_mode;

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_column_init (KioskColumn *self)
{
}

GtkWidget *
kiosk_column_new (int spacing)
{
  return g_object_new (KIOSK_TYPE_COLUMN, "spacing", spacing, NULL);
}

void
kiosk_column_append (KioskColumn *self,
                     GtkWidget   *child)
{
  g_return_if_fail (KIOSK_IS_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
kiosk_column_remove_all (KioskColumn *self)
{
  GtkWidget *child;

  g_return_if_fail (KIOSK_IS_COLUMN (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
