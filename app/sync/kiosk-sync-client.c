/* kiosk-sync-client.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One source's sync: ask for the changes file of the version the store holds (or the
 * full manifest), verify it with the source's pinned keys, fetch only the objects the
 * store lacks into a staging folder, and hand that folder to the importer. Every
 * store access runs in a worker thread on its own connection.
 */

#define G_LOG_DOMAIN "kiosk-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <libsoup/soup.h>

#include "kiosk-importer.h"
#include "kiosk-repo-format.h"
#include "kiosk-store.h"
#include "kiosk-sync-client.h"
#include "kiosk-sync-fetch.h"
#include "kiosk-soup-calls.h"  /* last: it renames libsoup's functions */

#define PROGRESS_INTERVAL_US (100 * 1000)

struct _KioskSyncClient
{
  GObject          parent_instance;

  /* owned */
  SoupSession     *session;         /* made by the first sync */
  GProxyResolver  *proxy_resolver;  /* NULL: straight to the server */
  GStrv            allowed_hosts;

  KioskSyncLimits  limits;
};

G_DEFINE_FINAL_TYPE (KioskSyncClient, kiosk_sync_client, G_TYPE_OBJECT)
G_DEFINE_QUARK (kiosk-sync-error-quark, kiosk_sync_error)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One sync of one source. Its steps run one after the other, so the worker thread of
 * a step and the main thread never touch it at the same time. */
typedef struct {
  /* owned */
  char            *store_path;
  char            *source_id;
  GUri            *base_uri;
  GStrv            keys;
  char            *stored_etag;   /* "<path> <etag>" as the store holds it */
  char            *next_etag;     /* what to store when the sync succeeds */
  char            *probe;         /* the signed file being fetched */
  GBytes          *envelope;
  GPtrArray       *wanted;        /* KioskManifestObject to download */
  GFile           *staging;
  GCancellable    *downloads;     /* stops the other downloads when one fails */
  GCancellable    *outer;
  gulong           outer_id;
  GError          *download_error;
  KioskSyncReport *report;

  gint64           log_id;
  gboolean         is_changes;
  gboolean         need_full;     /* the changes file did not fit: use the manifest */
  gboolean         fell_back;
  guint            next;
  guint            in_flight;
  guint            objects_done;
  guint            objects_total;
  guint64          bytes_done;
  guint64          bytes_total;
  gint64           last_progress;
} Job;

void
kiosk_sync_report_free (KioskSyncReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source);
  g_free (report->message);
  g_free (report);
}

static void
job_free (Job *job)
{
  g_free (job->store_path);
  g_free (job->source_id);
  g_clear_pointer (&job->base_uri, g_uri_unref);
  g_strfreev (job->keys);
  g_free (job->stored_etag);
  g_free (job->next_etag);
  g_free (job->probe);
  g_clear_pointer (&job->envelope, g_bytes_unref);
  g_clear_pointer (&job->wanted, g_ptr_array_unref);
  g_clear_object (&job->staging);
  if (job->outer_id != 0)
    g_cancellable_disconnect (job->outer, job->outer_id);
  g_clear_object (&job->outer);
  g_clear_object (&job->downloads);
  g_clear_error (&job->download_error);
  g_clear_pointer (&job->report, kiosk_sync_report_free);
  g_free (job);
}

/* ---- progress ---- */

static void
emit_progress (GTask          *task,
               KioskSyncPhase  phase,
               gboolean        force)
{
  Job *job = g_task_get_task_data (task);
  gint64 now = g_get_monotonic_time ();

  if (!force && now - job->last_progress < PROGRESS_INTERVAL_US)
    return;
  job->last_progress = now;
  g_signal_emit (g_task_get_source_object (task), signals[PROGRESS], 0, job->source_id, phase,
                 job->objects_done, job->objects_total, job->bytes_done, job->bytes_total);
}

static void
on_envelope_bytes (gsize    n_bytes,
                   gpointer user_data)
{
  Job *job = g_task_get_task_data (user_data);

  job->report->bytes_fetched += n_bytes;
}

