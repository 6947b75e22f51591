/* kiosk-sync-fetch.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One HTTP GET that nothing a server does can stretch: no automatic redirects, a
 * deadline, a throughput watchdog, a cap at the signed size, and the body hashed as
 * it arrives so a wrong object never reaches the staging folder under its name.
 */

#define G_LOG_DOMAIN "kiosk-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-sha256.h"
#include "kiosk-sync-error.h"
#include "kiosk-sync-fetch.h"
#include "kiosk-soup-calls.h"  /* last: it renames libsoup's functions */

#define CHUNK_SIZE (64 * 1024)

typedef struct {
  /* owned */
  SoupMessage      *msg;
  GUri             *first_uri;
  GUri             *uri;
  char             *etag;
  char             *sha256;
  char             *label;
  GFile            *dest;
  GFile            *part;
  GOutputStream    *out;           /* opened by the first store step */
  GByteArray       *memory;
  GInputStream     *in;
  KioskSha256       sha;
  guint8           *buffer;
  GStrv             allowed_hosts;
  GCancellable     *cancellable;   /* cancelled by the caller's, or by a limit */
  GError           *abort_error;   /* why a limit cancelled it */
  KioskFetchResult *result;

  /* borrowed */
  SoupSession      *session;
  GCancellable     *outer;

  gint64             size;
  KioskFetchLimits   limits;
  KioskFetchProgress progress;
  gpointer           progress_data;
  gulong             outer_id;
  guint              deadline_id;
  guint              watchdog_id;
  guint64            window_bytes;
  gsize              filled;      /* bytes in buffer not yet stored */
  gboolean           at_end;      /* the body is complete: the store step commits */
} Fetch;

void
kiosk_fetch_result_free (KioskFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result);
}

static void
stop_timers (Fetch *fetch)
{
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_clear_handle_id (&fetch->watchdog_id, g_source_remove);
  if (fetch->outer_id != 0)
    g_cancellable_disconnect (fetch->outer, fetch->outer_id);
  fetch->outer_id = 0;
}

static void
fetch_free (Fetch *fetch)
{
  stop_timers (fetch);
  g_clear_object (&fetch->msg);
  g_clear_pointer (&fetch->first_uri, g_uri_unref);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_free (fetch->etag);
  g_free (fetch->sha256);
  g_free (fetch->label);
  g_clear_object (&fetch->dest);
  if (fetch->part != NULL)
    g_file_delete (fetch->part, NULL, NULL);
  g_clear_object (&fetch->part);
  g_clear_object (&fetch->out);
  g_clear_pointer (&fetch->memory, g_byte_array_unref);
  g_clear_object (&fetch->in);
  g_free (fetch->buffer);
  g_strfreev (fetch->allowed_hosts);
  g_clear_object (&fetch->cancellable);
  g_clear_error (&fetch->abort_error);
  g_clear_pointer (&fetch->result, kiosk_fetch_result_free);
  g_free (fetch);
}

/* A limit was hit: remember why, then stop whatever is pending. */
static void
fetch_abort (Fetch  *fetch,
             GError *error)
{
  if (fetch->abort_error == NULL)
    fetch->abort_error = error;
  else
    g_error_free (error);
  g_cancellable_cancel (fetch->cancellable);
}

static void
fetch_fail (GTask  *task,
            GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  stop_timers (fetch);
  g_clear_object (&fetch->out);
  g_task_return_error (task, error);
}

static void
fetch_succeed (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  stop_timers (fetch);
  g_task_return_pointer (task, g_steal_pointer (&fetch->result),
                         (GDestroyNotify) kiosk_fetch_result_free);
}

static gboolean
is_tls_clock_error (Fetch *fetch)
{
  GTlsCertificateFlags flags = fetch->msg ? soup_message_get_tls_peer_certificate_errors (fetch->msg)
                                          : 0;

  return (flags & (G_TLS_CERTIFICATE_EXPIRED | G_TLS_CERTIFICATE_NOT_ACTIVATED)) != 0;
}

/* Turns what GIO or libsoup reported into one of our sentences. @in_body tells
 * whether the response had started. */
