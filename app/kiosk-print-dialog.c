/* kiosk-print-dialog.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leaflet dialog for commune staff: the preview shows the very pages the printer
 * gets (the renderer draws them on an image surface), and Print sends the same PDF to
 * CUPS with libcups (GtkPrintOperation crashes on GTK 4.8 without its own dialog).
 */

#define G_LOG_DOMAIN "kiosk-print-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kiosk-folder-chooser.h"
#include "kiosk-leaflet.h"
#include "kiosk-print-dialog.h"
#include "kiosk-print-job.h"

#define MAX_COPIES    100
/* Pixels per point of the preview: a sharp A4 page about 1100 px tall. */
#define PREVIEW_SCALE 1.3

struct _KioskPrintDialog
{
  GtkWindow           parent_instance;

  /* template widgets */
  GtkPicture         *preview;
  GtkLabel           *page_label;
  GtkLabel           *leaflet_title;
  GtkLabel           *copies_label;
  GtkDropDown        *printer_dropdown;
  GtkStringList      *printers;
  GtkProgressBar     *progress;
  GtkLabel           *status_label;
  GtkWidget          *cancel_button;

  /* owned */
  KioskStore         *store;
  KioskSettings      *settings;
  GStrv               article_ids;
  KioskLeaflet       *leaflet;
  GPtrArray          *pages;              /* GdkTexture, or NULL until shown */
  GCancellable       *cancellable;
  GCancellable       *print_cancellable;
  KioskPrintJob      *job;
  GtkNativeDialog    *chooser;
  char               *paper;

  KioskLang           lang;
  guint               page;
  guint               copies;
  gboolean            printing;
  gboolean            have_printer;
  gboolean            closed;
};

G_DEFINE_FINAL_TYPE (KioskPrintDialog, kiosk_print_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_COPIES,
  PROP_PAPER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
unref_if_set (gpointer object)
{
  g_clear_object (&object);
}

/* Messages. */

static void
set_status (KioskPrintDialog *self,
            const char       *message,
            gboolean          is_error)
{
  gtk_label_set_text (self->status_label, message ?: "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
update_actions (KioskPrintDialog *self)
{
  guint n_pages = self->leaflet ? kiosk_leaflet_get_n_pages (self->leaflet) : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "print.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (widget, "print.next-page", self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "print.copies-less", self->copies > 1);
  gtk_widget_action_set_enabled (widget, "print.copies-more", self->copies < MAX_COPIES);
  gtk_widget_action_set_enabled (widget, "print.print",
                                 self->leaflet && self->have_printer && !self->printing);
  gtk_widget_action_set_enabled (widget, "print.cancel-job", self->printing);
  gtk_widget_action_set_enabled (widget, "print.save-pdf", self->leaflet != NULL);
  gtk_widget_set_visible (self->cancel_button, self->printing);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), self->printing ||
                          gtk_progress_bar_get_fraction (self->progress) > 0);
}

/* The preview. */

static GdkTexture *
texture_for_page (KioskPrintDialog *self,
                  guint             page)
{
  cairo_surface_t *surface = kiosk_leaflet_render_page (self->leaflet, page, PREVIEW_SCALE);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                                         (gsize) height * stride);
  GdkTexture *texture;

  /* An opaque ARGB32 surface has the memory layout of GDK_MEMORY_DEFAULT. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);
  return texture;
}

static void
show_page (KioskPrintDialog *self)
{
  guint n_pages = self->leaflet ? kiosk_leaflet_get_n_pages (self->leaflet) : 0;
  g_autofree char *label = NULL;

  if (n_pages == 0)
    {
      gtk_picture_set_paintable (self->preview, NULL);
      gtk_label_set_text (self->page_label, "");
      update_actions (self);
      return;
    }
  if (self->pages->pdata[self->page] == NULL)
    self->pages->pdata[self->page] = texture_for_page (self, self->page);
  gtk_picture_set_paintable (self->preview, self->pages->pdata[self->page]);
  label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n_pages);
  gtk_label_set_text (self->page_label, label);
  update_actions (self);
}

static KioskLeaflet *
build_leaflet (KioskPrintDialog  *self,
               GError           **error)
{
  g_autoptr(KioskLeaflet) leaflet = kiosk_leaflet_new (self->store, self->lang,
                                                       kiosk_paper_from_string (self->paper));
  g_autofree char *name = kiosk_settings_dup_commune_name (self->settings);
  g_autofree char *address = kiosk_settings_dup_commune_address (self->settings);

  kiosk_leaflet_set_commune (leaflet, name, address);
  for (guint i = 0; self->article_ids[i] != NULL; i++)
    if (!kiosk_leaflet_add_article (leaflet, self->article_ids[i], error))
      return NULL;
  if (self->article_ids[0] == NULL)
    {
      g_set_error_literal (error, KIOSK_LEAFLET_ERROR, KIOSK_LEAFLET_ERROR_EMPTY,
                           _("Choose at least one article to print."));
      return NULL;
    }
  return g_steal_pointer (&leaflet);
}

/* Every article of the leaflet, one a line, so staff see what they are printing. */
static void
show_titles (KioskPrintDialog *self)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; self->leaflet != NULL && self->article_ids[i] != NULL; i++)
    {
      g_autoptr(KioskArticle) article = kiosk_store_get_article (self->store, self->article_ids[i],
                                                                 &error);

      if (article == NULL)
        break;
      if (titles->len > 0)
        g_string_append_c (titles, '\n');
      g_string_append (titles, article->title[self->lang]);
    }
  gtk_label_set_text (self->leaflet_title, titles->str);
}