static void
on_object_bytes (gsize    n_bytes,
                 gpointer user_data)
{
  Job *job = g_task_get_task_data (user_data);

  job->report->bytes_fetched += n_bytes;
  job->bytes_done += n_bytes;
  emit_progress (user_data, KIOSK_SYNC_PHASE_DOWNLOADING, FALSE);
}

/* ---- steps in worker threads ---- */

static void
run_step (GTask               *task,
          GTaskThreadFunc      func,
          GCancellable        *cancellable,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (g_task_get_source_object (task), cancellable, done,
                                      g_object_ref (task));

  g_task_set_source_tag (step, run_step);
  g_task_set_task_data (step, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (step, func);
}

static GFile *
staging_dir (const char *source_id)
{
  g_autofree char *staging = kiosk_store_staging_path (source_id);
  g_autofree char *path = g_build_filename (staging, KIOSK_OBJECTS_DIR, NULL);

  g_mkdir_with_parents (path, 0700);
  return g_file_new_for_path (path);
}

static GUri *
base_uri (const char *url)
{
  g_autofree char *with_slash = g_str_has_suffix (url, "/") ? g_strdup (url)
                                                            : g_strconcat (url, "/", NULL);

  return g_uri_parse (with_slash, G_URI_FLAGS_NONE, NULL);
}

static gboolean
check_source (Job          *job,
              KioskSource  *source,
              GError      **error)
{
  if (source->url == NULL || (job->base_uri = base_uri (source->url)) == NULL)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NOT_FOUND,
                   _("The source %s has no web address to sync from. Set one with goc-tre-em --add-source."),
                   source->id);
      return FALSE;
    }
  if (!source->enabled)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_DISABLED,
                   _("The source %s is turned off, so it was not synced."), source->id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_keys (Job         *job,
           KioskStore  *store,
           GError     **error)
{
  g_autoptr(GPtrArray) keys = kiosk_store_list_source_keys (store, job->source_id, error);

  if (keys == NULL)
    return FALSE;
  if (keys->len == 0)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_KEYS,
                   _("No publisher key is set for the source %s, so its content cannot be checked. Add the province's key with goc-tre-em --add-source."),
                   job->source_id);
      return FALSE;
    }
  g_ptr_array_add (keys, NULL);
  job->keys = (GStrv) g_ptr_array_steal (keys, NULL);
  return TRUE;
}

static void
load_thread (GTask        *step,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskSource) source = NULL;
  GError *error = NULL;

  if (!(store = kiosk_store_open (job->store_path, KIOSK_STORE_WRITER, &error)) ||
      !(source = kiosk_store_get_source (store, job->source_id, &error)))
    {
      g_task_return_error (step, error);
      return;
    }

  job->log_id = kiosk_store_begin_sync_log (store, job->source_id, NULL);
  job->report->old_version = job->report->new_version = source->version;
  job->stored_etag = g_strdup (source->etag);
  if (!check_source (job, source, &error) || !load_keys (job, store, &error))
    {
      g_task_return_error (step, error);
      return;
    }
  job->staging = staging_dir (job->source_id);
  g_task_return_boolean (step, TRUE);
}

static gboolean
verify_source (Job            *job,
               KioskManifest  *manifest,
               GError        **error)
{
  if (g_strcmp0 (manifest->repository, job->source_id) == 0)
    return TRUE;
  g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_WRONG_SOURCE,
               _("The server sent content for another source (%s) instead of %s, so it was refused. Nothing was changed. Check the source's address."),
               manifest->repository, job->source_id);
  return FALSE;
}

/* The full manifest the fetched file stands for; NULL with need_full set when a
 * changes file does not fit what the store holds. */
