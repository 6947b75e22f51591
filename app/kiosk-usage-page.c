/* kiosk-usage-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-usage"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-folder-chooser.h"
#include "kiosk-usage-page.h"

/* A month on screen; the files have every day. */
#define DAYS_SHOWN 31

struct _KioskUsagePage
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *layout;
  GtkGrid              *table;
  GtkLabel             *status_label;
  GtkRevealer          *confirm_revealer;

  /* owned */
  KioskStore           *store;
  KioskUsageRecorder   *recorder;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                 busy;
  guint                 n_days;
};

G_DEFINE_FINAL_TYPE (KioskUsagePage, kiosk_usage_page, GTK_TYPE_WIDGET)

static void
set_status (KioskUsagePage *self,
            const char     *text,
            gboolean        is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (KioskUsagePage *self,
          gboolean        busy)
{
  self->busy += busy ? 1 : -1;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.export", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.reset", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usage.confirm-reset", self->busy == 0);
}

/* ---- the table ---- */

static void
add_cell (KioskUsagePage *self,
          const char     *text,
          int             column,
          int             row,
          const char     *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
add_row (KioskUsagePage *self,
         const char     *title,
         const guint    *counts,
         int             row,
         const char     *css_class)
{
  add_cell (self, title, 0, row, css_class);
  for (int i = 0; i < KIOSK_USAGE_N_EVENTS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", counts[i]);

      add_cell (self, number, 1 + i, row, css_class);
    }
}

static void
add_header (KioskUsagePage *self)
{
  const char *titles[] = {
    _("Day"), _("Topics"), _("Articles"), _("Searches"), _("Found nothing"), _("Leaflets"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_cell (self, titles[i], i, 0, "usage-header");
}

/* "2026-05-02" as people in Vietnam write it, 02/05/2026. */
static char *
format_day (const char *day)
{
  g_auto(GStrv) parts = g_strsplit (day, "-", 3);

  if (g_strv_length (parts) != 3)
    return g_strdup (day);
  return g_strdup_printf ("%s/%s/%s", parts[2], parts[1], parts[0]);
}

static void
fill_table (KioskUsagePage *self,
            GPtrArray      *days)
{
  guint totals[KIOSK_USAGE_N_EVENTS] = { 0 };
  GtkWidget *child;
  int row = 2;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  add_header (self);
  for (guint i = 0; i < days->len; i++)
    for (int j = 0; j < KIOSK_USAGE_N_EVENTS; j++)
      totals[j] += ((KioskUsageDay *) days->pdata[i])->counts[j];
  add_row (self, _("All days"), totals, 1, "usage-total");

  for (guint i = days->len; i > 0 && row < DAYS_SHOWN + 2; i--, row++)
    {
      KioskUsageDay *day = days->pdata[i - 1];
      g_autofree char *title = format_day (day->day);

      add_row (self, title, day->counts, row, NULL);
    }
  self->n_days = days->len;
}

static void
reload (KioskUsagePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = kiosk_usage_list_days (self->store, &error);

  if (days == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  fill_table (self, days);
  set_status (self, days->len == 0 ? _("Nothing counted yet.") : "", FALSE);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KioskUsagePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = kiosk_usage_recorder_flush_finish (KIOSK_USAGE_RECORDER (source), result, &error);

  /* Gone from the screen meanwhile. */
  if (self->cancellable == NULL)
    return;
  if (!ok)
    set_status (self, error->message, TRUE);
  set_busy (self, FALSE);
  reload (self);
}

void
kiosk_usage_page_refresh (KioskUsagePage *self)
{
  g_return_if_fail (KIOSK_IS_USAGE_PAGE (self));

  set_busy (self, TRUE);
  kiosk_usage_recorder_flush_async (self->recorder, self->cancellable, flushed_cb,
                                    g_object_ref (self));
}

/* ---- export ---- */

typedef struct {
  char  *path;
  GFile *folder;
  char  *date;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_object_unref (job->folder);
  g_free (job->date);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(KioskStore) reader = NULL;
  GError *error = NULL;
  char *name = NULL;

  reader = kiosk_store_open (job->path, KIOSK_STORE_READER, &error);
  if (reader != NULL)
    name = kiosk_usage_export (reader, job->folder, job->date, &error);
  if (name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, name, g_free);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KioskUsagePage *self = KIOSK_USAGE_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (name == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  text = g_strdup_printf (_("Saved as “%s”, with the counts per article in a second file. "
                            "Both open in a spreadsheet."), name);
  set_status (self, text, FALSE);
}

static void
export_after_flush_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  kiosk_usage_recorder_flush_finish (KIOSK_USAGE_RECORDER (source), result, NULL);
  g_task_run_in_thread (task, export_thread);
}

void
kiosk_usage_page_export_to (KioskUsagePage *self,
                            GFile          *folder)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTask *task;
  ExportJob *job;

  g_return_if_fail (KIOSK_IS_USAGE_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (kiosk_store_get_path (self->store));
  job->folder = g_object_ref (folder);
  job->date = g_date_time_format (now, "%Y-%m-%d");
  task = g_task_new (self, self->cancellable, exported_cb, NULL);
  g_task_set_source_tag (task, kiosk_usage_page_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  set_busy (self, TRUE);
  set_status (self, _("Saving…"), FALSE);
  kiosk_usage_recorder_flush_async (self->recorder, self->cancellable, export_after_flush_cb,
                                    task);
}

static void
on_chooser_response_cb (KioskUsagePage       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    kiosk_usage_page_export_to (self, folder);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskUsagePage *self = KIOSK_USAGE_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = kiosk_folder_chooser_show (widget, _("Save the usage counts"), _("Save here"),
                                             G_CALLBACK (on_chooser_response_cb));
}

/* ---- reset ---- */

static void
reset_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;

  writer = kiosk_store_open (task_data, KIOSK_STORE_WRITER, &error);
  if (writer == NULL || !kiosk_usage_reset (writer, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reset_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KioskUsagePage *self = KIOSK_USAGE_PAGE (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (!ok)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  reload (self);
  set_status (self, _("The counts are deleted. Counting starts again from now."), FALSE);
}

/* Counts still in memory are from before the reset: they go first. */
static void
reset_after_flush_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  kiosk_usage_recorder_flush_finish (KIOSK_USAGE_RECORDER (source), result, NULL);
  g_task_run_in_thread (task, reset_thread);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_revealer_set_reveal_child (KIOSK_USAGE_PAGE (widget)->confirm_revealer, TRUE);
}

static void
cancel_reset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gtk_revealer_set_reveal_child (KIOSK_USAGE_PAGE (widget)->confirm_revealer, FALSE);
}

static void
confirm_reset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KioskUsagePage *self = KIOSK_USAGE_PAGE (widget);
  GTask *task = g_task_new (self, self->cancellable, reset_done_cb, NULL);

  gtk_revealer_set_reveal_child (self->confirm_revealer, FALSE);
  g_task_set_source_tag (task, confirm_reset_action);
  g_task_set_task_data (task, g_strdup (kiosk_store_get_path (self->store)), g_free);
  set_busy (self, TRUE);
  kiosk_usage_recorder_flush_async (self->recorder, self->cancellable, reset_after_flush_cb,
                                    task);
}

/* ---- GObject ---- */

static void
kiosk_usage_page_dispose (GObject *object)
{
  KioskUsagePage *self = KIOSK_USAGE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_USAGE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->recorder);

  G_OBJECT_CLASS (kiosk_usage_page_parent_class)->dispose (object);
}

static void
kiosk_usage_page_class_init (KioskUsagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_usage_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-usage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskUsagePage, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskUsagePage, table);
  gtk_widget_class_bind_template_child (widget_class, KioskUsagePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskUsagePage, confirm_revealer);

  gtk_widget_class_install_action (widget_class, "usage.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "usage.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "usage.confirm-reset", NULL,
                                   confirm_reset_action);
  gtk_widget_class_install_action (widget_class, "usage.cancel-reset", NULL, cancel_reset_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskusagepage");
}

static void
kiosk_usage_page_init (KioskUsagePage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_usage_page_new (KioskStore         *store,
                      KioskUsageRecorder *recorder)
{
  KioskUsagePage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (KIOSK_IS_USAGE_RECORDER (recorder), NULL);

  self = g_object_new (KIOSK_TYPE_USAGE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->recorder = g_object_ref (recorder);
  reload (self);
  return GTK_WIDGET (self);
}

const char *
kiosk_usage_page_get_status (KioskUsagePage *self)
{
  g_return_val_if_fail (KIOSK_IS_USAGE_PAGE (self), "");
  return gtk_label_get_text (self->status_label);
}

gboolean
kiosk_usage_page_is_busy (KioskUsagePage *self)
{
  g_return_val_if_fail (KIOSK_IS_USAGE_PAGE (self), FALSE);
  return self->busy > 0;
}

guint
kiosk_usage_page_get_n_days (KioskUsagePage *self)
{
  g_return_val_if_fail (KIOSK_IS_USAGE_PAGE (self), 0);
  return self->n_days;
}
