/* kiosk-header.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-header"

#include "config.h"

#include "kiosk-header.h"

struct _KioskHeader
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *title;
};

G_DEFINE_FINAL_TYPE (KioskHeader, kiosk_header, GTK_TYPE_WIDGET)

static void
kiosk_header_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_HEADER);
  /* GTK 4.8 unparents only the bound template children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_header_parent_class)->dispose (object);
}

static void
kiosk_header_class_init (KioskHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_header_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-header.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHeader, title);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskheader");
}

static void
kiosk_header_init (KioskHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_header_new (void)
{
  return g_object_new (KIOSK_TYPE_HEADER, NULL);
}

void
kiosk_header_set_title (KioskHeader *self,
                        const char  *title)
{
  g_return_if_fail (KIOSK_IS_HEADER (self));
  gtk_label_set_text (self->title, title);
}