static KioskManifest *
verify_envelope (Job         *job,
                 KioskStore  *store,
                 GError     **error)
{
  g_autoptr(KioskChanges) changes = NULL;
  g_autoptr(GError) local_error = NULL;
  KioskManifest *manifest;

  if (!job->is_changes)
    return kiosk_manifest_new_verified (job->envelope, job->keys, error);

  if (!(changes = kiosk_changes_new_verified (job->envelope, job->keys, error)))
    return NULL;
  if (g_strcmp0 (changes->repository, job->source_id) != 0)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_WRONG_SOURCE,
                   _("The server sent content for another source (%s) instead of %s, so it was refused. Nothing was changed. Check the source's address."),
                   changes->repository, job->source_id);
      return NULL;
    }
  manifest = kiosk_import_resolve_changes (store, changes, &local_error);
  if (g_error_matches (local_error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_WRONG_BASE))
    job->need_full = TRUE;
  else if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return manifest;
}

/* An object left in the staging folder by an earlier attempt counts only when its
 * bytes are still the signed ones. */
static gboolean
staged_object_is_good (GFile               *staging,
                       KioskManifestObject *entry)
{
  g_autoptr(GFile) file = g_file_get_child (staging, entry->sha256);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  sha = kiosk_sha256_hex ((const guint8 *) contents, len);
  if ((gint64) len == entry->size && g_str_equal (sha, entry->sha256))
    return TRUE;
  g_unlink (path);
  return FALSE;
}

static gboolean
plan_downloads (Job            *job,
                KioskStore     *store,
                KioskManifest  *manifest,
                GError        **error)
{
  g_autoptr(GPtrArray) missing = kiosk_import_missing_objects (store, manifest, error);

  if (missing == NULL)
    return FALSE;
  job->wanted = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_manifest_object_free);
  for (guint i = 0; i < missing->len; i++)
    {
      KioskManifestObject *entry = missing->pdata[i];

      if (staged_object_is_good (job->staging, entry))
        continue;
      g_ptr_array_add (job->wanted, kiosk_manifest_object_new (entry->kind, entry->id,
                                                               entry->sha256, entry->size));
      job->bytes_total += entry->size;
    }
  job->objects_total = job->wanted->len;
  return TRUE;
}

static void
plan_thread (GTask        *step,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskManifest) manifest = NULL;
  GError *error = NULL;
  gboolean up_to_date = FALSE;

  if (!(store = kiosk_store_open (job->store_path, KIOSK_STORE_WRITER, &error)) ||
      (!(manifest = verify_envelope (job, store, &error)) && !job->need_full) ||
      (manifest != NULL &&
       (!verify_source (job, manifest, &error) ||
        !kiosk_import_check_manifest (store, manifest, &up_to_date, &error))))
    {
      g_task_return_error (step, error);
      return;
    }
  if (job->need_full)
    {
      g_task_return_boolean (step, TRUE);
      return;
    }

  job->report->new_version = manifest->version;
  job->report->up_to_date = up_to_date;
  if (!up_to_date && !plan_downloads (job, store, manifest, &error))
    {
      g_task_return_error (step, error);
      return;
    }
  g_task_return_boolean (step, TRUE);
}

static void
clear_staging (GFile *staging)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (staging,
                                                                    G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NONE,
                                                                    NULL, NULL);
  GFileInfo *info;

  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (staging, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
    }
}

static void
apply_thread (GTask        *step,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  store = kiosk_store_open (job->store_path, KIOSK_STORE_WRITER, &error);
  if (store != NULL)
    result = (job->is_changes ? kiosk_import_changes : kiosk_import_manifest)
      (store, job->envelope, job->staging, NULL, KIOSK_IMPORT_DEFAULT, cancellable, &error);

  if (g_error_matches (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_WRONG_BASE))
    job->need_full = TRUE;
  else if (error != NULL)
    {
      g_task_return_error (step, g_steal_pointer (&error));
      return;
    }
  else
    {
      job->report->new_version = result->new_version;
      job->report->up_to_date = result->up_to_date;
      job->report->from_changes = job->is_changes;
      job->report->articles_added = result->articles_added;
      job->report->articles_updated = result->articles_updated;
      job->report->articles_removed = result->articles_removed;
      clear_staging (job->staging);
    }
  g_task_return_boolean (step, TRUE);
}