static void
rebuild (KioskPrintDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->leaflet);
  self->leaflet = build_leaflet (self, &error);
  if (self->leaflet == NULL)
    set_status (self, error->message, TRUE);
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->pages, self->leaflet ? kiosk_leaflet_get_n_pages (self->leaflet) : 0);
  self->page = 0;
  show_titles (self);
  show_page (self);
}

/* Copies and paper. */

static void
set_copies (KioskPrintDialog *self,
            guint             copies)
{
  g_autofree char *text = NULL;

  copies = CLAMP (copies, 1, MAX_COPIES);
  if (copies == self->copies)
    return;
  self->copies = copies;
  text = g_strdup_printf ("%u", copies);
  gtk_label_set_text (self->copies_label, text);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COPIES]);
}

static void
set_paper (KioskPrintDialog *self,
           const char       *paper)
{
  const char *canonical = kiosk_paper_from_string (paper) == KIOSK_PAPER_A5 ? "a5" : "a4";

  if (g_strcmp0 (self->paper, canonical) == 0)
    return;
  g_free (self->paper);
  self->paper = g_strdup (canonical);
  if (self->article_ids != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/* Printers. */

static guint
index_of (GStrv       names,
          const char *name)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The kiosk's printer, else the system default, else the first one. */
static void
choose_printer (KioskPrintDialog *self,
                GStrv             names,
                const char       *default_name)
{
  g_autofree char *configured = kiosk_settings_dup_printer (self->settings);
  guint position = index_of (names, configured);

  if (position == GTK_INVALID_LIST_POSITION && configured != NULL && *configured != '\0')
    {
      g_autofree char *message = g_strdup_printf (
        _("The printer “%s” set for this kiosk is not available. Choose another printer."),
        configured);

      set_status (self, message, TRUE);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    position = index_of (names, default_name);
  gtk_drop_down_set_selected (self->printer_dropdown,
                              position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

static void
printers_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KioskPrintDialog) self = user_data;
  g_autofree char *default_name = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = kiosk_print_list_printers_finish (result, &default_name, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
    return;
  if (names == NULL)
    set_status (self, error->message, TRUE);
  else if (names[0] == NULL)
    set_status (self, _("No printer is set up on this computer. You can still save the leaflet "
                        "as a PDF and print it elsewhere."), TRUE);
  if (names == NULL || names[0] == NULL)
    return;

  gtk_string_list_splice (self->printers, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->printers)),
                          (const char *const *) names);
  self->have_printer = TRUE;
  choose_printer (self, names, default_name);
  update_actions (self);
}

/* Printing. */

static char *
write_temporary_pdf (KioskPrintDialog  *self,
                     GError           **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd = g_file_open_tmp ("goc-tre-em-XXXXXX.pdf", &path, error);

  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  file = g_file_new_for_path (path);
  if (!kiosk_leaflet_save_pdf (self->leaflet, file, NULL, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

typedef struct {
  KioskPrintDialog *self;
  char             *path;
} PrintRun;

static void
print_run_free (PrintRun *run)
{
  g_unlink (run->path);
  g_free (run->path);
  g_object_unref (run->self);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintRun, print_run_free)

static void
print_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PrintRun) run = user_data;
  KioskPrintDialog *self = run->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = kiosk_print_job_run_finish (KIOSK_PRINT_JOB (source), result, &error);

  if (self->closed)
    return;
  self->printing = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_status (self, _("Printing was cancelled. Nothing more will print."), FALSE);
  else
    set_status (self, kiosk_print_job_get_status (KIOSK_PRINT_JOB (source)), !ok);
  update_actions (self);
}

static const char *
selected_printer (KioskPrintDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->printer_dropdown);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->printers, position);
}

static void
start_print (KioskPrintDialog *self,
             char             *path)
{
  PrintRun *run = g_new0 (PrintRun, 1);

  run->self = g_object_ref (self);
  run->path = path;
  g_clear_object (&self->job);
  self->job = kiosk_print_job_new (selected_printer (self), path,
                                   kiosk_leaflet_get_title (self->leaflet), self->copies,
                                   kiosk_leaflet_get_paper (self->leaflet));
  g_object_bind_property (self->job, "status", self->status_label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->job, "fraction", self->progress, "fraction", G_BINDING_SYNC_CREATE);
  g_clear_object (&self->print_cancellable);
  self->print_cancellable = g_cancellable_new ();
  self->printing = TRUE;
  set_status (self, kiosk_print_job_get_status (self->job), FALSE);
  update_actions (self);
  kiosk_print_job_run_async (self->job, self->print_cancellable, print_done_cb, run);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  char *path;

  if (self->leaflet == NULL || self->printing)
    return;
  path = write_temporary_pdf (self, &error);
  if (path == NULL)
    set_status (self, error->message, TRUE);
  else
    start_print (self, path);
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (widget);

  g_cancellable_cancel (self->print_cancellable);
}

/* Saving. */

static char *
file_name (KioskPrintDialog *self)
{
  guint n = g_strv_length (self->article_ids);
  const char *lang = kiosk_lang_to_string (self->lang);

  if (n == 1)
    return g_strdup_printf ("%s-%s.pdf", self->article_ids[0], lang);
  return g_strdup_printf ("%s-%u-%s.pdf", self->article_ids[0], n, lang);
}

static GBytes *
pdf_bytes (KioskPrintDialog  *self,
           GError           **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!kiosk_leaflet_write_pdf (self->leaflet, stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KioskPrintDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *where = g_file_get_parse_name (G_FILE (source));

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message = g_strdup_printf (_("Saved the leaflet as “%s”."), where);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("The leaflet could not be saved in “%s”: %s"), where,
                               error->message);
  if (message != NULL && !self->closed)
    set_status (self, message, error != NULL);
}

void
kiosk_print_dialog_save_to_folder (KioskPrintDialog *self,
                                   GFile            *folder)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (KIOSK_IS_PRINT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->leaflet == NULL)
    return;
  bytes = pdf_bytes (self, &error);
  if (bytes == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  name = file_name (self);
  file = g_file_get_child (folder, name);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, saved_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (KioskPrintDialog *self,
                        int               response)
{
  g_autoptr(GtkNativeDialog) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) folder = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    kiosk_print_dialog_save_to_folder (self, folder);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  /* A folder, not a file name: staff pick the USB stick and the name is made for them. */
  self->chooser = GTK_NATIVE_DIALOG (kiosk_folder_chooser_show (widget,
                                                                _("Save the leaflet in a folder"),
                                                                _("_Save here"),
                                                                G_CALLBACK (on_chooser_response_cb)));
}

/* Pages, copies, closing. */

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (widget);
  guint n_pages = self->leaflet ? kiosk_leaflet_get_n_pages (self->leaflet) : 0;

  if (g_str_equal (action_name, "print.next-page") && self->page + 1 < n_pages)
    self->page++;
  else if (g_str_equal (action_name, "print.previous-page") && self->page > 0)
    self->page--;
  show_page (self);
}