static GError *
map_error (Fetch   *fetch,
           GError  *error,
           gboolean in_body)
{
  const char *host = g_uri_get_host (fetch->uri);
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && fetch->abort_error != NULL)
    return g_steal_pointer (&fetch->abort_error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);
  g_debug ("%s: %s", fetch->label, error->message);

  if (error->domain == G_TLS_ERROR && is_tls_clock_error (fetch))
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_CLOCK,
                        _("The secure connection to %s failed because the kiosk's date or time looks wrong. Set the right date and time, then sync again. Nothing was changed."),
                        host);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TLS,
                        _("The identity of the content server %s could not be checked, so nothing was downloaded. Check the address and the kiosk's date and time."),
                        host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TIMEOUT,
                        _("The content server %s stopped answering, so the download was stopped. Nothing was changed."),
                        host);
  if (in_body)
    return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TRUNCATED,
                        _("The download of “%s” was cut off before it was complete. Nothing was changed; the next sync goes on from where this one stopped."),
                        fetch->label);
  return g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_CONNECTION,
                      _("No connection to the content server %s. Check the network cable or Wi-Fi. Nothing was changed."),
                      host);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_id = 0;
  fetch_abort (fetch, g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TIMEOUT,
                                   _("Downloading “%s” took too long, so it was stopped. Nothing was changed; try again when the connection is better."),
                                   fetch->label));
  return G_SOURCE_REMOVE;
}

static gboolean
on_watchdog_cb (gpointer user_data)
{
  Fetch *fetch = user_data;
  guint64 wanted = (guint64) fetch->limits.min_bytes_per_second * fetch->limits.window_ms / 1000;

  if (fetch->window_bytes >= wanted)
    {
      fetch->window_bytes = 0;
      return G_SOURCE_CONTINUE;
    }
  fetch->watchdog_id = 0;
  fetch_abort (fetch, g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TOO_SLOW,
                                   _("The connection is too slow to download “%s” (less than %u bytes a second), so it was stopped. Nothing was changed; try again when the connection is better."),
                                   fetch->label, fetch->limits.min_bytes_per_second));
  return G_SOURCE_REMOVE;
}

static void
on_outer_cancelled_cb (GCancellable *outer,
                       GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void start_request (GTask *task);
static void read_next (GTask *task);

static gboolean
host_is_allowed (Fetch *fetch,
                 GUri  *next)
{
  const char *host = g_uri_get_host (next);

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, g_uri_get_host (fetch->first_uri)) == 0)
    return TRUE;
  for (guint i = 0; fetch->allowed_hosts != NULL && fetch->allowed_hosts[i] != NULL; i++)
    if (g_ascii_strcasecmp (host, fetch->allowed_hosts[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Only a same-scheme redirect to the same or an allowed host, a few hops at most:
 * an https source must never be led to http, nor to a server nobody chose. */
static void
follow_redirect (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (fetch->msg),
                                                       "Location");
  g_autoptr(GUri) next = location ? g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_NONE,
                                                          NULL)
                                  : NULL;

  if (next == NULL || ++fetch->result->requests > fetch->limits.max_redirects + 1 ||
      g_ascii_strcasecmp (g_uri_get_scheme (next), g_uri_get_scheme (fetch->first_uri)) != 0 ||
      !host_is_allowed (fetch, next))
    {
      fetch_fail (task, g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_REDIRECT,
                                     _("The content server sent the kiosk on to another address (%s) that it does not trust, so nothing was downloaded. Check the source's address."),
                                     location ? location : "?"));
      return;
    }

  g_clear_object (&fetch->in);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  fetch->uri = g_steal_pointer (&next);
  start_request (task);
}

static guint
parse_retry_after (SoupMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                    "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return seconds;
  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (when, now) / G_USEC_PER_SEC);
}

static gboolean
too_large (Fetch   *fetch,
           GError **error)
{
  g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TOO_LARGE,
               _("The server sent more data for “%s” than the signed content allows, so the download was stopped. Nothing was changed."),
               fetch->label);
  return FALSE;
}

/* A failed store step: cancelled stays cancelled (a limit may be why), anything else
 * is the disk's fault. Takes @io_error. */
static GError *
store_error (GError *io_error)
{
  GError *error;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return io_error;
  error = g_error_new (KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_DISK,
                       _("Could not save the download on this kiosk (%s). Free some disk space and try again."),
                       io_error->message);
  g_error_free (io_error);
  return error;
}

