/* kiosk-usb-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-usb"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "kiosk-folder-chooser.h"
#include "kiosk-usb-page.h"

/* Versions are publishing times from the year 2000 on; smaller ones are counters. */
#define VERSION_IS_TIME 946684800

struct _KioskUsbPage
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *layout;
  GtkLabel            *status_label;
  GtkWidget           *spinner;

  /* owned */
  char                *store_path;
  KioskUsbMonitor     *monitor;
  GCancellable        *cancellable;
  GFile               *looking_in;
  GFile               *previewed;
  GtkFileChooserNative *chooser;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (KioskUsbPage, kiosk_usb_page, GTK_TYPE_WIDGET)

enum {
  CONTENT_CHANGED,
  FOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_status (KioskUsbPage *self,
            const char   *text,
            gboolean      is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (KioskUsbPage *self,
          gboolean      busy)
{
  self->busy = busy;
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usb.choose-folder", !busy);
  if (busy)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "usb.import", FALSE);
}

/* Import is offered only for what a dry run has just checked and found newer. */
static void
set_previewed (KioskUsbPage *self,
               GFile        *repository)
{
  g_set_object (&self->previewed, repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usb.import", repository != NULL);
}

static char *
describe_version (gint64 version)
{
  g_autoptr(GDateTime) when = NULL;

  if (version < VERSION_IS_TIME)
    return g_strdup_printf (_("version %" PRId64), version);
  when = g_date_time_new_from_unix_local (version);
  /* Translators: the date content was published, as day/month/year. */
  return g_date_time_format (when, _("published %d/%m/%Y"));
}

static void
show_preview (KioskUsbPage      *self,
              KioskImportResult *result)
{
  const char *name = kiosk_usb_monitor_get_name (self->monitor);
  g_autofree char *version = describe_version (result->new_version);
  g_autofree char *changes = NULL;
  g_autofree char *text = NULL;

  if (result->up_to_date)
    {
      text = g_strdup_printf (_("“%s” holds content from %s (%s) that the kiosk already has. "
                                "There is nothing to import."),
                              name, result->source, version);
      set_status (self, text, FALSE);
      return;
    }
  changes = g_strdup_printf (_("Importing it changes the articles: "
                               "%u new, %u updated, %u removed."),
                             result->articles_added, result->articles_updated,
                             result->articles_removed);
  text = g_strdup_printf (_("“%s” holds content from %s (%s), checked and complete. %s"),
                          name, result->source, version, changes);
  set_status (self, text, FALSE);
}

/* ---- the dry run ---- */

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KioskUsbPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) preview = kiosk_usb_import_finish (result, &error);
  GFile *repository = kiosk_usb_monitor_get_repository (self->monitor);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (preview == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This content cannot be used: %s"),
                                               error->message);

      set_status (self, text, TRUE);
      set_previewed (self, NULL);
      return;
    }
  show_preview (self, preview);
  set_previewed (self, preview->up_to_date ? NULL : repository);
}

static void
start_preview (KioskUsbPage *self,
               GFile        *repository)
{
  g_autofree char *text = g_strdup_printf (_("Checking the content on “%s”…"),
                                           kiosk_usb_monitor_get_name (self->monitor));

  set_previewed (self, NULL);
  set_status (self, text, FALSE);
  set_busy (self, TRUE);
  kiosk_usb_import_async (self->store_path, repository, KIOSK_IMPORT_DRY_RUN, self->cancellable,
                          preview_done_cb, g_object_ref (self));
}

static void
show_waiting (KioskUsbPage *self)
{
  set_previewed (self, NULL);
  set_status (self, _("No content stick found. Put in the USB stick, or look in a folder."),
              FALSE);
}

static void
on_repository_changed_cb (KioskUsbPage *self)
{
  GFile *repository = kiosk_usb_monitor_get_repository (self->monitor);

  if (repository == NULL)
    {
      show_waiting (self);
      return;
    }
  g_signal_emit (self, signals[FOUND], 0);
  start_preview (self, repository);
}

static void
on_probed_cb (KioskUsbPage    *self,
              GFile           *root,
              GFile           *repository,
              KioskUsbMonitor *monitor)
{
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;

  if (self->looking_in == NULL || !g_file_equal (root, self->looking_in))
    return;
  g_clear_object (&self->looking_in);
  /* A repository found is being previewed already (notify::repository came first). */
  if (repository != NULL)
    return;
  set_busy (self, FALSE);
  where = g_file_get_parse_name (root);
  text = g_strdup_printf (_("There is no content package in “%s”: it needs a file called "
                            "manifest.signed, or a goc-tre-em folder with one."), where);
  set_status (self, text, TRUE);
}