static void
copies_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (widget);

  if (g_str_equal (action_name, "print.copies-more"))
    set_copies (self, self->copies + 1);
  else if (self->copies > 1)
    set_copies (self, self->copies - 1);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject. */

static void
kiosk_print_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COPIES:
      g_value_set_uint (value, self->copies);
      break;
    case PROP_PAPER:
      g_value_set_string (value, self->paper);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_print_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COPIES:
      set_copies (self, g_value_get_uint (value));
      break;
    case PROP_PAPER:
      set_paper (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Closing leaves a job that is already queued to print: staff expect the leaflets they
 * sent to come out. Only "Cancel printing" withdraws it. */
static void
kiosk_print_dialog_dispose (GObject *object)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_PRINT_DIALOG);
  g_clear_object (&self->job);
  g_clear_object (&self->leaflet);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_print_dialog_parent_class)->dispose (object);
}

static void
kiosk_print_dialog_finalize (GObject *object)
{
  KioskPrintDialog *self = KIOSK_PRINT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_cancellable);
  g_ptr_array_unref (self->pages);
  g_strfreev (self->article_ids);
  g_free (self->paper);

  G_OBJECT_CLASS (kiosk_print_dialog_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "print.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "print.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "print.copies-less", NULL, copies_action);
  gtk_widget_class_install_action (widget_class, "print.copies-more", NULL, copies_action);
  gtk_widget_class_install_property_action (widget_class, "print.paper", "paper");
  gtk_widget_class_install_action (widget_class, "print.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "print.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "print.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "print.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "print.close", NULL);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, leaflet_title);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, copies_label);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, printer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, printers);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskPrintDialog, cancel_button);
}

