/* kiosk-home-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-home"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-column.h"
#include "kiosk-home-page.h"
#include "kiosk-media.h"
#include "kiosk-row.h"
#include "kiosk-text.h"

struct _KioskHomePage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkScrolledWindow  *scroller;
  KioskColumn        *tiles;
  GtkLabel           *message;

  /* owned */
  KioskStore         *store;
  KioskLang           lang;
};

#define TILE_ICON_SIZE 72

G_DEFINE_FINAL_TYPE (KioskHomePage, kiosk_home_page, GTK_TYPE_WIDGET)

static GtkWidget *
tile_icon_new (KioskHomePage *self,
               KioskTopic    *topic)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  /* Drawn at the size shown: a picture scaled down at every frame costs more to
   * paint than the whole tile around it. */
  int size = TILE_ICON_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkWidget *image;

  if (topic->icon != NULL)
    texture = kiosk_media_load_texture (self->store, topic->icon, size, &error);
  if (texture == NULL)
    {
      if (error != NULL)
        g_debug ("Topic icon %s: %s", topic->icon, error->message);
      return gtk_image_new_from_icon_name ("folder-documents-symbolic");
    }
  image = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (image), TILE_ICON_SIZE);
  return image;
}

static GtkWidget *
tile_new (KioskHomePage *self,
          KioskTopic    *topic)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *row = kiosk_row_new (16);
  GtkWidget *texts = kiosk_column_new (4);
  GtkWidget *title = kiosk_text_new (topic->title[self->lang]);
  GtkWidget *summary = kiosk_text_new (topic->summary[self->lang]);

  gtk_widget_add_css_class (button, "topic-tile");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-topic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, topic->title[self->lang],
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, topic->summary[self->lang],
                                  -1);

  gtk_widget_add_css_class (title, "tile-title");
  gtk_widget_add_css_class (summary, "tile-summary");
  kiosk_column_append (KIOSK_COLUMN (texts), title);
  kiosk_column_append (KIOSK_COLUMN (texts), summary);

  gtk_widget_set_valign (row, GTK_ALIGN_CENTER);
  kiosk_row_append (KIOSK_ROW (row), tile_icon_new (self, topic));
  kiosk_row_append (KIOSK_ROW (row), texts);
  gtk_button_set_child (GTK_BUTTON (button), row);
  return button;
}

void
kiosk_home_page_read_ahead (KioskStore *store)
{
  g_autoptr(GPtrArray) topics = NULL;

  g_return_if_fail (KIOSK_IS_STORE (store));

  /* At the usual scale of 1: the display is not open yet. At any other scale the
   * tiles load their icons themselves. */
  topics = kiosk_store_list_topics (store, NULL);
  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      KioskTopic *topic = topics->pdata[i];

      if (topic->icon != NULL)
        kiosk_media_read_ahead (store, topic->icon, TILE_ICON_SIZE);
    }
}

void
kiosk_home_page_reload (KioskHomePage *self)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KIOSK_IS_HOME_PAGE (self));

  kiosk_column_remove_all (self->tiles);

  topics = kiosk_store_list_topics (self->store, &error);
  if (topics == NULL || topics->len == 0)
    {
      gtk_label_set_text (self->message,
                          error ? error->message : _("The guidance is being prepared. Please wait a moment."));
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  for (guint i = 0; i < topics->len; i++)
    kiosk_column_append (self->tiles, tile_new (self, topics->pdata[i]));
}

void
kiosk_home_page_show_problem (KioskHomePage *self,
                              const char    *message)
{
  g_return_if_fail (KIOSK_IS_HOME_PAGE (self));

  /* With content on screen, an admin problem is not a visitor's business. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->tiles)) != NULL)
    return;
  gtk_label_set_text (self->message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
}

void
kiosk_home_page_reset (KioskHomePage *self)
{
  g_return_if_fail (KIOSK_IS_HOME_PAGE (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kiosk_home_page_dispose (GObject *object)
{
  KioskHomePage *self = KIOSK_HOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_HOME_PAGE);
  /* GTK 4.8 unparents only the bound template children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_home_page_parent_class)->dispose (object);
}

static void
kiosk_home_page_class_init (KioskHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_home_page_dispose;

  g_type_ensure (KIOSK_TYPE_COLUMN);
  g_type_ensure (KIOSK_TYPE_ROW);
  g_type_ensure (KIOSK_TYPE_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, tiles);
  gtk_widget_class_bind_template_child (widget_class, KioskHomePage, message);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskhomepage");
}

static void
kiosk_home_page_init (KioskHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_home_page_new (KioskStore *store,
                     KioskLang   lang)
{
  KioskHomePage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_HOME_PAGE, NULL);
  self->store = g_object_ref (store);
  self->lang = lang;
  kiosk_home_page_reload (self);
  return GTK_WIDGET (self);
}