/* ---- importing ---- */

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KioskUsbPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) done = kiosk_usb_import_finish (result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  set_previewed (self, NULL);
  if (done == NULL)
    {
      text = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      set_status (self, text, TRUE);
      return;
    }
  text = g_strdup_printf (_("Imported: %u new, %u updated and %u removed articles. Visitors see "
                            "them now. You can take out the stick."),
                          done->articles_added, done->articles_updated, done->articles_removed);
  set_status (self, text, FALSE);
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

/* The stick is checked again as it is applied: it may have changed since the preview. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskUsbPage *self = KIOSK_USB_PAGE (widget);

  if (self->previewed == NULL || self->busy)
    return;
  set_status (self, _("Importing… The screens keep working meanwhile."), FALSE);
  set_busy (self, TRUE);
  kiosk_usb_import_async (self->store_path, self->previewed, KIOSK_IMPORT_DEFAULT,
                          self->cancellable, import_done_cb, g_object_ref (self));
}

/* ---- a folder chosen by hand ---- */

void
kiosk_usb_page_look_in (KioskUsbPage *self,
                        GFile        *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (KIOSK_IS_USB_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  name = g_file_get_basename (folder);
  g_set_object (&self->looking_in, folder);
  set_busy (self, TRUE);
  kiosk_usb_monitor_offer (self->monitor, folder, name);
}

static void
on_chooser_response_cb (KioskUsbPage         *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    kiosk_usb_page_look_in (self, folder);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KioskUsbPage *self = KIOSK_USB_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = kiosk_folder_chooser_show (widget, _("Look for content in a folder"),
                                             _("Look here"), G_CALLBACK (on_chooser_response_cb));
}

/* ---- GObject ---- */

static void
kiosk_usb_page_dispose (GObject *object)
{
  KioskUsbPage *self = KIOSK_USB_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_USB_PAGE);
  g_clear_object (&self->monitor);
  g_clear_object (&self->looking_in);
  g_clear_object (&self->previewed);

  G_OBJECT_CLASS (kiosk_usb_page_parent_class)->dispose (object);
}

static void
kiosk_usb_page_finalize (GObject *object)
{
  g_free (KIOSK_USB_PAGE (object)->store_path);

  G_OBJECT_CLASS (kiosk_usb_page_parent_class)->finalize (object);
}

static void
kiosk_usb_page_class_init (KioskUsbPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_usb_page_dispose;
  object_class->finalize = kiosk_usb_page_finalize;

  signals[CONTENT_CHANGED] = g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[FOUND] = g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-usb-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskUsbPage, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskUsbPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskUsbPage, spinner);

  gtk_widget_class_install_action (widget_class, "usb.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "usb.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskusbpage");
}

static void
kiosk_usb_page_init (KioskUsbPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "usb.import", FALSE);
}

GtkWidget *
kiosk_usb_page_new (const char      *store_path,
                    KioskUsbMonitor *monitor)
{
  KioskUsbPage *self;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (KIOSK_IS_USB_MONITOR (monitor), NULL);

  self = g_object_new (KIOSK_TYPE_USB_PAGE, NULL);
  self->store_path = g_strdup (store_path);
  self->monitor = g_object_ref (monitor);
  g_signal_connect_object (monitor, "notify::repository", G_CALLBACK (on_repository_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (monitor, "probed", G_CALLBACK (on_probed_cb), self, G_CONNECT_SWAPPED);
  if (kiosk_usb_monitor_get_repository (monitor) != NULL)
    start_preview (self, kiosk_usb_monitor_get_repository (monitor));
  else
    show_waiting (self);
  return GTK_WIDGET (self);
}

const char *
kiosk_usb_page_get_status (KioskUsbPage *self)
{
  g_return_val_if_fail (KIOSK_IS_USB_PAGE (self), "");
  return gtk_label_get_text (self->status_label);
}

gboolean
kiosk_usb_page_is_busy (KioskUsbPage *self)
{
  g_return_val_if_fail (KIOSK_IS_USB_PAGE (self), FALSE);
  return self->busy;
}
