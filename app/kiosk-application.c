/* kiosk-application.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-app"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-application.h"
#include "kiosk-bundle.h"
#include "kiosk-cli.h"
#include "kiosk-window.h"

struct _KioskApplication
{
  GtkApplication  parent_instance;

  /* owned */
  KioskStore     *store;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (KioskApplication, kiosk_application, GTK_TYPE_APPLICATION)

static int
kiosk_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  return kiosk_cli_run (options);
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
    g_warning ("Bundled content: %s", error->message);
  if (window != NULL)
    kiosk_window_content_changed (KIOSK_WINDOW (window), error ? error->message : NULL, changed);
}

static void
kiosk_application_startup (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = kiosk_store_default_path ();

  G_APPLICATION_CLASS (kiosk_application_parent_class)->startup (app);

  self->store = kiosk_store_open (path, KIOSK_STORE_READER, &error);
  if (self->store == NULL)
    g_warning ("%s", error->message);

  task = g_task_new (self, self->cancellable, bundle_done_cb, NULL);
  g_task_set_source_tag (task, kiosk_application_startup);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, bundle_thread);
}

static void
kiosk_application_activate (GApplication *app)
{
  KioskApplication *self = KIOSK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (kiosk_window_new (self));
  gtk_window_present (window);
}

static void
kiosk_application_dispose (GObject *object)
{
  KioskApplication *self = KIOSK_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

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
  self->cancellable = g_cancellable_new ();
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
