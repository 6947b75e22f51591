/* kiosk-usage-recorder.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-usage"

#include "config.h"

#include "kiosk-usage-recorder.h"

/* Counts may wait this long in memory; a crash loses at most a minute of them. */
#define FLUSH_SECONDS 60

struct _KioskUsageRecorder
{
  GObject          parent_instance;

  /* owned */
  char            *path;
  KioskUsageBatch *pending;
  guint            flush_source;
};

G_DEFINE_FINAL_TYPE (KioskUsageRecorder, kiosk_usage_recorder, G_TYPE_OBJECT)

typedef struct {
  char            *path;
  KioskUsageBatch *batch;
} FlushJob;

static void
flush_job_free (FlushJob *job)
{
  g_free (job->path);
  kiosk_usage_batch_free (job->batch);
  g_free (job);
}

static gboolean
write_batch (const char       *path,
             KioskUsageBatch  *batch,
             GError          **error)
{
  g_autoptr(KioskStore) writer = kiosk_store_open (path, KIOSK_STORE_WRITER, error);

  return writer != NULL && kiosk_usage_write (writer, batch, error);
}

static void
flush_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FlushJob *job = task_data;
  GError *error = NULL;

  if (write_batch (job->path, job->batch, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kiosk_usage_recorder_flush_async (KioskUsageRecorder  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FlushJob *job;

  g_return_if_fail (KIOSK_IS_USAGE_RECORDER (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_usage_recorder_flush_async);
  /* Once handed to the worker, counts are written whatever happens to the caller;
   * reporting them as cancelled would count them twice. */
  g_task_set_check_cancellable (task, FALSE);
  if (kiosk_usage_batch_is_empty (self->pending))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (FlushJob, 1);
  job->path = g_strdup (self->path);
  job->batch = g_steal_pointer (&self->pending);
  self->pending = kiosk_usage_batch_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) flush_job_free);
  g_task_run_in_thread (task, flush_thread);
}

/* Counts that could not be written (a full disk, a busy store) go back to wait for
 * the next write rather than being lost. */
gboolean
kiosk_usage_recorder_flush_finish (KioskUsageRecorder  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  FlushJob *job;

  g_return_val_if_fail (KIOSK_IS_USAGE_RECORDER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), error))
    return TRUE;
  job = g_task_get_task_data (G_TASK (result));
  if (job != NULL)
    kiosk_usage_batch_merge (self->pending, job->batch);
  return FALSE;
}

static void
timed_flush_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!kiosk_usage_recorder_flush_finish (KIOSK_USAGE_RECORDER (source), result, &error))
    g_message ("Usage counts not written yet: %s", error->message);
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  KioskUsageRecorder *self = user_data;

  self->flush_source = 0;
  kiosk_usage_recorder_flush_async (self, NULL, timed_flush_done_cb, NULL);
  return G_SOURCE_REMOVE;
}

void
kiosk_usage_recorder_add (KioskUsageRecorder *self,
                          KioskUsageEvent     event,
                          const char         *item_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (KIOSK_IS_USAGE_RECORDER (self));

  kiosk_usage_batch_add (self->pending, now, event, item_id);
  if (self->flush_source == 0)
    self->flush_source = g_timeout_add_seconds (FLUSH_SECONDS, flush_timeout_cb, self);
}

void
kiosk_usage_recorder_add_search (KioskUsageRecorder *self,
                                 guint               n_results)
{
  kiosk_usage_recorder_add (self, KIOSK_USAGE_SEARCH, NULL);
  if (n_results == 0)
    kiosk_usage_recorder_add (self, KIOSK_USAGE_ZERO_RESULT_SEARCH, NULL);
}

/* The last counts are written before the app goes: a few milliseconds at exit. */
static void
kiosk_usage_recorder_dispose (GObject *object)
{
  KioskUsageRecorder *self = KIOSK_USAGE_RECORDER (object);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->pending != NULL && !kiosk_usage_batch_is_empty (self->pending) &&
      !write_batch (self->path, self->pending, &error))
    g_message ("Usage counts lost at exit: %s", error->message);
  g_clear_pointer (&self->pending, kiosk_usage_batch_free);

  G_OBJECT_CLASS (kiosk_usage_recorder_parent_class)->dispose (object);
}

static void
kiosk_usage_recorder_finalize (GObject *object)
{
  KioskUsageRecorder *self = KIOSK_USAGE_RECORDER (object);

  g_free (self->path);

  G_OBJECT_CLASS (kiosk_usage_recorder_parent_class)->finalize (object);
}

static void
kiosk_usage_recorder_class_init (KioskUsageRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_usage_recorder_dispose;
  object_class->finalize = kiosk_usage_recorder_finalize;
}

static void
kiosk_usage_recorder_init (KioskUsageRecorder *self)
{
  self->pending = kiosk_usage_batch_new ();
}

KioskUsageRecorder *
kiosk_usage_recorder_new (const char *store_path)
{
  KioskUsageRecorder *self;

  g_return_val_if_fail (store_path != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_USAGE_RECORDER, NULL);
  self->path = g_strdup (store_path);
  return self;
}
