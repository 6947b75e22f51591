/* kiosk-header.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-header"

#include "config.h"

#include "kiosk-header.h"
#include "kiosk-row.h"
#include "kiosk-text.h"

/* How long staff hold the title to open the sign-in keypad: long enough that a child
 * leaning on the screen does not, short enough to be a documented way in. */
#define UNLOCK_HOLD_MS 3000

struct _KioskHeader
{
  GtkWidget  parent_instance;

  /* template widgets */
  KioskText *title;

  /* owned */
  guint      hold_source;
};

G_DEFINE_FINAL_TYPE (KioskHeader, kiosk_header, GTK_TYPE_WIDGET)

static gboolean
hold_done_cb (gpointer data)
{
  KioskHeader *self = data;

  self->hold_source = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.unlock", NULL);
  return G_SOURCE_REMOVE;
}

/* GtkGestureLongPress fires after at most twice gtk-long-press-time (its delay-factor
 * stops at 2, so 1 s by default); the rest of the hold is timed here and ends with
 * the touch. */
static void
on_title_pressed_cb (KioskHeader *self,
                     double       x,
                     double       y)
{
  int long_press_ms = 500;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-long-press-time", &long_press_ms, NULL);
  g_clear_handle_id (&self->hold_source, g_source_remove);
  self->hold_source = g_timeout_add (MAX (0, UNLOCK_HOLD_MS - 2 * long_press_ms),
                                     hold_done_cb, self);
}

static void
on_title_released_cb (KioskHeader *self)
{
  g_clear_handle_id (&self->hold_source, g_source_remove);
}

static void
kiosk_header_dispose (GObject *object)
{
  g_clear_handle_id (&KIOSK_HEADER (object)->hold_source, g_source_remove);
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

  g_type_ensure (KIOSK_TYPE_ROW);
  g_type_ensure (KIOSK_TYPE_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-header.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHeader, title);
  gtk_widget_class_bind_template_callback (widget_class, on_title_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_released_cb);
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
  kiosk_text_set_text (self->title, title);
}
