/* kiosk-topic-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-topic"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-media.h"
#include "kiosk-text.h"
#include "kiosk-topic-page.h"

struct _KioskTopicPage
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkLabel   *title;
  GtkLabel   *summary;
  GtkImage   *icon;
  GtkBox     *cards;
};

G_DEFINE_FINAL_TYPE (KioskTopicPage, kiosk_topic_page, GTK_TYPE_WIDGET)

static GtkWidget *
wrapped_text (const char *text,
              const char *css_class)
{
  GtkWidget *widget = kiosk_text_new (text);

  gtk_widget_add_css_class (widget, css_class);
  return widget;
}

static GtkWidget *
card_new (KioskArticle *article,
          KioskLang     lang)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (button, "article-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-article");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", article->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, article->title[lang],
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, article->summary[lang],
                                  -1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), wrapped_text (article->title[lang], "card-title"));
  gtk_box_append (GTK_BOX (texts), wrapped_text (article->summary[lang], "card-summary"));
  gtk_image_set_pixel_size (GTK_IMAGE (arrow), 32);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

static void
fill_header (KioskTopicPage *self,
             KioskStore     *store,
             KioskLang       lang,
             const char     *topic_id)
{
  g_autoptr(GPtrArray) topics = kiosk_store_list_topics (store, NULL);

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      KioskTopic *topic = topics->pdata[i];
      g_autoptr(GdkTexture) texture = NULL;

      if (g_strcmp0 (topic->id, topic_id) != 0)
        continue;
      gtk_label_set_text (self->title, topic->title[lang]);
      gtk_label_set_text (self->summary, topic->summary[lang]);
      if (topic->icon != NULL)
        texture = kiosk_media_load_texture (store, topic->icon, 96, NULL);
      if (texture != NULL)
        gtk_image_set_from_paintable (self->icon, GDK_PAINTABLE (texture));
      return;
    }
  gtk_label_set_text (self->title, _("This topic is no longer available."));
}

static void
fill_cards (KioskTopicPage *self,
            KioskStore     *store,
            KioskLang       lang,
            const char     *topic_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = kiosk_store_list_articles (store, topic_id, &error);

  if (articles == NULL)
    {
      gtk_box_append (self->cards, wrapped_text (error->message, "status-message"));
      return;
    }
  for (guint i = 0; i < articles->len; i++)
    gtk_box_append (self->cards, card_new (articles->pdata[i], lang));
}

static void
kiosk_topic_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_TOPIC_PAGE);
  /* GTK 4.8 unparents only the bound template children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_topic_page_parent_class)->dispose (object);
}

static void
kiosk_topic_page_class_init (KioskTopicPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_topic_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-topic-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, title);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, summary);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, icon);
  gtk_widget_class_bind_template_child (widget_class, KioskTopicPage, cards);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosktopicpage");
}

static void
kiosk_topic_page_init (KioskTopicPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_topic_page_new (KioskStore *store,
                      KioskLang   lang,
                      const char *topic_id)
{
  KioskTopicPage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_TOPIC_PAGE, NULL);
  fill_header (self, store, lang, topic_id);
  fill_cards (self, store, lang, topic_id);
  return GTK_WIDGET (self);
}
