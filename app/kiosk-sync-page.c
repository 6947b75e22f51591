/* kiosk-sync-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-sync-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "kiosk-sync-page.h"

#define LOG_ROWS 50

struct _KioskSyncPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkLabel           *last_success_label;
  GtkLabel           *last_attempt_label;
  GtkLabel           *status_label;
  GtkWidget          *progress_box;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkListBox         *sources_list;
  GtkListBox         *log_list;

  /* owned references */
  KioskStore         *store;
  KioskSyncScheduler *scheduler;
};

G_DEFINE_FINAL_TYPE (KioskSyncPage, kiosk_sync_page, GTK_TYPE_WIDGET)

static GtkWidget *
text_row (const char *title,
          const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *first = gtk_label_new (title);
  GtkWidget *second = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (first), 0);
  gtk_label_set_xalign (GTK_LABEL (second), 0);
  gtk_label_set_wrap (GTK_LABEL (second), TRUE);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
source_row (KioskSource *source,
            gint64       now)
{
  g_autofree char *ago = kiosk_sync_format_ago (source->last_success, now);
  g_autofree char *title = g_strdup_printf ("%s (%s)", source->name[KIOSK_LANG_VI] ?: source->id,
                                            source->id);
  g_autofree char *detail = NULL;

  if (source->url == NULL)
    detail = g_strdup_printf (_("Installed with the app, version %" PRId64 "."), source->version);
  else
    detail = g_strdup_printf (_("%s%s — version %" PRId64 ", last updated %s. %s"),
                              source->url, source->enabled ? "" : _(" (turned off)"),
                              source->version, ago, source->last_result ?: "");
  return text_row (title, detail);
}

static void
refresh_sources (KioskSyncPage *self,
                 gint64         now)
{
  g_autoptr(GPtrArray) sources = kiosk_store_list_sources (self->store, NULL);
  gint64 success = 0, attempt = 0;
  g_autofree char *success_text = NULL;
  g_autofree char *attempt_text = NULL;
  g_autofree char *success_line = NULL;
  g_autofree char *attempt_line = NULL;

  clear_list (self->sources_list);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      KioskSource *source = sources->pdata[i];

      gtk_list_box_append (self->sources_list, source_row (source, now));
      if (source->url != NULL)
        {
          success = MAX (success, source->last_success);
          attempt = MAX (attempt, source->last_attempt);
        }
    }

  success_text = kiosk_sync_format_ago (success, now);
  attempt_text = kiosk_sync_format_ago (attempt, now);
  success_line = g_strdup_printf (_("New content last came in: %s"), success_text);
  attempt_line = g_strdup_printf (_("Last attempt: %s"), attempt_text);
  gtk_label_set_label (self->last_success_label, success_line);
  gtk_label_set_label (self->last_attempt_label, attempt_line);
}

static void
refresh_log (KioskSyncPage *self,
             gint64         now)
{
  g_autoptr(GPtrArray) log = kiosk_store_list_sync_log (self->store, LOG_ROWS, NULL);

  clear_list (self->log_list);
  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      KioskSyncLogEntry *entry = log->pdata[i];
      g_autofree char *when = kiosk_sync_format_ago (entry->started, now);
      g_autofree char *title = g_strdup_printf ("%s — %s — %s", when, entry->source,
                                                entry->finished == 0 ? _("cut short")
                                                : entry->ok ? _("done") : _("failed"));

      gtk_list_box_append (self->log_list, text_row (title, entry->message ?: ""));
    }
}

void
kiosk_sync_page_refresh (KioskSyncPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *status;

  g_return_if_fail (KIOSK_IS_SYNC_PAGE (self));

  refresh_sources (self, now);
  refresh_log (self, now);
  status = kiosk_sync_scheduler_get_status (self->scheduler);
  gtk_label_set_label (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
on_running_changed_cb (KioskSyncPage      *self,
                       GParamSpec         *pspec,
                       KioskSyncScheduler *scheduler)
{
  gboolean running = kiosk_sync_scheduler_get_running (scheduler);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.cancel", running);
  gtk_widget_set_visible (self->progress_box, running);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_label (self->progress_label, _("Checking for new content…"));
    }
}

static void
on_progress_cb (KioskSyncPage   *self,
                const char      *source,
                guint            phase,
                guint            done,
                guint            total,
                guint64          bytes_done,
                guint64          bytes_total,
                KioskSyncClient *client)
{
  g_autofree char *got = g_format_size (bytes_done);
  g_autofree char *all = g_format_size (bytes_total);
  g_autofree char *text = NULL;

  if (phase == KIOSK_SYNC_PHASE_CHECKING)
    text = g_strdup_printf (_("%s: checking for new content…"), source);
  else if (phase == KIOSK_SYNC_PHASE_APPLYING)
    text = g_strdup_printf (_("%s: putting the new content in place…"), source);
  else
    text = g_strdup_printf (_("%s: %u of %u parts, %s of %s"), source, done, total, got, all);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 bytes_total > 0 ? (double) bytes_done / bytes_total : 0);
}

static void
on_finished_cb (KioskSyncPage      *self,
                gboolean            ok,
                KioskSyncScheduler *scheduler)
{
  kiosk_sync_page_refresh (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kiosk_sync_scheduler_sync_now (KIOSK_SYNC_PAGE (widget)->scheduler);
}

static void
sync_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  kiosk_sync_scheduler_cancel (KIOSK_SYNC_PAGE (widget)->scheduler);
}

static void
kiosk_sync_page_dispose (GObject *object)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_SYNC_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_sync_page_parent_class)->dispose (object);
}

static void
kiosk_sync_page_class_init (KioskSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, last_success_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, last_attempt_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, log_list);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "sync.cancel", NULL, sync_cancel_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosk-sync-page");
}

static void
kiosk_sync_page_init (KioskSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_sync_page_new (KioskStore         *store,
                     KioskSyncScheduler *scheduler)
{
  KioskSyncPage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (scheduler), NULL);

  self = g_object_new (KIOSK_TYPE_SYNC_PAGE, NULL);
  self->store = g_object_ref (store);
  self->scheduler = g_object_ref (scheduler);
  g_signal_connect_object (scheduler, "notify::running", G_CALLBACK (on_running_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (scheduler, "finished", G_CALLBACK (on_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kiosk_sync_scheduler_get_client (scheduler), "progress",
                           G_CALLBACK (on_progress_cb), self, G_CONNECT_SWAPPED);
  on_running_changed_cb (self, NULL, scheduler);
  kiosk_sync_page_refresh (self);
  return GTK_WIDGET (self);
}