static void
record_thread (GTask        *step,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  KioskSyncReport *report = job->report;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KioskSyncLogEntry entry = {
    .id = job->log_id,
    .source = job->source_id,
    .finished = g_get_real_time () / G_USEC_PER_SEC,
    .ok = job->download_error == NULL,
    .version = report->new_version,
    .objects = report->objects_fetched,
    .bytes = report->bytes_fetched,
    .message = report->message,
  };

  store = kiosk_store_open (job->store_path, KIOSK_STORE_WRITER, &error);
  if (store == NULL ||
      !kiosk_store_finish_sync_log (store, &entry, entry.ok ? job->next_etag : job->stored_etag,
                                    &error))
    g_debug ("Could not record the sync of %s: %s", job->source_id, error->message);
  g_task_return_boolean (step, TRUE);
}

/* ---- the steps on the main thread ---- */

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);

  if (job->download_error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->download_error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The importer speaks of a "content package" (a USB stick, a folder); over the network
 * the same refusal says who sent it. The error keeps its domain and code. */
static void
reword_for_sync (GError *error)
{
  const char *message = NULL;

  if (error == NULL || error->domain != KIOSK_IMPORT_ERROR)
    return;
  if (error->code == KIOSK_IMPORT_ERROR_UNTRUSTED)
    message = _("The server sent content that is not signed by the province, so it was refused. Nothing was changed.");
  else if (error->code == KIOSK_IMPORT_ERROR_BAD_SIGNATURE)
    message = _("The server sent content that was altered after the province signed it, so it was refused. Nothing was changed.");
  else if (error->code == KIOSK_IMPORT_ERROR_MALFORMED)
    message = _("The server sent something that is not Góc Trẻ Em content, so it was refused. Nothing was changed. Check the source's address.");
  if (message == NULL)
    return;
  g_debug ("%s", error->message);
  g_free (error->message);
  error->message = g_strdup (message);
}

/* Every sync ends here, so each one leaves a log row and its last result. The error,
 * if any, travels in job->download_error until the caller gets it. */
static void
finish (GTask  *task,
        GError *error)
{
  Job *job = g_task_get_task_data (task);
  KioskSyncReport *report = job->report;

  g_clear_error (&job->download_error);
  reword_for_sync (error);
  job->download_error = error;
  g_clear_pointer (&report->message, g_free);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report->message = g_strdup (_("The sync was stopped before it finished. Nothing was changed."));
  else if (error != NULL)
    report->message = g_strdup (error->message);
  else if (report->up_to_date)
    report->message = g_strdup_printf (_("Up to date (version %" PRId64 ")."), report->new_version);
  else
    report->message = g_strdup_printf (_("Updated to version %" PRId64 ": %u new, %u changed and %u removed articles."),
                                       report->new_version, report->articles_added,
                                       report->articles_updated, report->articles_removed);
  run_step (task, record_thread, NULL, on_recorded_cb);
}

static GError *
status_error (Job   *job,
              guint  status,
              guint  retry_after,
              const char *what)
{
  g_autofree char *url = g_uri_to_string (job->base_uri);

  if (status == SOUP_STATUS_NOT_FOUND)
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NOT_FOUND,
                        _("There is no Góc Trẻ Em content at %s (“%s” is missing). Check the source's address."),
                        url, what);
  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE || status == 429)
    {
      job->report->retry_after = retry_after;
      return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_BUSY,
                          _("The content server is busy. Nothing was changed; the kiosk will try again later."));
    }
  if (SOUP_STATUS_IS_SERVER_ERROR (status))
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_SERVER,
                        _("The content server has a problem (error %u). Nothing was changed; try again later or tell the province."),
                        status);
  return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_REFUSED,
                      _("The content server refused the request (error %u). Nothing was changed. Check the source's address."),
                      status);
}

