/* kiosk-sync-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-sync-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "kiosk-sources.h"
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
  GtkLabel           *sources_message;
  GtkEntry           *source_entry;
  GtkEntry           *url_entry;
  GtkEntry           *key_entry;
  GtkLabel           *form_message;
  GtkListBox         *log_list;

  /* owned references */
  KioskStore         *store;
  KioskSyncScheduler *scheduler;
  GCancellable       *cancellable;

  /* owned */
  char               *confirm_remove;   /* the source whose removal awaits a second tap */
  char               *pending_id;       /* the source being added, changed or removed */
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (KioskSyncPage, kiosk_sync_page, GTK_TYPE_WIDGET)

enum {
  CONTENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (GtkLabel   *label,
              const char *text,
              gboolean    is_error)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/* Sources change only between syncs, and one change at a time: a sync half-way through
 * a source being removed could bring its content back. */
static void
update_actions (KioskSyncPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean running = kiosk_sync_scheduler_get_running (self->scheduler);
  gboolean editable = !running && !self->busy;

  gtk_widget_action_set_enabled (widget, "sync.now", editable);
  gtk_widget_action_set_enabled (widget, "sync.cancel", running);
  gtk_widget_action_set_enabled (widget, "sync.add-source", editable);
  gtk_widget_action_set_enabled (widget, "sync.turn-off", editable);
  gtk_widget_action_set_enabled (widget, "sync.turn-on", editable);
  gtk_widget_action_set_enabled (widget, "sync.remove", editable);
  gtk_widget_action_set_enabled (widget, "sync.confirm-remove", editable);
}

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
source_button (const char *label,
               const char *action,
               const char *id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (id != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_widget_set_size_request (button, -1, 48);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "console-button");
  return button;
}

static GtkWidget *
source_buttons (KioskSource *source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), source->enabled
                                 ? source_button (_("Turn off"), "sync.turn-off", source->id)
                                 : source_button (_("Turn on"), "sync.turn-on", source->id));
  gtk_box_append (GTK_BOX (box), source_button (_("Remove"), "sync.remove", source->id));
  return box;
}

/* The second tap of a removal, in the row itself: what goes, and a way back. */
static GtkWidget *
confirm_box (KioskSource *source)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *question = gtk_label_new (_("Remove this source and all its content from the kiosk?"));
  GtkWidget *yes = source_button (_("Yes, remove it"), "sync.confirm-remove", source->id);
  GtkWidget *no = source_button (_("Keep it"), "sync.keep-source", NULL);

  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_widget_set_hexpand (question, TRUE);
  gtk_widget_add_css_class (question, "console-status");
  gtk_widget_add_css_class (question, "error");
  gtk_widget_add_css_class (yes, "destructive-action");
  gtk_box_append (GTK_BOX (box), question);
  gtk_box_append (GTK_BOX (box), yes);
  gtk_box_append (GTK_BOX (box), no);
  return box;
}

static GtkWidget *
source_row (KioskSyncPage *self,
            KioskSource   *source,
            gint64         now)
{
  g_autofree char *ago = kiosk_sync_format_ago (source->last_success, now);
  g_autofree char *title = g_strdup_printf ("%s (%s)", source->name[KIOSK_LANG_VI] ?: source->id,
                                            source->id);
  g_autofree char *detail = NULL;
  GtkWidget *row, *text;

  if (source->url == NULL)
    {
      detail = g_strdup_printf (_("Installed with the app, version %" PRId64 "."),
                                source->version);
      return text_row (title, detail);
    }
  detail = g_strdup_printf (_("%s%s — version %" PRId64 ", last updated %s. %s"),
                            source->url, source->enabled ? "" : _(" (turned off)"),
                            source->version, ago, source->last_result ?: "");
  row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  text = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (text), text_row (title, detail));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (text), TRUE);
  gtk_box_append (GTK_BOX (row), text);
  if (g_strcmp0 (source->id, self->confirm_remove) == 0)
    gtk_box_append (GTK_BOX (row), confirm_box (source));
  else
    gtk_box_append (GTK_BOX (text), source_buttons (source));
  return row;
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

      gtk_list_box_append (self->sources_list, source_row (self, source, now));
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

  update_actions (self);
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

/* ---- adding, turning off and removing sources ---- */

static char *
dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* One change at a time, on @id; NULL when it is over. */
static void
set_busy (KioskSyncPage *self,
          const char    *id)
{
  g_free (self->pending_id);
  self->pending_id = g_strdup (id);
  self->busy = id != NULL;
  update_actions (self);
}

static void
clear_form (KioskSyncPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), "");
}

static void
source_added_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KioskSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!kiosk_sources_add_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      set_busy (self, NULL);
      show_message (self->form_message, error->message, TRUE);
      return;
    }
  done = g_strdup_printf (_("“%s” was added. The kiosk is checking it for new content now."),
                          self->pending_id);
  set_busy (self, NULL);
  clear_form (self);
  show_message (self->form_message, done, FALSE);
  kiosk_sync_page_refresh (self);
  kiosk_sync_scheduler_sync_now (self->scheduler);
}

