/* kiosk-test-server.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/socket.h>

#include "kiosk-test-server.h"

struct _KioskTestServer {
  SoupServer *server;
  char       *root;
  char       *url;
  guint       port;
  GHashTable *faults;   /* path -> KioskFault */
  GHashTable *hits;     /* path -> count */
  guint       requests;
  guint       in_flight;
  guint       max_in_flight;
  guint       delay_ms;
  GList      *drips;     /* responses still being fed */
};

/* A response fed bit by bit from a timer until the message is done. */
typedef struct {
  KioskTestServer   *server;
  SoupServerMessage *msg;
  GBytes            *bytes;
  gsize              offset;
  gsize              step;
  guint              timer;
  gboolean           finished;
} Drip;

static KioskFault
fault_for (KioskTestServer *self,
           const char      *path)
{
  gpointer fault = g_hash_table_lookup (self->faults, path);

  if (fault == NULL && g_str_has_suffix (path, ".signed"))
    fault = g_hash_table_lookup (self->faults, "*.signed");
  return GPOINTER_TO_UINT (fault);
}

static GBytes *
read_file (KioskTestServer *self,
           const char      *path)
{
  g_autofree char *file = g_build_filename (self->root, path, NULL);
  char *contents = NULL;
  gsize len = 0;

  if (strstr (path, "..") != NULL || !g_file_get_contents (file, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

/* Writes raw bytes on the bare connection, then drops it: with @reset, with a TCP
 * reset rather than a clean close. */
static void
send_raw (SoupServerMessage *msg,
          GBytes            *bytes,
          gsize              n_body,
          gboolean           reset)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Length: %" G_GSIZE_FORMAT
                                           "\r\nConnection: close\r\n\r\n",
                                           g_bytes_get_size (bytes));
  GOutputStream *out;

  if (reset)
    {
      struct linger linger = { 1, 0 };

      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }
  stream = soup_server_message_steal_connection (msg);
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (bytes, NULL), n_body, NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
drip_free (Drip *drip)
{
  drip->server->drips = g_list_remove (drip->server->drips, drip);
  g_clear_handle_id (&drip->timer, g_source_remove);
  g_signal_handlers_disconnect_by_data (drip->msg, drip);
  g_object_unref (drip->msg);
  g_bytes_unref (drip->bytes);
  g_free (drip);
}

static gboolean
on_drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  gsize len;
  const char *data = g_bytes_get_data (drip->bytes, &len);
  gsize n = MIN (drip->step, len - drip->offset);

  soup_message_body_append (soup_server_message_get_response_body (drip->msg), SOUP_MEMORY_COPY,
                            data + drip->offset, n);
  drip->offset += n;
  soup_server_message_unpause (drip->msg);
  if (drip->offset < len)
    return G_SOURCE_CONTINUE;
  soup_message_body_complete (soup_server_message_get_response_body (drip->msg));
  drip->timer = 0;
  return G_SOURCE_REMOVE;
}

static void
on_drip_finished_cb (SoupServerMessage *msg,
                     Drip              *drip)
{
  drip_free (drip);
}

static void
start_drip (KioskTestServer   *self,
            SoupServerMessage *msg,
            GBytes            *bytes,
            gsize              step,
            guint              interval_ms)
{
  Drip *drip = g_new0 (Drip, 1);

  drip->server = self;
  self->drips = g_list_prepend (self->drips, drip);
  drip->msg = g_object_ref (msg);
  drip->bytes = g_bytes_ref (bytes);
  drip->step = step;
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  g_signal_connect (msg, "finished", G_CALLBACK (on_drip_finished_cb), drip);
  g_signal_connect (msg, "disconnected", G_CALLBACK (on_drip_finished_cb), drip);
  drip->timer = g_timeout_add (interval_ms, on_drip_cb, drip);
  soup_server_message_pause (msg);
}

static void
on_endless_chunk_cb (SoupServerMessage *msg,
                     gpointer           user_data)
{
  static char chunk[16 * 1024];

  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            chunk, sizeof chunk);
}

static void
start_endless (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_message_body_set_accumulate (body, FALSE);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_endless_chunk_cb), NULL);
  on_endless_chunk_cb (msg, NULL);
}

static void
redirect (KioskTestServer   *self,
          SoupServerMessage *msg,
          const char        *scheme,
          const char        *host,
          const char        *prefix,
          const char        *path)
{
  g_autofree char *location = g_strdup_printf ("%s://%s:%u/%s%s", scheme, host, self->port,
                                               prefix, path);

  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
}

static void
serve_file (SoupServerMessage *msg,
            GBytes            *bytes)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *etag = g_strdup_printf ("\"%.16s\"", sha);

  soup_message_headers_replace (response, "ETag", etag);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