static KioskFetchLimits
fetch_limits (KioskSyncClient *self)
{
  KioskFetchLimits limits = {
    .deadline_ms = self->limits.deadline_ms,
    .window_ms = self->limits.window_ms,
    .min_bytes_per_second = self->limits.min_bytes_per_second,
    .max_redirects = self->limits.max_redirects,
    .allowed_hosts = (const char * const *) self->allowed_hosts,
  };

  return limits;
}

static void fetch_envelope (GTask *task, const char *path, gboolean is_changes);
static void start_downloads (GTask *task);

static void
on_applied_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    finish (task, error);
  else if (job->need_full && !job->fell_back)
    fetch_envelope (task, KIOSK_MANIFEST_FILE, FALSE);
  else
    {
      /* A new version is probed with a new file next time: no ETag applies to it. */
      g_clear_pointer (&job->next_etag, g_free);
      finish (task, NULL);
    }
}

static void
apply (GTask *task)
{
  emit_progress (task, KIOSK_SYNC_PHASE_APPLYING, TRUE);
  run_step (task, apply_thread, g_task_get_cancellable (task), on_applied_cb);
}

static void
on_object_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(KioskFetchResult) result = NULL;
  GError *error = NULL;

  job->in_flight--;
  result = kiosk_fetch_finish (res, &error);
  if (result != NULL)
    job->report->requests += result->requests;
  if (result != NULL && result->status == SOUP_STATUS_NOT_FOUND)
    error = g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_OBJECT_NOT_FOUND,
                         _("The content server is missing part of the content, so nothing was changed. The province may still be publishing: try again later."));
  else if (result != NULL && result->status != SOUP_STATUS_OK)
    error = status_error (job, result->status, result->retry_after, KIOSK_OBJECTS_DIR);

  if (error != NULL && job->download_error == NULL)
    {
      job->download_error = error;
      g_cancellable_cancel (job->downloads);
    }
  else if (error != NULL)
    g_error_free (error);
  else
    {
      job->objects_done++;
      job->report->objects_fetched++;
      emit_progress (task, KIOSK_SYNC_PHASE_DOWNLOADING, TRUE);
    }
  start_downloads (task);
}

static void
start_download (GTask               *task,
                KioskManifestObject *entry)
{
  KioskSyncClient *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  KioskFetchLimits limits = fetch_limits (self);
  g_autofree char *path = g_strconcat (KIOSK_OBJECTS_DIR "/", entry->sha256, NULL);
  g_autoptr(GUri) uri = g_uri_parse_relative (job->base_uri, path, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GFile) dest = g_file_get_child (job->staging, entry->sha256);

  job->in_flight++;
  kiosk_fetch_async (self->session, uri, NULL, entry->size, entry->sha256, dest, entry->id,
                     &limits, on_object_bytes, task, job->downloads, on_object_cb,
                     g_object_ref (task));
}

/* A few objects at a time; the first failure stops the rest, and what was already
 * verified stays in the staging folder for the next attempt. */
static void
start_downloads (GTask *task)
{
  KioskSyncClient *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  while (job->download_error == NULL && job->in_flight < self->limits.max_parallel &&
         job->next < job->wanted->len)
    start_download (task, job->wanted->pdata[job->next++]);

  if (job->in_flight > 0)
    return;
  if (job->download_error != NULL)
    finish (task, g_steal_pointer (&job->download_error));
  else
    apply (task);
}

static void
on_cancelled_cb (GCancellable *outer,
                 GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
on_planned_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    finish (task, error);
  else if (job->need_full)
    {
      if (job->fell_back)
        finish (task, g_error_new (KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_WRONG_BASE,
                                   _("The list of changes does not fit the content this kiosk holds, so it was not used. Nothing was changed.")));
      else
        fetch_envelope (task, KIOSK_MANIFEST_FILE, FALSE);
    }
  else if (job->report->up_to_date)
    finish (task, NULL);
  else
    {
      job->downloads = g_cancellable_new ();
      if (g_task_get_cancellable (task) != NULL)
        {
          job->outer = g_object_ref (g_task_get_cancellable (task));
          job->outer_id = g_cancellable_connect (job->outer, G_CALLBACK (on_cancelled_cb),
                                                 g_object_ref (job->downloads), g_object_unref);
        }
      emit_progress (task, KIOSK_SYNC_PHASE_DOWNLOADING, TRUE);
      start_downloads (task);
    }
}