static gboolean
prepare_body (Fetch   *fetch,
              GError **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > fetch->size)
    return too_large (fetch, error);

  fetch->result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  kiosk_sha256_init (&fetch->sha);
  fetch->buffer = g_malloc (CHUNK_SIZE);
  if (fetch->dest == NULL)
    fetch->memory = g_byte_array_new ();
  return TRUE;
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;

  fetch->in = soup_session_send_finish ((SoupSession *) source, res, &error);
  if (fetch->in == NULL)
    {
      fetch_fail (task, map_error (fetch, error, FALSE));
      return;
    }

  status = soup_message_get_status (fetch->msg);
  fetch->result->status = status;
  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    follow_redirect (task);
  else if (status != SOUP_STATUS_OK)
    {
      fetch->result->retry_after = parse_retry_after (fetch->msg);
      fetch->result->etag = g_strdup (soup_message_headers_get_one (
        soup_message_get_response_headers (fetch->msg), "ETag"));
      fetch_succeed (task);
    }
  else if (!prepare_body (fetch, &error))
    fetch_fail (task, error);
  else
    read_next (task);
}

static void
start_request (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_clear_object (&fetch->msg);
  fetch->msg = soup_message_new_from_uri ("GET", fetch->uri);
  soup_message_add_flags (fetch->msg, SOUP_MESSAGE_NO_REDIRECT);
  if (fetch->etag != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (fetch->msg),
                                  "If-None-Match", fetch->etag);
  soup_session_send_async (fetch->session, fetch->msg, G_PRIORITY_DEFAULT, fetch->cancellable,
                           on_sent_cb, g_object_ref (task));
}

static gboolean
check_complete (Fetch   *fetch,
                GError **error)
{
  char hex[KIOSK_SHA256_HEX_LEN + 1];

  if (fetch->sha256 == NULL)
    return TRUE;
  if ((gint64) fetch->result->bytes < fetch->size)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_TRUNCATED,
                   _("The download of “%s” was cut off before it was complete. Nothing was changed; the next sync goes on from where this one stopped."),
                   fetch->label);
      return FALSE;
    }
  kiosk_sha256_finish_hex (&fetch->sha, hex);
  if (g_strcmp0 (hex, fetch->sha256) != 0)
    {
      g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_OBJECT_HASH,
                   _("The server sent “%s” with different content from what the province signed, so it was thrown away. Nothing was changed."),
                   fetch->label);
      return FALSE;
    }
  return TRUE;
}

/* A download to memory (a signed envelope) is complete. */
static void
finish_in_memory (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_complete (fetch, &error))
    {
      fetch_fail (task, error);
      return;
    }
  fetch->result->body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->memory));
  fetch_succeed (task);
}

static gboolean
write_filled (Fetch         *fetch,
              GCancellable  *cancellable,
              GError       **error)
{
  GError *io_error = NULL;

  if (fetch->out == NULL)
    fetch->out = G_OUTPUT_STREAM (g_file_replace (fetch->part, NULL, FALSE,
                                                  G_FILE_CREATE_REPLACE_DESTINATION,
                                                  cancellable, &io_error));
  if (fetch->out == NULL ||
      !g_output_stream_write_all (fetch->out, fetch->buffer, fetch->filled, NULL, cancellable,
                                  &io_error))
    {
      *error = store_error (io_error);
      return FALSE;
    }
  return TRUE;
}

/* Gives the checked file its real name. */
static gboolean
commit (Fetch         *fetch,
        GCancellable  *cancellable,
        GError       **error)
{
  GError *io_error = NULL;

  if (!check_complete (fetch, error))
    return FALSE;
  if (!g_output_stream_close (fetch->out, cancellable, &io_error) ||
      !g_file_move (fetch->part, fetch->dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL,
                    &io_error))
    {
      *error = store_error (io_error);
      return FALSE;
    }
  return TRUE;
}

/* Hashing and file work run in a worker thread, one step at a time per download, so
 * the main thread (the kiosk's UI) only moves bytes off the sockets. While a step runs
 * the main thread leaves the buffer, the stream and the checksum alone. */
static void
store_thread (GTask        *step,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Fetch *fetch = task_data;
  GError *error = NULL;

  kiosk_sha256_update (&fetch->sha, fetch->buffer, fetch->filled);
  if (!write_filled (fetch, cancellable, &error) ||
      (fetch->at_end && !commit (fetch, cancellable, &error)))
    g_task_return_error (step, error);
  else
    g_task_return_boolean (step, TRUE);
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    fetch_fail (task, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                        ? map_error (fetch, error, TRUE) : error);
  else if (fetch->at_end)
    {
      g_clear_object (&fetch->part);
      fetch_succeed (task);
    }
  else
    {
      fetch->filled = 0;
      read_next (task);
    }
}

