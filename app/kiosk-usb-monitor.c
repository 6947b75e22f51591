/* kiosk-usb-monitor.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content on a USB stick, for communes without a connection: found when the stick is
 * mounted, previewed and applied by the same importer as every other source.
 */

#define G_LOG_DOMAIN "kiosk-usb"

#include "config.h"

#include "kiosk-usb-monitor.h"

struct _KioskUsbMonitor
{
  GObject         parent_instance;

  /* owned */
  GVolumeMonitor *volumes;
  GCancellable   *cancellable;
  GFile          *repository;
  char           *name;
};

G_DEFINE_FINAL_TYPE (KioskUsbMonitor, kiosk_usb_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROBED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GFile *
kiosk_usb_find_repository (GFile        *root,
                           GCancellable *cancellable)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) manifest = NULL;

  g_return_val_if_fail (G_IS_FILE (root), NULL);

  manifest = g_file_get_child (root, "manifest.signed");
  if (g_file_query_exists (manifest, cancellable))
    return g_object_ref (root);

  folder = g_file_get_child (root, KIOSK_USB_FOLDER);
  g_clear_object (&manifest);
  manifest = g_file_get_child (folder, "manifest.signed");
  if (g_file_query_exists (manifest, cancellable))
    return g_steal_pointer (&folder);
  return NULL;
}

static void
set_repository (KioskUsbMonitor *self,
                GFile           *repository,
                const char      *name)
{
  if (repository == self->repository)
    return;
  g_set_object (&self->repository, repository);
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
}

/* ---- looking at a new mount ---- */

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *repository = kiosk_usb_find_repository (G_FILE (task_data), cancellable);

  g_task_return_pointer (task, repository, g_object_unref);
}

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  KioskUsbMonitor *self = KIOSK_USB_MONITOR (source);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) repository = g_task_propagate_pointer (G_TASK (result), &error);
  GFile *root = g_task_get_task_data (G_TASK (result));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (repository != NULL)
    {
      g_debug ("Found a repository on %s", name);
      set_repository (self, repository, name);
    }
  g_signal_emit (self, signals[PROBED], 0, root, repository);
}

void
kiosk_usb_monitor_offer (KioskUsbMonitor *self,
                         GFile           *root,
                         const char      *name)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_USB_MONITOR (self));
  g_return_if_fail (G_IS_FILE (root));

  task = g_task_new (self, self->cancellable, probe_done_cb,
                     g_strdup (name != NULL ? name : ""));
  g_task_set_source_tag (task, kiosk_usb_monitor_offer);
  g_task_set_task_data (task, g_object_ref (root), g_object_unref);
  g_task_run_in_thread (task, probe_thread);
}

static void
on_mount_added_cb (KioskUsbMonitor *self,
                   GMount          *mount,
                   GVolumeMonitor  *volumes)
{
  g_autoptr(GFile) root = g_mount_get_root (mount);
  g_autofree char *name = g_mount_get_name (mount);

  kiosk_usb_monitor_offer (self, root, name);
}

static void
on_mount_removed_cb (KioskUsbMonitor *self,
                     GMount          *mount,
                     GVolumeMonitor  *volumes)
{
  g_autoptr(GFile) root = g_mount_get_root (mount);

  if (self->repository != NULL &&
      (g_file_equal (root, self->repository) || g_file_has_prefix (self->repository, root)))
    set_repository (self, NULL, NULL);
}

void
kiosk_usb_monitor_clear (KioskUsbMonitor *self)
{
  g_return_if_fail (KIOSK_IS_USB_MONITOR (self));
  set_repository (self, NULL, NULL);
}

GFile *
kiosk_usb_monitor_get_repository (KioskUsbMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_USB_MONITOR (self), NULL);
  return self->repository;
}

const char *
kiosk_usb_monitor_get_name (KioskUsbMonitor *self)
{
  g_return_val_if_fail (KIOSK_IS_USB_MONITOR (self), NULL);
  return self->name;
}

/* ---- importing ---- */

typedef struct {
  char             *path;
  GFile            *repo;
  KioskImportFlags  flags;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_object_unref (job->repo);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  KioskImportResult *result = NULL;
  GError *error = NULL;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  if (writer != NULL)
    result = kiosk_import_repository (writer, job->repo, NULL, job->flags, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) kiosk_import_result_free);
}

void
kiosk_usb_import_async (const char          *store_path,
                        GFile               *repo,
                        KioskImportFlags     flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (repo));

  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (store_path);
  job->repo = g_object_ref (repo);
  job->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_usb_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

KioskImportResult *
kiosk_usb_import_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, kiosk_usb_import_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GObject ---- */

static void
kiosk_usb_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KioskUsbMonitor *self = KIOSK_USB_MONITOR (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_usb_monitor_dispose (GObject *object)
{
  KioskUsbMonitor *self = KIOSK_USB_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->volumes);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kiosk_usb_monitor_parent_class)->dispose (object);
}

static void
kiosk_usb_monitor_class_init (KioskUsbMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_usb_monitor_dispose;
  object_class->get_property = kiosk_usb_monitor_get_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A mount or folder was looked at: the root, and the repository found or NULL. */
  signals[PROBED] = g_signal_new ("probed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_FILE);
}

static void
kiosk_usb_monitor_init (KioskUsbMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->volumes = g_volume_monitor_get ();
  g_signal_connect_object (self->volumes, "mount-added", G_CALLBACK (on_mount_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->volumes, "mount-removed", G_CALLBACK (on_mount_removed_cb),
                           self, G_CONNECT_SWAPPED);
}

KioskUsbMonitor *
kiosk_usb_monitor_new (void)
{
  return g_object_new (KIOSK_TYPE_USB_MONITOR, NULL);
}