static void
on_envelope_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(KioskFetchResult) result = NULL;
  GError *error = NULL;

  result = kiosk_fetch_finish (res, &error);
  if (result == NULL)
    {
      finish (task, error);
      return;
    }

  job->report->requests += result->requests;
  if (result->status == SOUP_STATUS_NOT_MODIFIED)
    {
      job->report->up_to_date = TRUE;
      job->next_etag = g_strdup (job->stored_etag);
      finish (task, NULL);
    }
  else if (result->status == SOUP_STATUS_NOT_FOUND && job->is_changes)
    fetch_envelope (task, KIOSK_MANIFEST_FILE, FALSE);
  else if (result->status != SOUP_STATUS_OK)
    finish (task, status_error (job, result->status, result->retry_after, job->probe));
  else
    {
      job->envelope = g_steal_pointer (&result->body);
      g_clear_pointer (&job->next_etag, g_free);
      if (result->etag != NULL)
        job->next_etag = g_strdup_printf ("%s %s", job->probe, result->etag);
      run_step (task, plan_thread, g_task_get_cancellable (task), on_planned_cb);
    }
}

/* The ETag the store holds is sent only for the file it was given for. */
static const char *
stored_etag_for (Job        *job,
                 const char *path)
{
  gsize len = strlen (path);

  if (job->stored_etag != NULL && g_str_has_prefix (job->stored_etag, path) &&
      job->stored_etag[len] == ' ')
    return job->stored_etag + len + 1;
  return NULL;
}

static void
fetch_envelope (GTask      *task,
                const char *path,
                gboolean    is_changes)
{
  KioskSyncClient *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  KioskFetchLimits limits = fetch_limits (self);
  g_autoptr(GUri) uri = g_uri_parse_relative (job->base_uri, path, G_URI_FLAGS_NONE, NULL);

  if (!is_changes && job->is_changes)
    job->fell_back = TRUE;
  job->is_changes = is_changes;
  job->need_full = FALSE;
  g_clear_pointer (&job->envelope, g_bytes_unref);
  g_free (job->probe);
  job->probe = g_strdup (path);
  emit_progress (task, KIOSK_SYNC_PHASE_CHECKING, TRUE);
  kiosk_fetch_async (self->session, uri, stored_etag_for (job, path), KIOSK_MANIFEST_MAX_SIZE,
                     NULL, NULL, path, &limits, on_envelope_bytes, task,
                     g_task_get_cancellable (task), on_envelope_cb, g_object_ref (task));
}

/* A kiosk that holds a version asks for the changes from it; a new kiosk, or one whose
 * server had no changes file last time, asks for the full manifest. */
static void
probe (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  g_autofree char *changes = NULL;

  if (job->report->old_version == 0 || stored_etag_for (job, KIOSK_MANIFEST_FILE) != NULL)
    {
      fetch_envelope (task, KIOSK_MANIFEST_FILE, FALSE);
      return;
    }
  changes = g_strdup_printf ("changes/%" PRId64 ".signed", job->report->old_version);
  fetch_envelope (task, changes, TRUE);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    finish (task, error);
  else
    probe (task);
}

/* The HTTP session, made when the first sync starts: libsoup, and the TLS stack behind
 * it, load only on a kiosk that syncs, and not before it does. Without libsoup every
 * sync ends with that error. */