static void
kiosk_print_dialog_class_init (KioskPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_print_dialog_dispose;
  object_class->finalize = kiosk_print_dialog_finalize;
  object_class->get_property = kiosk_print_dialog_get_property;
  object_class->set_property = kiosk_print_dialog_set_property;

  properties[PROP_COPIES] =
    g_param_spec_uint ("copies", NULL, NULL, 1, MAX_COPIES, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAPER] =
    g_param_spec_string ("paper", NULL, NULL, "a4",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  install_actions (widget_class);
}

static void
kiosk_print_dialog_init (KioskPrintDialog *self)
{
  /* The paper action's state is read from the property while the template loads. */
  self->paper = g_strdup ("a4");
  self->copies = 1;
  self->cancellable = g_cancellable_new ();
  /* Pages not looked at yet stay NULL. */
  self->pages = g_ptr_array_new_with_free_func (unref_if_set);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

KioskPrintDialog *
kiosk_print_dialog_open (GtkWindow         *parent,
                         KioskStore        *store,
                         KioskSettings     *settings,
                         const char *const *article_ids,
                         KioskLang          lang)
{
  KioskPrintDialog *self;
  g_autofree char *paper = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (KIOSK_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (article_ids != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_PRINT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->article_ids = g_strdupv ((char **) article_ids);
  self->lang = lang;
  paper = kiosk_settings_dup_paper_size (settings);
  g_free (self->paper);
  self->paper = g_strdup (kiosk_paper_from_string (paper) == KIOSK_PAPER_A5 ? "a5" : "a4");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
  rebuild (self);
  kiosk_print_list_printers_async (self->cancellable, printers_listed_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

guint
kiosk_print_dialog_get_page (KioskPrintDialog *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_DIALOG (self), 0);

  return self->page;
}

guint
kiosk_print_dialog_get_n_pages (KioskPrintDialog *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_DIALOG (self), 0);

  return self->leaflet ? kiosk_leaflet_get_n_pages (self->leaflet) : 0;
}

guint
kiosk_print_dialog_get_copies (KioskPrintDialog *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_DIALOG (self), 1);

  return self->copies;
}

const char *
kiosk_print_dialog_get_printer (KioskPrintDialog *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_DIALOG (self), NULL);

  return self->have_printer ? selected_printer (self) : NULL;
}

const char *
kiosk_print_dialog_get_status (KioskPrintDialog *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_DIALOG (self), "");

  return gtk_label_get_text (self->status_label);
}
