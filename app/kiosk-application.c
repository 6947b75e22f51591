/* kiosk-application.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-app"

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <string.h>

#include "kiosk-application.h"
#include "kiosk-bundle.h"
#include "kiosk-cli.h"
#include "kiosk-home-page.h"
#include "kiosk-media.h"
#include "kiosk-pins.h"
#include "kiosk-sync-scheduler.h"
#include "kiosk-window.h"

struct _KioskApplication
{
  GtkApplication  parent_instance;

  /* owned */
  KioskStore     *store;
  KioskSettings  *settings;
  KioskSyncScheduler *scheduler;
  KioskSession   *session;
  KioskUsageRecorder *usage;
  KioskUsbMonitor *usb;
  GCancellable   *cancellable;
  gboolean        kiosk_mode;
  char           *startup_error;
};

G_DEFINE_FINAL_TYPE (KioskApplication, kiosk_application, GTK_TYPE_APPLICATION)

static int
kiosk_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  KioskApplication *self = KIOSK_APPLICATION (app);

  self->kiosk_mode = g_variant_dict_contains (options, "kiosk");
  return kiosk_cli_run (options);
}

/* With the cairo renderer nothing draws with GL, yet GTK 4.8 still loads Mesa and
 * probes GL when it opens the display: on software Mesa that is about 40 ms of a
 * start-up and 60 MB of memory (bench/startup --renderers). GDK_DEBUG=gl-disable, a
 * documented GDK switch, leaves it out. */
static void
leave_out_gl (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *value = NULL;

  if (debug != NULL && strstr (debug, "gl-disable") != NULL)
    return;
  value = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                          : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", value, TRUE);
}

/* Without hardware OpenGL, GTK's GL renderer runs on software Mesa: it starts in
 * about twice the time of the cairo renderer and uses more memory (DESIGN.md). A
 * render node under /dev/dri is the cheap sign of a GPU; the "renderer" setting and
 * GSK_RENDERER override the guess. Whenever the choice is cairo, GL is left out too. */
void
kiosk_application_choose_renderer (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *choice = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  if (g_getenv ("GSK_RENDERER") == NULL)
    {
      if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
        {
          settings = g_settings_new (APP_ID);
          choice = g_settings_get_string (settings, "renderer");
        }
      if (g_strcmp0 (choice, "gl") != 0 &&
          (g_strcmp0 (choice, "cairo") == 0 ||
           !g_file_test ("/dev/dri/renderD128", G_FILE_TEST_EXISTS) ||
           g_getenv ("LIBGL_ALWAYS_SOFTWARE") != NULL))
        g_setenv ("GSK_RENDERER", "cairo", TRUE);
    }

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    leave_out_gl ();
}

/* First start, or a new app version with newer bundled content: import it off the
 * main thread with the worker's own connection, then tell the window. */
static void
bundle_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(KioskStore) writer = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  GError *error = NULL;

  writer = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  if (writer != NULL)
    result = kiosk_bundle_ensure (writer, cancellable, &error);

  if (error != NULL && !g_error_matches (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_ROLLBACK))
    g_task_return_error (task, error);
  else
    {
      g_clear_error (&error);
      g_task_return_boolean (task, result != NULL && !result->up_to_date);
    }
}

static void
bundle_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KioskApplication *self = KIOSK_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  gboolean changed = g_task_propagate_boolean (G_TASK (result), &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (error != NULL)
    g_message ("Bundled content: %s", error->message);
  if (KIOSK_IS_WINDOW (window))
    kiosk_window_content_changed (KIOSK_WINDOW (window), error ? error->message : NULL, changed);
}

/* The stylesheet, then the high-contrast one: at the same priority the later one
 * wins, so the contrast rules override where the switch is on. */
void
kiosk_application_load_styles (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) contrast = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  /* Text is drawn unhinted, whatever the session says (a kiosk often runs without a
   * settings daemon): glyphs keep the shapes they have on the printed leaflets, at
   * the sizes a kiosk uses (17 px and up) they read as clearly, and no font program
   * runs for each new glyph and size on a low-end PC (about 2.5 ms of the first
   * frame in one-off A/B runs of bench-app). */
  g_object_set (gtk_settings_get_default (),
                "gtk-xft-hinting", 0,
                "gtk-xft-hintstyle", "hintnone",
                NULL);
  gtk_css_provider_load_from_resource (provider, "/org/goctreem/Kiosk/style.css");
  gtk_css_provider_load_from_resource (contrast, "/org/goctreem/Kiosk/style-hc.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (contrast),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
start_bundle_import (KioskApplication *self,
                     const char       *path)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, bundle_done_cb, NULL);

  g_task_set_source_tag (task, start_bundle_import);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, bundle_thread);
}

static void
on_sync_finished_cb (KioskApplication *self,
                     gboolean          ok)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KIOSK_IS_WINDOW (l->data))
      kiosk_window_content_changed (KIOSK_WINDOW (l->data), NULL, ok);
}

/* Content updates whenever a connection is there; the scheduler never blocks the
 * screen and backs off on its own when the network or the server fails. */
static void
start_sync (KioskApplication *self,
            const char       *path)
{
  if (self->scheduler != NULL)
    return;
  self->scheduler = kiosk_sync_scheduler_new (path, self->settings);
  g_signal_connect_object (self->scheduler, "finished", G_CALLBACK (on_sync_finished_cb), self,
                           G_CONNECT_SWAPPED);
  kiosk_sync_scheduler_start (self->scheduler);
}

