/* kiosk-sources.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-sources"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kiosk-importer.h"
#include "kiosk-repo-format.h"
#include "kiosk-sources.h"

/* ---- the fields ---- */

static gboolean
key_is_valid (const char *key)
{
  g_autofree guchar *raw = NULL;
  gsize length = 0;

  raw = g_base64_decode (key, &length);
  return length == KIOSK_KEY_SIZE;
}

static gboolean
url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

const char *
kiosk_sources_check_fields (const char *id,
                            const char *url,
                            const char *key)
{
  g_return_val_if_fail (id != NULL && url != NULL && key != NULL, NULL);

  if (!kiosk_repo_id_is_valid (id))
    return _("The source name uses only small letters, digits, dots and dashes.");
  if (!url_is_valid (url))
    return _("The address must start with https:// or http://.");
  if (!key_is_valid (key))
    return _("The key is not right: it is 44 letters, digits and signs ending in “=”.");
  return NULL;
}

/* ---- removing ---- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The content goes with the source: content that can no longer be updated, whose
 * expiry is no longer checked, should not stay on a screen about child safety. */
gboolean
kiosk_sources_remove (KioskStore  *writer,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(KioskSource) source = NULL;
  g_autofree char *staging = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (writer), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  source = kiosk_store_get_source (writer, id, error);
  if (source == NULL || !kiosk_import_remove_source (writer, id, error))
    return FALSE;
  staging = kiosk_store_staging_path (id);
  remove_tree (staging);
  return TRUE;
}

/* ---- in a worker thread ---- */

typedef struct {
  char     *path;
  char     *id;
  char     *url;
  char     *key;
  gboolean  enabled;
} SourceJob;

static SourceJob *
source_job_new (const char *path,
                const char *id)
{
  SourceJob *job = g_new0 (SourceJob, 1);

  job->path = g_strdup (path);
  job->id = g_strdup (id);
  return job;
}

static void
source_job_free (SourceJob *job)
{
  g_free (job->path);
  g_free (job->id);
  g_free (job->url);
  g_free (job->key);
  g_free (job);
}

static void
run_job (SourceJob           *job,
         gpointer             source_tag,
         GTaskThreadFunc      thread_func,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) source_job_free);
  g_task_run_in_thread (task, thread_func);
}

static gboolean
job_finish (GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
return_result (GTask    *task,
               gboolean  ok,
               GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SourceJob *job = task_data;
  const char *keys[] = { job->key, NULL };
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;
  gboolean ok;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  ok = writer != NULL && kiosk_store_add_source (writer, job->id, job->url, keys, &error);
  return_result (task, ok, error);
}

void
kiosk_sources_add_async (const char          *store_path,
                         const char          *id,
                         const char          *url,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  SourceJob *job;

  g_return_if_fail (store_path != NULL && id != NULL && url != NULL && key != NULL);

  job = source_job_new (store_path, id);
  job->url = g_strdup (url);
  job->key = g_strdup (key);
  run_job (job, kiosk_sources_add_async, add_thread, cancellable, callback, user_data);
}

gboolean
kiosk_sources_add_finish (GAsyncResult  *result,
                          GError       **error)
{
  return job_finish (result, kiosk_sources_add_async, error);
}

static void
set_enabled_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SourceJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  g_autoptr(KioskSource) source = NULL;
  GError *error = NULL;
  gboolean ok;

  /* Looked up first, so a source removed meanwhile is said, not silently skipped. */
  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  ok = writer != NULL && (source = kiosk_store_get_source (writer, job->id, &error)) != NULL &&
       kiosk_store_set_source_enabled (writer, job->id, job->enabled, &error);
  return_result (task, ok, error);
}

void
kiosk_sources_set_enabled_async (const char          *store_path,
                                 const char          *id,
                                 gboolean             enabled,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SourceJob *job;

  g_return_if_fail (store_path != NULL && id != NULL);

  job = source_job_new (store_path, id);
  job->enabled = enabled;
  run_job (job, kiosk_sources_set_enabled_async, set_enabled_thread, cancellable, callback,
           user_data);
}

gboolean
kiosk_sources_set_enabled_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return job_finish (result, kiosk_sources_set_enabled_async, error);
}

static void
remove_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SourceJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;
  gboolean ok;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  ok = writer != NULL && kiosk_sources_remove (writer, job->id, &error);
  return_result (task, ok, error);
}

void
kiosk_sources_remove_async (const char          *store_path,
                            const char          *id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (store_path != NULL && id != NULL);

  run_job (source_job_new (store_path, id), kiosk_sources_remove_async, remove_thread,
           cancellable, callback, user_data);
}

gboolean
kiosk_sources_remove_finish (GAsyncResult  *result,
                             GError       **error)
{
  return job_finish (result, kiosk_sources_remove_async, error);
}
