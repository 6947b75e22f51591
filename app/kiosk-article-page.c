/* kiosk-article-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-article"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-article-page.h"
#include "kiosk-markdown-view.h"

struct _KioskArticlePage
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkLabel   *title;
  GtkLabel   *summary;
  GtkLabel   *basis;
  GtkBox     *body;
  GtkButton  *print;

  /* owned */
  char       *id;
};

G_DEFINE_FINAL_TYPE (KioskArticlePage, kiosk_article_page, GTK_TYPE_WIDGET)

/* "article:ID" and "topic:ID" become the window's navigation actions. */
static void
on_link_activated_cb (KioskArticlePage *self,
                      const char       *uri)
{
  if (g_str_has_prefix (uri, "article:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-article", "s", uri + 8);
  else if (g_str_has_prefix (uri, "topic:"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-topic", "s", uri + 6);
}

static void
fill (KioskArticlePage *self,
      KioskStore       *store,
      KioskLang         lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskArticle) article = kiosk_store_get_article (store, self->id, &error);
  GtkWidget *view;

  if (article == NULL)
    {
      gtk_label_set_text (self->title, _("This article is no longer available."));
      gtk_label_set_text (self->summary, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->print), FALSE);
      return;
    }

  gtk_label_set_text (self->title, article->title[lang]);
  gtk_label_set_text (self->summary, article->summary[lang]);
  if (article->basis != NULL)
    {
      g_autofree char *basis = g_strdup_printf (_("Based on: %s"), article->basis);

      gtk_label_set_text (self->basis, basis);
      gtk_widget_set_visible (GTK_WIDGET (self->basis), TRUE);
    }

  view = kiosk_markdown_view_new (store);
  kiosk_markdown_view_set_markdown (KIOSK_MARKDOWN_VIEW (view), article->body[lang]);
  g_signal_connect_object (view, "link-activated", G_CALLBACK (on_link_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->body, view);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print), "s", self->id);
  /* Printing is for staff (the window disables it for visitors): no dead button. */
  g_object_bind_property (self->print, "sensitive", self->print, "visible", G_BINDING_SYNC_CREATE);
}

static void
kiosk_article_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_ARTICLE_PAGE);
  /* GTK 4.8 unparents only the bound template children. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kiosk_article_page_parent_class)->dispose (object);
}

static void
kiosk_article_page_finalize (GObject *object)
{
  KioskArticlePage *self = KIOSK_ARTICLE_PAGE (object);

  g_free (self->id);

  G_OBJECT_CLASS (kiosk_article_page_parent_class)->finalize (object);
}

static void
kiosk_article_page_class_init (KioskArticlePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_article_page_dispose;
  object_class->finalize = kiosk_article_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-article-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskArticlePage, title);
  gtk_widget_class_bind_template_child (widget_class, KioskArticlePage, summary);
  gtk_widget_class_bind_template_child (widget_class, KioskArticlePage, basis);
  gtk_widget_class_bind_template_child (widget_class, KioskArticlePage, body);
  gtk_widget_class_bind_template_child (widget_class, KioskArticlePage, print);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskarticlepage");
}

static void
kiosk_article_page_init (KioskArticlePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_article_page_new (KioskStore *store,
                        KioskLang   lang,
                        const char *article_id)
{
  KioskArticlePage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_ARTICLE_PAGE, NULL);
  self->id = g_strdup (article_id);
  fill (self, store, lang);
  return GTK_WIDGET (self);
}

const char *
kiosk_article_page_get_id (KioskArticlePage *self)
{
  g_return_val_if_fail (KIOSK_IS_ARTICLE_PAGE (self), NULL);
  return self->id;
}