static void
store_filled (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GTask) step = g_task_new (NULL, fetch->cancellable, on_stored_cb,
                                      g_object_ref (task));

  g_task_set_source_tag (step, store_filled);
  g_task_set_task_data (step, fetch, NULL);
  g_task_run_in_thread (step, store_thread);
}

/* Bytes for a file are gathered until the buffer is full or the body ends: most
 * objects are smaller than the buffer and cost the worker thread a single step. */
static void
take_bytes (GTask *task,
            gsize  n)
{
  Fetch *fetch = g_task_get_task_data (task);

  fetch->result->bytes += n;
  fetch->window_bytes += n;
  if (fetch->progress != NULL)
    fetch->progress (n, fetch->progress_data);
  if (fetch->memory != NULL)
    {
      kiosk_sha256_update (&fetch->sha, fetch->buffer, n);
      g_byte_array_append (fetch->memory, fetch->buffer, n);
      read_next (task);
      return;
    }
  fetch->filled += n;
  if (fetch->filled == CHUNK_SIZE)
    store_filled (task);
  else
    read_next (task);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), res, &error);

  if (n < 0)
    fetch_fail (task, map_error (fetch, error, TRUE));
  else if (n == 0 && fetch->memory != NULL)
    finish_in_memory (task);
  else if (n == 0)
    {
      fetch->at_end = TRUE;
      store_filled (task);
    }
  else if ((gint64) (fetch->result->bytes + n) > fetch->size)
    {
      too_large (fetch, &error);
      fetch_fail (task, error);
    }
  else
    take_bytes (task, n);
}

static void
read_next (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_input_stream_read_async (fetch->in, fetch->buffer + fetch->filled, CHUNK_SIZE - fetch->filled,
                             G_PRIORITY_DEFAULT, fetch->cancellable, on_read_cb,
                             g_object_ref (task));
}

static void
start_timers (Fetch *fetch)
{
  if (fetch->limits.deadline_ms > 0)
    fetch->deadline_id = g_timeout_add (fetch->limits.deadline_ms, on_deadline_cb, fetch);
  if (fetch->limits.window_ms > 0 && fetch->limits.min_bytes_per_second > 0)
    fetch->watchdog_id = g_timeout_add (fetch->limits.window_ms, on_watchdog_cb, fetch);
  if (fetch->outer != NULL)
    fetch->outer_id = g_cancellable_connect (fetch->outer, G_CALLBACK (on_outer_cancelled_cb),
                                             g_object_ref (fetch->cancellable), g_object_unref);
}

void
kiosk_fetch_async (SoupSession             *session,
                   GUri                    *uri,
                   const char              *etag,
                   gint64                   size,
                   const char              *sha256,
                   GFile                   *dest,
                   const char              *label,
                   const KioskFetchLimits  *limits,
                   KioskFetchProgress       progress,
                   gpointer                 progress_data,
                   GCancellable            *cancellable,
                   GAsyncReadyCallback      callback,
                   gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (session, soup_session_get_type ()));
  g_return_if_fail (uri != NULL && limits != NULL && size > 0);

  fetch = g_new0 (Fetch, 1);
  fetch->session = session;
  fetch->first_uri = g_uri_ref (uri);
  fetch->uri = g_uri_ref (uri);
  fetch->etag = g_strdup (etag);
  fetch->size = size;
  fetch->sha256 = g_strdup (sha256);
  fetch->label = g_strdup (label);
  fetch->limits = *limits;
  fetch->allowed_hosts = g_strdupv ((char **) limits->allowed_hosts);
  fetch->limits.allowed_hosts = NULL;
  fetch->progress = progress;
  fetch->progress_data = progress_data;
  fetch->cancellable = g_cancellable_new ();
  fetch->outer = cancellable;
  fetch->result = g_new0 (KioskFetchResult, 1);
  fetch->result->requests = 1;
  if (dest != NULL)
    {
      g_autofree char *path = g_file_get_path (dest);
      g_autofree char *part = g_strconcat (path, ".part", NULL);

      fetch->dest = g_object_ref (dest);
      fetch->part = g_file_new_for_path (part);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_fetch_async);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  start_timers (fetch);
  start_request (task);
}

KioskFetchResult *
kiosk_fetch_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