static gboolean
ensure_session (KioskSyncClient  *self,
                GError          **error)
{
  if (self->session != NULL)
    return TRUE;
  if (kiosk_soup_get (error) == NULL)
    return FALSE;

  self->session = soup_session_new_with_options ("max-conns", 16,
                                                 "max-conns-per-host", 8,
                                                 "timeout", self->limits.io_timeout_s,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 NULL);
  /* The bytes hashed must be the bytes served. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
  soup_session_set_proxy_resolver (self->session, self->proxy_resolver);
  return TRUE;
}

void
kiosk_sync_client_sync_async (KioskSyncClient     *self,
                              const char          *store_path,
                              const char          *source_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (KIOSK_IS_SYNC_CLIENT (self));
  g_return_if_fail (store_path != NULL);
  g_return_if_fail (kiosk_repo_id_is_valid (source_id));

  job = g_new0 (Job, 1);
  job->store_path = g_strdup (store_path);
  job->source_id = g_strdup (source_id);
  job->report = g_new0 (KioskSyncReport, 1);
  job->report->source = g_strdup (source_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_sync_client_sync_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (!ensure_session (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  emit_progress (task, KIOSK_SYNC_PHASE_CHECKING, TRUE);
  run_step (task, load_thread, cancellable, on_loaded_cb);
}

gboolean
kiosk_sync_client_sync_finish (KioskSyncClient  *self,
                               GAsyncResult     *result,
                               KioskSyncReport **report,
                               GError          **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_sync_client_sync_async,
                        FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&job->report);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object ---- */

void
kiosk_sync_client_get_limits (KioskSyncClient *self,
                              KioskSyncLimits *limits)
{
  g_return_if_fail (KIOSK_IS_SYNC_CLIENT (self));
  g_return_if_fail (limits != NULL);

  *limits = self->limits;
}

void
kiosk_sync_client_set_limits (KioskSyncClient       *self,
                              const KioskSyncLimits *limits)
{
  g_return_if_fail (KIOSK_IS_SYNC_CLIENT (self));
  g_return_if_fail (limits != NULL && limits->max_parallel > 0);

  self->limits = *limits;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, limits->io_timeout_s);
}

void
kiosk_sync_client_set_allowed_hosts (KioskSyncClient    *self,
                                     const char * const *hosts)
{
  g_return_if_fail (KIOSK_IS_SYNC_CLIENT (self));

  g_strfreev (self->allowed_hosts);
  self->allowed_hosts = g_strdupv ((char **) hosts);
}

/* An empty proxy means none, as the setting says; the system's proxy settings are not
 * consulted, so a kiosk behaves the same whoever set up its desktop. */
void
kiosk_sync_client_set_proxy (KioskSyncClient *self,
                             const char      *proxy)
{
  g_autoptr(GProxyResolver) resolver = NULL;
  static const char *direct[] = { "localhost", "127.0.0.0/8", "::1", NULL };

  g_return_if_fail (KIOSK_IS_SYNC_CLIENT (self));

  if (proxy != NULL && *proxy != '\0')
    resolver = g_simple_proxy_resolver_new (proxy, (char **) direct);
  g_set_object (&self->proxy_resolver, resolver);
  if (self->session != NULL)
    soup_session_set_proxy_resolver (self->session, resolver);
}

static void
kiosk_sync_client_finalize (GObject *object)
{
  KioskSyncClient *self = KIOSK_SYNC_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->proxy_resolver);
  g_strfreev (self->allowed_hosts);

  G_OBJECT_CLASS (kiosk_sync_client_parent_class)->finalize (object);
}

static void
kiosk_sync_client_class_init (KioskSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_sync_client_finalize;

  /* (source, KioskSyncPhase, objects done, objects total, bytes done, bytes total) */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 6, G_TYPE_STRING,
                                    G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT64,
                                    G_TYPE_UINT64);
}

static void
kiosk_sync_client_init (KioskSyncClient *self)
{
  self->limits = (KioskSyncLimits) {
    .deadline_ms = 15 * 60 * 1000,
    .window_ms = 30 * 1000,
    .min_bytes_per_second = 256,
    .io_timeout_s = 30,
    .max_parallel = 4,
    .max_redirects = 3,
  };
}

KioskSyncClient *
kiosk_sync_client_new (void)
{
  return g_object_new (KIOSK_TYPE_SYNC_CLIENT, NULL);
}