/* What the form says before anything is written; NULL when the source can be added. */
static char *
check_form (KioskSyncPage *self,
            const char    *id,
            const char    *url,
            const char    *key)
{
  g_autoptr(KioskSource) existing = NULL;
  const char *problem;

  if (id[0] == '\0' || url[0] == '\0' || key[0] == '\0')
    return g_strdup (_("Fill in all three boxes."));
  if ((problem = kiosk_sources_check_fields (id, url, key)) != NULL)
    return g_strdup (problem);
  /* Adding an id again would change that source's address rather than add one. */
  existing = kiosk_store_get_source (self->store, id, NULL);
  if (existing != NULL)
    return g_strdup_printf (_("There is already a source called “%s”. "
                              "To change its address or key, remove it first."), id);
  return NULL;
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (widget);
  g_autofree char *id = dup_entry_text (self->source_entry);
  g_autofree char *url = dup_entry_text (self->url_entry);
  g_autofree char *key = dup_entry_text (self->key_entry);
  g_autofree char *problem = NULL;

  if (self->busy)
    return;
  if ((problem = check_form (self, id, url, key)) != NULL)
    {
      show_message (self->form_message, problem, TRUE);
      return;
    }
  set_busy (self, id);
  show_message (self->form_message, _("Adding the source…"), FALSE);
  kiosk_sources_add_async (kiosk_store_get_path (self->store), id, url, key, self->cancellable,
                           source_added_cb, g_object_ref (self));
}

static void
source_enabled_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KioskSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kiosk_sources_set_enabled_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  show_message (self->sources_message, error ? error->message : NULL, TRUE);
  kiosk_sync_page_refresh (self);
}

static void
set_enabled_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);

  if (self->busy)
    return;
  set_busy (self, id);
  kiosk_sources_set_enabled_async (kiosk_store_get_path (self->store), id,
                                   g_str_equal (action_name, "sync.turn-on"), self->cancellable,
                                   source_enabled_cb, g_object_ref (self));
}

static void
ask_to_remove (KioskSyncPage *self,
               const char    *id)
{
  g_free (self->confirm_remove);
  self->confirm_remove = g_strdup (id);
  show_message (self->sources_message, NULL, FALSE);
  kiosk_sync_page_refresh (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask_to_remove (KIOSK_SYNC_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
keep_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  ask_to_remove (KIOSK_SYNC_PAGE (widget), NULL);
}

static void
source_removed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KioskSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!kiosk_sources_remove_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error == NULL)
    done = g_strdup_printf (_("“%s” and its content were removed from the kiosk."),
                            self->pending_id);
  g_clear_pointer (&self->confirm_remove, g_free);
  set_busy (self, NULL);
  show_message (self->sources_message, error ? error->message : done, error != NULL);
  kiosk_sync_page_refresh (self);
  if (error == NULL)
    g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

/* Only the source the admin was asked about, and only once asked. */
static void
confirm_remove_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);

  if (self->busy || g_strcmp0 (id, self->confirm_remove) != 0)
    return;
  set_busy (self, id);
  kiosk_sources_remove_async (kiosk_store_get_path (self->store), id, self->cancellable,
                              source_removed_cb, g_object_ref (self));
}

/* ---- GObject ---- */

static void
kiosk_sync_page_dispose (GObject *object)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_SYNC_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_sync_page_parent_class)->dispose (object);
}

static void
kiosk_sync_page_finalize (GObject *object)
{
  KioskSyncPage *self = KIOSK_SYNC_PAGE (object);

  g_free (self->confirm_remove);
  g_free (self->pending_id);

  G_OBJECT_CLASS (kiosk_sync_page_parent_class)->finalize (object);
}

static void
kiosk_sync_page_class_init (KioskSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_sync_page_dispose;
  object_class->finalize = kiosk_sync_page_finalize;

  /* A source and its content were removed: the screens showing content go stale. */
  signals[CONTENT_CHANGED] = g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, last_success_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, last_attempt_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, sources_message);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, source_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, url_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, key_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, form_message);
  gtk_widget_class_bind_template_child (widget_class, KioskSyncPage, log_list);

  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "sync.cancel", NULL, sync_cancel_action);
  gtk_widget_class_install_action (widget_class, "sync.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "sync.turn-off", "s", set_enabled_action);
  gtk_widget_class_install_action (widget_class, "sync.turn-on", "s", set_enabled_action);
  gtk_widget_class_install_action (widget_class, "sync.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "sync.confirm-remove", "s",
                                   confirm_remove_action);
  gtk_widget_class_install_action (widget_class, "sync.keep-source", NULL, keep_source_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosk-sync-page");
}

static void
kiosk_sync_page_init (KioskSyncPage *self)
{
  self->cancellable = g_cancellable_new ();
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