serve_fault (KioskTestServer   *self,
             SoupServerMessage *msg,
             const char        *path,
             KioskFault         fault,
             GBytes            *bytes)
{
  g_autoptr(GBytes) wrong = NULL;
  gsize len = g_bytes_get_size (bytes);

  switch (fault)
    {
    case KIOSK_FAULT_404:
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      break;
    case KIOSK_FAULT_500:
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      break;
    case KIOSK_FAULT_503:
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "120");
      break;
    case KIOSK_FAULT_GARBAGE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>Welcome to nginx!</html>", 30);
      break;
    case KIOSK_FAULT_TRUNCATE:
      send_raw (msg, bytes, len / 2, FALSE);
      break;
    case KIOSK_FAULT_RESET:
      send_raw (msg, bytes, len / 2, TRUE);
      break;
    case KIOSK_FAULT_WRONG_BYTES:
      {
        g_autofree char *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

        copy[len - 1] ^= 0x01;
        wrong = g_bytes_new (copy, len);
        serve_file (msg, wrong);
      }
      break;
    case KIOSK_FAULT_ENDLESS:
      start_endless (msg);
      break;
    case KIOSK_FAULT_TRICKLE:
      start_drip (self, msg, bytes, 1, 1000);
      break;
    case KIOSK_FAULT_STEADY:
      start_drip (self, msg, bytes, 16, 100);
      break;
    case KIOSK_FAULT_REDIRECT_HOST:
      redirect (self, msg, "http", "localhost", "moved/", path);
      break;
    case KIOSK_FAULT_REDIRECT_SCHEME:
      redirect (self, msg, "https", "127.0.0.1", "moved/", path);
      break;
    case KIOSK_FAULT_REDIRECT_SAME:
      redirect (self, msg, "http", "127.0.0.1", "moved/", path);
      break;
    case KIOSK_FAULT_NONE:
    default:
      serve_file (msg, bytes);
      break;
    }
}

typedef struct {
  KioskTestServer   *self;
  SoupServerMessage *msg;
  char              *path;
} Delayed;

static void
respond (KioskTestServer   *self,
         SoupServerMessage *msg,
         const char        *path)
{
  g_autoptr(GBytes) bytes = read_file (self, g_str_has_prefix (path, "moved/") ? path + 6 : path);
  KioskFault fault = g_str_has_prefix (path, "moved/") ? KIOSK_FAULT_NONE : fault_for (self, path);

  if (bytes == NULL && fault != KIOSK_FAULT_GARBAGE && fault != KIOSK_FAULT_500 &&
      fault != KIOSK_FAULT_503)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (bytes == NULL)
    bytes = g_bytes_new_static ("", 0);
  serve_fault (self, msg, path, fault, bytes);
}

static gboolean
on_delay_done_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  respond (delayed->self, delayed->msg, delayed->path);
  soup_server_message_unpause (delayed->msg);
  g_object_unref (delayed->msg);
  g_free (delayed->path);
  g_free (delayed);
  return G_SOURCE_REMOVE;
}

static void
on_finished_cb (SoupServerMessage *msg,
                KioskTestServer   *self)
{
  self->in_flight--;
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *uri_path,
         GHashTable        *query,
         gpointer           user_data)
{
  KioskTestServer *self = user_data;
  const char *path = uri_path[0] == '/' ? uri_path + 1 : uri_path;
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));

  g_hash_table_insert (self->hits, g_strdup (path), GUINT_TO_POINTER (hits + 1));
  self->requests++;
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_signal_connect (msg, "finished", G_CALLBACK (on_finished_cb), self);

  if (self->delay_ms > 0 && g_str_has_prefix (path, "objects/"))
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      delayed->path = g_strdup (path);
      soup_server_message_pause (msg);
      g_timeout_add (self->delay_ms, on_delay_done_cb, delayed);
      return;
    }
  respond (self, msg, path);
}

KioskTestServer *
kiosk_test_server_new (const char *root)
{
  KioskTestServer *self = g_new0 (KioskTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  self->root = g_strdup (root);
  self->faults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->server = soup_server_new ("server-header", "kiosk-test", NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return self;
}

void
kiosk_test_server_free (KioskTestServer *self)
{
  while (self->drips != NULL)
    drip_free (self->drips->data);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_hash_table_unref (self->faults);
  g_hash_table_unref (self->hits);
  g_free (self->root);
  g_free (self->url);
  g_free (self);
}

const char *
kiosk_test_server_get_url (KioskTestServer *self)
{
  return self->url;
}

guint
kiosk_test_server_get_port (KioskTestServer *self)
{
  return self->port;
}

void
kiosk_test_server_set_fault (KioskTestServer *self,
                             const char      *path,
                             KioskFault       fault)
{
  g_hash_table_insert (self->faults, g_strdup (path), GUINT_TO_POINTER (fault));
}

void
kiosk_test_server_clear (KioskTestServer *self)
{
  g_hash_table_remove_all (self->faults);
  self->delay_ms = 0;
}

void
kiosk_test_server_set_delay (KioskTestServer *self,
                             guint            delay_ms)
{
  self->delay_ms = delay_ms;
}

guint
kiosk_test_server_get_hits (KioskTestServer *self,
                            const char      *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
}

guint
kiosk_test_server_get_requests (KioskTestServer *self)
{
  return self->requests;
}

guint
kiosk_test_server_get_max_in_flight (KioskTestServer *self)
{
  return self->max_in_flight;
}

void
kiosk_test_server_reset_counts (KioskTestServer *self)
{
  g_hash_table_remove_all (self->hits);
  self->requests = 0;
  self->max_in_flight = 0;
}