/* Pictures are decoded into buffers of a megabyte or more. Once the first of them is
 * freed, glibc raises its mmap threshold above their size, so the next ones come from
 * the heap, which stays as large and as fragmented as the most pictures ever shown
 * (about 6 MiB more after 50 articles, bench/startup). With a fixed threshold each
 * large buffer goes back to the system when its article is left. Set after the first
 * frame: start-up's own large buffers are short-lived, and the heap recycles them
 * faster than mmap (about 130 mappings fewer). */
static void
return_large_buffers (void)
{
#ifdef M_MMAP_THRESHOLD
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

/* glibc gives each new thread a heap of its own, up to eight per core. Besides the
 * main thread, the kiosk's threads (GTK's font set-up, D-Bus, import, sync, pictures
 * kept, usage counts) come and go and never allocate much at once, so they share one:
 * about half a MiB less after 50 articles. Set before GTK starts its first thread. */
static void
share_thread_heaps (void)
{
#ifdef M_ARENA_MAX
  mallopt (M_ARENA_MAX, 2);
#endif
}

static gboolean
start_background_cb (gpointer user_data)
{
  KioskApplication *self = user_data;
  g_autofree char *path = kiosk_store_default_path ();

  return_large_buffers ();
  kiosk_media_forget_read_ahead ();
  start_bundle_import (self, path);
  start_sync (self, path);
  kiosk_application_get_usb_monitor (self);
  kiosk_media_prune_cache ();
  return G_SOURCE_REMOVE;
}

typedef struct {
  char       *path;
  KioskStore *store;
  GError     *error;
} StoreOpening;

/* Opens the reader and prepares what the first screen asks of it: the schema and
 * the PINs' presence in the connection's cache, the home page's tiles read ahead. */
static gpointer
open_store_thread (gpointer data)
{
  StoreOpening *opening = data;

  opening->store = kiosk_store_open (opening->path, KIOSK_STORE_READER, &opening->error);
  if (opening->store != NULL)
    {
      kiosk_pins_have (opening->store, KIOSK_ROLE_ADMIN, NULL);
      kiosk_home_page_read_ahead (opening->store);
    }
  return opening;
}

static void
kiosk_application_startup (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  g_autofree char *path = kiosk_store_default_path ();
  StoreOpening opening = { path, NULL, NULL };
  GThread *thread;

  /* GTK's own start-up (display, theme) keeps the main thread busy for a third of
   * the time to the first frame; the store opens meanwhile, in a thread. */
  thread = g_thread_new ("kiosk-store-open", open_store_thread, &opening);
  G_APPLICATION_CLASS (kiosk_application_parent_class)->startup (app);

  kiosk_application_load_styles ();
  self->settings = kiosk_settings_new ();
  g_thread_join (thread);
  self->store = opening.store;
  if (self->store == NULL)
    {
      self->startup_error = g_strdup (opening.error->message);
      g_error_free (opening.error);
      return;
    }
  self->session = kiosk_session_new (self->store);
  self->usage = kiosk_usage_recorder_new (path);
  /* Background work waits until the first screen is drawn: on a two-core kiosk it
   * would otherwise compete with start-up. */
  g_idle_add_full (G_PRIORITY_LOW, start_background_cb, g_object_ref (self), g_object_unref);
}

/* Without a store there is nothing to show but why, in words an admin can act on. */
static GtkWindow *
error_window_new (KioskApplication *self)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (self));
  g_autofree char *text = g_strdup_printf ("%s\n\n%s",
                                           _("Góc Trẻ Em cannot open its content."),
                                           self->startup_error);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "status-message");
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 480);
  return GTK_WINDOW (window);
}

static void
kiosk_application_activate (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->store == NULL)
    window = error_window_new (self);
  else if (window == NULL)
    window = GTK_WINDOW (kiosk_window_new (self, self->kiosk_mode));
  gtk_window_present (window);
}

static void
kiosk_application_dispose (GObject *object)
{
  KioskApplication *self = KIOSK_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scheduler != NULL)
    kiosk_sync_scheduler_cancel (self->scheduler);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->usb);
  g_clear_object (&self->usage);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->startup_error, g_free);

  G_OBJECT_CLASS (kiosk_application_parent_class)->dispose (object);
}

static void
kiosk_application_class_init (KioskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kiosk_application_dispose;
  app_class->handle_local_options = kiosk_application_handle_local_options;
  app_class->startup = kiosk_application_startup;
  app_class->activate = kiosk_application_activate;
}

static void
kiosk_application_init (KioskApplication *self)
{
  static const GOptionEntry entries[] = {
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run fullscreen as a kiosk that visitors cannot close"), NULL },
    { NULL }
  };

  share_thread_heaps ();
  self->cancellable = g_cancellable_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  kiosk_cli_add_options (G_APPLICATION (self));
}

KioskApplication *
kiosk_application_new (void)
{
  return g_object_new (KIOSK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

KioskStore *
kiosk_application_get_store (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);
  return self->store;
}

KioskSettings *
kiosk_application_get_settings (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);
  return self->settings;
}

KioskSyncScheduler *
kiosk_application_get_scheduler (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  if (self->scheduler == NULL && self->store != NULL)
    {
      g_autofree char *path = kiosk_store_default_path ();

      start_sync (self, path);
    }
  return self->scheduler;
}

KioskSession *
kiosk_application_get_session (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);
  return self->session;
}

KioskUsageRecorder *
kiosk_application_get_usage (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);
  return self->usage;
}

KioskUsbMonitor *
kiosk_application_get_usb_monitor (KioskApplication *self)
{
  g_return_val_if_fail (KIOSK_IS_APPLICATION (self), NULL);

  /* Made on first use: watching volumes loads GIO's volume monitors. */
  if (self->usb == NULL)
    self->usb = kiosk_usb_monitor_new ();
  return self->usb;
}
