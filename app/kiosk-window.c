/* kiosk-window.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-window.h"

struct _KioskWindow
{
  GtkApplicationWindow  parent_instance;

  /* template widgets */
  GtkFlowBox           *topics;
  GtkLabel             *status;

  /* borrowed */
  KioskStore           *store;
};

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, GTK_TYPE_APPLICATION_WINDOW)

static GtkWidget *
topic_tile_new (KioskTopic *topic)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (topic->title[KIOSK_LANG_VI]);
  GtkWidget *summary = gtk_label_new (topic->summary[KIOSK_LANG_VI]);

  gtk_widget_add_css_class (box, "topic-tile");
  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  return box;
}

static void
reload (KioskWindow *self)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topics))) != NULL)
    gtk_flow_box_remove (self->topics, child);

  topics = self->store ? kiosk_store_list_topics (self->store, &error) : NULL;
  if (topics == NULL || topics->len == 0)
    {
      gtk_label_set_text (self->status, error ? error->message : _("Preparing the content…"));
      return;
    }
  gtk_label_set_text (self->status, "");
  for (guint i = 0; i < topics->len; i++)
    gtk_flow_box_append (self->topics, topic_tile_new (topics->pdata[i]));
}

void
kiosk_window_content_changed (KioskWindow *self,
                              const char  *error_message,
                              gboolean     changed)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  reload (self);
  if (error_message != NULL)
    gtk_label_set_text (self->status, error_message);
}

static void
kiosk_window_constructed (GObject *object)
{
  KioskWindow *self = KIOSK_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (kiosk_window_parent_class)->constructed (object);

  self->store = kiosk_application_get_store (KIOSK_APPLICATION (app));
  reload (self);
}

static void
kiosk_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIOSK_TYPE_WINDOW);

  G_OBJECT_CLASS (kiosk_window_parent_class)->dispose (object);
}

static void
kiosk_window_class_init (KioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kiosk_window_constructed;
  object_class->dispose = kiosk_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, topics);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, status);
}

static void
kiosk_window_init (KioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KioskWindow *
kiosk_window_new (KioskApplication *app)
{
  return g_object_new (KIOSK_TYPE_WINDOW, "application", app, NULL);
}
