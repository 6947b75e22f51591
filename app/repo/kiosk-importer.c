/* kiosk-importer.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way content enters the store: the bundled repository, a USB stick, a
 * file:// path and HTTP sync all end here. Everything is read, hashed and checked
 * before the write transaction starts, so the transaction is short and a refusal
 * leaves nothing behind.
 */

#define G_LOG_DOMAIN "kiosk-repo"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

#include "kiosk-importer.h"
#include "kiosk-repo-format.h"
#include "kiosk-sha256.h"

typedef struct {
  KioskManifestObject *entry;   /* borrowed from the manifest */
  GBytes              *bytes;   /* NULL for media the store already holds */
  JsonNode            *json;    /* parsed body of a JSON object */
} Pending;

typedef struct {
  KioskStore        *store;
  KioskManifest     *manifest;
  GFile             *objects_dir;
  GCancellable      *cancellable;
  GHashTable        *held;        /* "kind/id" -> sha256 this source has applied */
  GHashTable        *in_manifest; /* "kind/id" set */
  GPtrArray         *changed;     /* Pending */
  GHashTable        *statements;  /* SQL text -> sqlite3_stmt, reused across rows */
  KioskImportResult *result;
  KioskChanges      *changes;     /* the delta this import came from, or NULL */
} Import;

static void
pending_free (Pending *pending)
{
  g_clear_pointer (&pending->bytes, g_bytes_unref);
  g_clear_pointer (&pending->json, json_node_unref);
  g_free (pending);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->held, g_hash_table_unref);
  g_clear_pointer (&import->in_manifest, g_hash_table_unref);
  g_clear_pointer (&import->changed, g_ptr_array_unref);
  g_clear_pointer (&import->statements, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

void
kiosk_import_result_free (KioskImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source);
  g_free (result);
}

static char *
object_key (KioskObjectKind  kind,
            const char      *id)
{
  return g_strconcat (kiosk_object_kind_to_string (kind), "/", id, NULL);
}

static gboolean
store_failed (Import  *import,
              int      rc,
              GError **error)
{
  g_autoptr(GError) store_error = NULL;

  kiosk_store_set_error (import->store, rc, &store_error);
  g_set_error_literal (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_STORE,
                       store_error->message);
  return FALSE;
}

/* Binds @types ('s' string, 'i' gint64, 'b' GBytes) from the arguments to a cached
 * statement for @sql and returns it ready to step. */
static sqlite3_stmt *
bind_statement (Import     *import,
                const char *sql,
                const char *types,
                va_list     args)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (import->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (kiosk_store_get_db (import->store), sql, -1,
                              SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        return NULL;
      g_hash_table_insert (import->statements, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_STATIC);
      else if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        {
          GBytes *bytes = va_arg (args, GBytes *);
          gsize len;
          gconstpointer data = g_bytes_get_data (bytes, &len);

          sqlite3_bind_blob64 (stmt, i + 1, data, len, SQLITE_STATIC);
        }
    }
  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
run (Import      *import,
     GError     **error,
     const char  *sql,
     const char  *types,
     ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  va_start (args, types);
  stmt = bind_statement (import, sql, types, args);
  va_end (args);
  if (stmt == NULL)
    return store_failed (import, sqlite3_errcode (kiosk_store_get_db (import->store)), error);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return store_failed (import, rc, error);
  return TRUE;
}

/* Runs a query and leaves its first row to read; NULL when there is none. */
static sqlite3_stmt *
query_row (Import     *import,
           const char *sql,
           const char *types,
           ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = bind_statement (import, sql, types, args);
  va_end (args);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return stmt;
}

static void
load_held_objects (Import *import)
{
  sqlite3_stmt *stmt = query_row (import, "SELECT kind, id, sha256 FROM objects WHERE source = ?1",
                                  "s", import->manifest->repository);

  for (; stmt != NULL && sqlite3_data_count (stmt) > 0; )
    {
      g_hash_table_insert (import->held,
                           g_strconcat ((const char *) sqlite3_column_text (stmt, 0), "/",
                                        (const char *) sqlite3_column_text (stmt, 1), NULL),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        break;
    }
}

/* Rollback, replay and freeze protection, checked before anything is read and again
 * inside the write transaction. Sets result->up_to_date for the same manifest. */
static gboolean
check_version (Import  *import,
               GError **error)
{
  KioskManifest *manifest = import->manifest;
  sqlite3_stmt *stmt = query_row (import,
                                  "SELECT version, manifest_sha256 FROM sources WHERE id = ?1",
                                  "s", manifest->repository);
  gint64 held = stmt ? sqlite3_column_int64 (stmt, 0) : 0;
  const char *held_sha = stmt ? (const char *) sqlite3_column_text (stmt, 1) : NULL;

  import->result->old_version = held;
  import->result->up_to_date = held == manifest->version &&
                               g_strcmp0 (held_sha, manifest->sha256) == 0;
  if (import->result->up_to_date)
    return TRUE;

  if (manifest->version < held)
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_ROLLBACK,
                   _("This content (version %" PRId64 ") is older than what the kiosk already has (version %" PRId64 "), so it was refused. Nothing was changed."),
                   manifest->version, held);
      return FALSE;
    }
  if (manifest->version == held)
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_SAME_VERSION,
                   _("This content claims the version the kiosk already has but differs from it, so it was refused. Nothing was changed."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_expiry (Import  *import,
              GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = NULL;

  if (!kiosk_manifest_is_expired (import->manifest, now))
    return TRUE;

  date = g_date_time_format (import->manifest->expires, "%Y-%m-%d");
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_EXPIRED,
               _("This content expired on %s and may be out of date, so it was not applied. Check that the kiosk's date is right, or get a newer copy."),
               date);
  return FALSE;
}

/* Reads at most the signed size plus one byte, hashing as it goes. */
static GBytes *
read_object (Import               *import,
             KioskManifestObject  *entry,
             GError              **error)
{
  g_autoptr(GFile) file = g_file_get_child (import->objects_dir, entry->sha256);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree guint8 *data = g_malloc (entry->size + 1);
  gsize got = 0;

  stream = g_file_read (file, import->cancellable, &io_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, entry->size + 1, &got,
                                import->cancellable, &io_error))
    {
      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&io_error));
      else
        g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_OBJECT_MISSING,
                     _("Part of the content (“%s”) is missing or unreadable, so nothing was changed."),
                     entry->id);
      return NULL;
    }

  if ((gint64) got != entry->size)
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_OBJECT_SIZE,
                   _("Part of the content (“%s”) has the wrong size, so nothing was changed. The copy may be incomplete or altered."),
                   entry->id);
      return NULL;
    }

  if (!kiosk_sha256_matches (data, got, entry->sha256))
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_OBJECT_HASH,
                   _("Part of the content (“%s”) does not match its signature, so nothing was changed. The copy may be damaged or altered."),
                   entry->id);
      return NULL;
    }

  import->result->objects_read++;
  import->result->bytes_read += got;
  return g_bytes_new_take (g_steal_pointer (&data), got);
}

static gboolean
invalid_object (KioskManifestObject  *entry,
                const char           *detail,
                GError              **error)
{
  g_debug ("Invalid object %s: %s", entry->id, detail);
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_OBJECT_INVALID,
               _("Part of the content (“%s”) is malformed (%s), so nothing was changed."),
               entry->id, detail);
  return FALSE;
}

/* ---- validating the JSON objects ---- */

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
has_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
has_bool (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
is_nonempty (const char *str)
{
  return str != NULL && str[0] != '\0';
}

/* Both languages of a field, each a non-empty string. */
static gboolean
has_pair (JsonObject *object,
          const char *name)
{
  JsonObject *pair = get_object (object, name);

  return is_nonempty (get_string (pair, "vi")) && is_nonempty (get_string (pair, "en"));
}

static gboolean
in_manifest (Import          *import,
             KioskObjectKind  kind,
             const char      *id)
{
  g_autofree char *key = NULL;

  if (id == NULL)
    return FALSE;
  key = object_key (kind, id);
  return g_hash_table_contains (import->in_manifest, key);
}

static gboolean
validate_topic (Import      *import,
                Pending     *pending,
                JsonObject  *topic,
                GError     **error)
{
  const char *icon = get_string (topic, "icon");

  if (!has_int (topic, "order") || !has_pair (topic, "title") || !has_pair (topic, "summary"))
    return invalid_object (pending->entry, "a field is missing", error);
  if (icon != NULL && !in_manifest (import, KIOSK_OBJECT_MEDIA, icon))
    return invalid_object (pending->entry, "its icon is missing", error);
  return TRUE;
}

static gboolean
validate_article_text (JsonObject *text)
{
  JsonArray *tags = get_array (text, "tags");

  if (!is_nonempty (get_string (text, "title")) || get_string (text, "summary") == NULL ||
      !is_nonempty (get_string (text, "body")))
    return FALSE;
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *tag = json_array_get_element (tags, i);

      if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_article (Import      *import,
                  Pending     *pending,
                  JsonObject  *article,
                  GError     **error)
{
  JsonArray *media = get_array (article, "media");

  if (!has_int (article, "order") || !validate_article_text (get_object (article, "vi")) ||
      !validate_article_text (get_object (article, "en")))
    return invalid_object (pending->entry, "a field or a translation is missing", error);
  if (!in_manifest (import, KIOSK_OBJECT_TOPIC, get_string (article, "topic")))
    return invalid_object (pending->entry, "its topic is missing", error);

  for (guint i = 0; media != NULL && i < json_array_get_length (media); i++)
    {
      JsonNode *node = json_array_get_element (media, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !in_manifest (import, KIOSK_OBJECT_MEDIA, json_node_get_string (node)))
        return invalid_object (pending->entry, "a picture is missing", error);
    }
  return TRUE;
}

static gboolean
validate_hotlines (Pending  *pending,
                   GError  **error)
{
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (pending->json))
    return invalid_object (pending->entry, "not a list", error);

  list = json_node_get_array (pending->json);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *hotline = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (hotline == NULL || !kiosk_object_id_is_valid (get_string (hotline, "id")) ||
          !is_nonempty (get_string (hotline, "number")) || !has_bool (hotline, "national") ||
          !has_bool (hotline, "free") || !has_pair (hotline, "name") ||
          !has_pair (hotline, "purpose") || !has_pair (hotline, "hours"))
        return invalid_object (pending->entry, "a hotline lacks a field", error);
    }
  return TRUE;
}

static gboolean
parse_pending (Import   *import,
               Pending  *pending,
               GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len;
  const char *data = g_bytes_get_data (pending->bytes, &len);
  JsonObject *object;

  if (!g_utf8_validate (data, len, NULL) || !json_parser_load_from_data (parser, data, len, NULL))
    return invalid_object (pending->entry, "not valid JSON", error);
  pending->json = json_node_ref (json_parser_get_root (parser));

  if (pending->entry->kind == KIOSK_OBJECT_HOTLINES)
    return validate_hotlines (pending, error);

  object = JSON_NODE_HOLDS_OBJECT (pending->json) ? json_node_get_object (pending->json) : NULL;
  if (g_strcmp0 (get_string (object, "id"), pending->entry->id) != 0)
    return invalid_object (pending->entry, "its id does not match", error);
  if (pending->entry->kind == KIOSK_OBJECT_TOPIC)
    return validate_topic (import, pending, object, error);
  return validate_article (import, pending, object, error);
}

static gboolean
media_is_held (Import     *import,
               const char *sha256)
{
  return query_row (import, "SELECT 1 FROM media WHERE sha256 = ?1", "s", sha256) != NULL;
}

/* Media bytes must be what the id's extension says. */
static gboolean
check_media_type (Pending  *pending,
                  GError  **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (pending->bytes, &len);
  const char *id = pending->entry->id;
  gboolean ok;

  if (g_str_has_suffix (id, ".png"))
    ok = len > 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0;
  else if (g_str_has_suffix (id, ".svg"))
    ok = g_strstr_len ((const char *) data, MIN (len, 4096), "<svg") != NULL;
  else
    ok = len > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

  if (!ok)
    return invalid_object (pending->entry, "not the picture type its name says", error);
  return TRUE;
}

/* Reads and checks every object this source does not hold at the same hash. */
static gboolean
collect_changes (Import  *import,
                 GError **error)
{
  GPtrArray *objects = import->manifest->objects;

  for (guint i = 0; i < objects->len; i++)
    g_hash_table_add (import->in_manifest,
                      object_key (((KioskManifestObject *) objects->pdata[i])->kind,
                                  ((KioskManifestObject *) objects->pdata[i])->id));

  for (guint i = 0; i < objects->len; i++)
    {
      KioskManifestObject *entry = objects->pdata[i];
      g_autofree char *key = object_key (entry->kind, entry->id);
      Pending *pending;

      if (g_strcmp0 (g_hash_table_lookup (import->held, key), entry->sha256) == 0)
        continue;

      pending = g_new0 (Pending, 1);
      pending->entry = entry;
      g_ptr_array_add (import->changed, pending);

      if (entry->kind == KIOSK_OBJECT_MEDIA && media_is_held (import, entry->sha256))
        continue;
      if (!(pending->bytes = read_object (import, entry, error)))
        return FALSE;
      if (entry->kind == KIOSK_OBJECT_MEDIA ? !check_media_type (pending, error)
                                            : !parse_pending (import, pending, error))
        return FALSE;
    }
  return TRUE;
}

static void
count_article_changes (Import *import)
{
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < import->changed->len; i++)
    {
      Pending *pending = import->changed->pdata[i];
      g_autofree char *k = NULL;

      if (pending->entry->kind != KIOSK_OBJECT_ARTICLE)
        continue;
      k = object_key (KIOSK_OBJECT_ARTICLE, pending->entry->id);
      if (g_hash_table_contains (import->held, k))
        import->result->articles_updated++;
      else
        import->result->articles_added++;
    }

  g_hash_table_iter_init (&iter, import->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, "article/") && !g_hash_table_contains (import->in_manifest, key))
      import->result->articles_removed++;
}

/* ---- applying, inside the write transaction ---- */

static gboolean
check_owner (Import      *import,
             const char  *table_sql,
             const char  *id,
             GError     **error)
{
  sqlite3_stmt *stmt = query_row (import, table_sql, "s", id);
  const char *owner = stmt ? (const char *) sqlite3_column_text (stmt, 0) : NULL;

  if (owner == NULL || g_strcmp0 (owner, import->manifest->repository) == 0)
    return TRUE;
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_CONFLICT,
               _("“%s” already comes from another content source (%s), so this content was refused. Nothing was changed."),
               id, owner);
  return FALSE;
}

static gboolean
apply_topic (Import      *import,
             Pending     *pending,
             GError     **error)
{
  JsonObject *topic = json_node_get_object (pending->json);
  JsonObject *title = get_object (topic, "title");
  JsonObject *summary = get_object (topic, "summary");

  if (!check_owner (import, "SELECT source FROM topics WHERE id = ?1", pending->entry->id, error))
    return FALSE;
  return run (import, error,
              "INSERT OR REPLACE INTO topics (id, source, position, icon, title_vi, title_en,"
              " summary_vi, summary_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
              "ssisssss", pending->entry->id, import->manifest->repository,
              json_object_get_int_member (topic, "order"), get_string (topic, "icon"),
              get_string (title, "vi"), get_string (title, "en"),
              get_string (summary, "vi"), get_string (summary, "en"));
}

static char *
join_tags (JsonObject *text)
{
  JsonArray *tags = get_array (text, "tags");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    g_strv_builder_add (builder, json_array_get_string_element (tags, i));
  list = g_strv_builder_end (builder);
  return g_strjoinv (", ", list);
}

/* Article texts go through a staging table and reach article_texts, and with it the
 * search index, in one statement at the end (flush_texts): FTS5 writes its pending
 * terms out at every statement that touches it, so one statement per text would leave
 * thousands of tiny index segments to merge. */
static gboolean
apply_article_text (Import      *import,
                    gint64       rowid,
                    JsonObject  *article,
                    const char  *lang,
                    GError     **error)
{
  JsonObject *text = get_object (article, lang);
  g_autofree char *tags = join_tags (text);

  return run (import, error,
              "INSERT OR REPLACE INTO temp.staged_texts (article, lang, title, summary, tags, body)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
              "isssss", rowid, lang, get_string (text, "title"), get_string (text, "summary"),
              tags, get_string (text, "body"));
}

static gboolean
apply_article (Import      *import,
               Pending     *pending,
               GError     **error)
{
  JsonObject *article = json_node_get_object (pending->json);
  const char *id = pending->entry->id;
  sqlite3 *db = kiosk_store_get_db (import->store);
  sqlite3_stmt *existing;
  gint64 rowid;
  gboolean exists;

  if (!check_owner (import, "SELECT source FROM articles WHERE id = ?1", id, error))
    return FALSE;

  existing = query_row (import, "SELECT rowid FROM articles WHERE id = ?1", "s", id);
  exists = existing != NULL;
  rowid = exists ? sqlite3_column_int64 (existing, 0) : 0;

  if (exists)
    {
      if (!run (import, error,
                "UPDATE articles SET topic = ?2, position = ?3, updated = ?4, basis = ?5"
                " WHERE rowid = ?1",
                "isiss", rowid, get_string (article, "topic"),
                json_object_get_int_member (article, "order"), get_string (article, "updated"),
                get_string (article, "basis")))
        return FALSE;
    }
  else
    {
      if (!run (import, error,
                "INSERT INTO articles (id, source, topic, position, updated, basis)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                "sssiss", id, import->manifest->repository, get_string (article, "topic"),
                json_object_get_int_member (article, "order"), get_string (article, "updated"),
                get_string (article, "basis")))
        return FALSE;
      rowid = sqlite3_last_insert_rowid (db);
    }

  return apply_article_text (import, rowid, article, "vi", error) &&
         apply_article_text (import, rowid, article, "en", error);
}

static gboolean
apply_hotline (Import      *import,
               JsonObject  *hotline,
               gint64       position,
               GError     **error)
{
  JsonObject *name = get_object (hotline, "name");
  JsonObject *purpose = get_object (hotline, "purpose");
  JsonObject *hours = get_object (hotline, "hours");

  return run (import, error,
              "INSERT OR REPLACE INTO hotlines (source, id, position, number, national, free,"
              " name_vi, name_en, purpose_vi, purpose_en, hours_vi, hours_en)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
              "ssisiissssss", import->manifest->repository, get_string (hotline, "id"),
              position, get_string (hotline, "number"),
              (gint64) json_object_get_boolean_member (hotline, "national"),
              (gint64) json_object_get_boolean_member (hotline, "free"),
              get_string (name, "vi"), get_string (name, "en"),
              get_string (purpose, "vi"), get_string (purpose, "en"),
              get_string (hours, "vi"), get_string (hours, "en"));
}

static gboolean
apply_hotlines (Import      *import,
                Pending     *pending,
                GError     **error)
{
  JsonArray *list = json_node_get_array (pending->json);

  if (!run (import, error, "DELETE FROM hotlines WHERE source = ?1", "s",
            import->manifest->repository))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (!apply_hotline (import, json_array_get_object_element (list, i), i + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
apply_media (Import      *import,
             Pending     *pending,
             GError     **error)
{
  const char *id = pending->entry->id;
  const char *mime = g_str_has_suffix (id, ".svg") ? "image/svg+xml"
                     : g_str_has_suffix (id, ".png") ? "image/png" : "image/jpeg";

  if (pending->bytes != NULL &&
      !run (import, error, "INSERT OR IGNORE INTO media (sha256, mime, data) VALUES (?1, ?2, ?3)",
            "ssb", pending->entry->sha256, mime, pending->bytes))
    return FALSE;
  return run (import, error,
              "INSERT OR REPLACE INTO media_names (source, name, sha256) VALUES (?1, ?2, ?3)",
              "sss", import->manifest->repository, id, pending->entry->sha256);
}

static gboolean
apply_pending (Import   *import,
               Pending  *pending,
               GError  **error)
{
  gboolean ok = FALSE;

  switch (pending->entry->kind)
    {
    case KIOSK_OBJECT_TOPIC:
      ok = apply_topic (import, pending, error);
      break;
    case KIOSK_OBJECT_ARTICLE:
      ok = apply_article (import, pending, error);
      break;
    case KIOSK_OBJECT_HOTLINES:
      ok = apply_hotlines (import, pending, error);
      break;
    case KIOSK_OBJECT_MEDIA:
      ok = apply_media (import, pending, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return ok && run (import, error,
                    "INSERT OR REPLACE INTO objects (source, kind, id, sha256)"
                    " VALUES (?1, ?2, ?3, ?4)",
                    "ssss", import->manifest->repository,
                    kiosk_object_kind_to_string (pending->entry->kind), pending->entry->id,
                    pending->entry->sha256);
}

static gboolean
remove_object (Import      *import,
               const char  *key,
               GError     **error)
{
  const char *source = import->manifest->repository;
  const char *slash = strchr (key, '/');
  g_autofree char *kind = g_strndup (key, slash - key);
  const char *id = slash + 1;
  gboolean ok = TRUE;

  /* The texts go in one statement from remove_gone_objects, for the reason given at
   * apply_article_text. */
  if (g_str_equal (kind, "article"))
    ok = run (import, error,
              "INSERT INTO temp.gone_articles (rowid)"
              " SELECT rowid FROM articles WHERE id = ?1 AND source = ?2",
              "ss", id, source) &&
         run (import, error, "DELETE FROM articles WHERE id = ?1 AND source = ?2", "ss", id, source);
  else if (g_str_equal (kind, "topic"))
    ok = run (import, error, "DELETE FROM topics WHERE id = ?1 AND source = ?2", "ss", id, source);
  else if (g_str_equal (kind, "media"))
    ok = run (import, error, "DELETE FROM media_names WHERE name = ?1 AND source = ?2", "ss",
              id, source);

  return ok && run (import, error,
                    "DELETE FROM objects WHERE source = ?1 AND kind = ?2 AND id = ?3",
                    "sss", source, kind, id);
}

/* Removes what this source no longer lists, or everything it holds when @all. */
static gboolean
remove_objects (Import   *import,
                gboolean  all,
                GError  **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, import->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if ((all || !g_hash_table_contains (import->in_manifest, key)) &&
        !remove_object (import, key, error))
      return FALSE;

  return run (import, error,
              "DELETE FROM article_texts WHERE article IN (SELECT rowid FROM temp.gone_articles)",
              "") &&
         run (import, error, "DELETE FROM temp.gone_articles", "") &&
         run (import, error,
              "DELETE FROM media WHERE sha256 NOT IN (SELECT sha256 FROM media_names)", "");
}

static gboolean
record_source (Import  *import,
               GError **error)
{
  KioskManifest *manifest = import->manifest;

  return run (import, error,
              "INSERT INTO sources (id, version, manifest_sha256, name_vi, name_en, public_url,"
              " applied_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
              " ON CONFLICT (id) DO UPDATE SET version = ?2, manifest_sha256 = ?3,"
              " name_vi = ?4, name_en = ?5, public_url = ?6, applied_at = ?7",
              "sissssi", manifest->repository, manifest->version, manifest->sha256,
              manifest->name[KIOSK_LANG_VI], manifest->name[KIOSK_LANG_EN],
              manifest->public_url, g_get_real_time () / G_USEC_PER_SEC);
}

/* Topics before the articles that name them, articles before the removals. */
static gint
pending_order (gconstpointer a,
               gconstpointer b)
{
  const Pending *pa = *(const Pending **) a;
  const Pending *pb = *(const Pending **) b;

  return (int) pa->entry->kind - (int) pb->entry->kind;
}

/* A delta applies only on top of the exact manifest it was made from. */
static gboolean
check_base (Import  *import,
            GError **error)
{
  KioskChanges *changes = import->changes;
  sqlite3_stmt *stmt;

  if (changes == NULL)
    return TRUE;
  stmt = query_row (import, "SELECT version, manifest_sha256 FROM sources WHERE id = ?1",
                    "s", changes->repository);
  if (stmt != NULL && sqlite3_column_int64 (stmt, 0) == changes->base &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), changes->base_sha256) == 0)
    return TRUE;
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_WRONG_BASE,
               _("The list of changes does not fit the content this kiosk holds, so it was not used. Nothing was changed."));
  return FALSE;
}

/* Writes the staged article texts in one statement; see apply_article_text. An
 * existing (article, lang) row keeps its docid, so the search index updates in place. */
static gboolean
flush_texts (Import  *import,
             GError **error)
{
  return run (import, error,
              "INSERT INTO article_texts (article, lang, title, summary, tags, body)"
              " SELECT article, lang, title, summary, tags, body FROM temp.staged_texts"
              " WHERE true ON CONFLICT (article, lang) DO UPDATE SET title = excluded.title,"
              " summary = excluded.summary, tags = excluded.tags, body = excluded.body",
              "") &&
         run (import, error, "DELETE FROM temp.staged_texts", "");
}

static gboolean
apply_all (Import  *import,
           GError **error)
{
  g_ptr_array_sort (import->changed, pending_order);

  if (!check_base (import, error) || !check_version (import, error) ||
      !record_source (import, error))
    return FALSE;
  for (guint i = 0; i < import->changed->len; i++)
    if (!apply_pending (import, import->changed->pdata[i], error))
      return FALSE;
  return flush_texts (import, error) && remove_objects (import, FALSE, error);
}

/* Connection-private tables, created on first use and emptied before each commit; they
 * are never part of the store file. */
static gboolean
create_staging_tables (Import  *import,
                       GError **error)
{
  int rc = sqlite3_exec (kiosk_store_get_db (import->store),
                         "CREATE TEMP TABLE IF NOT EXISTS staged_texts ("
                         "  article INTEGER NOT NULL, lang TEXT NOT NULL,"
                         "  title TEXT NOT NULL, summary TEXT NOT NULL,"
                         "  tags TEXT NOT NULL, body TEXT NOT NULL,"
                         "  PRIMARY KEY (article, lang));"
                         "CREATE TEMP TABLE IF NOT EXISTS gone_articles (rowid INTEGER PRIMARY KEY);",
                         NULL, NULL, NULL);

  return rc == SQLITE_OK || store_failed (import, rc, error);
}

static gboolean
apply_in_transaction (Import  *import,
                      GError **error)
{
  if (!kiosk_store_begin_write (import->store, error))
    return FALSE;

  if (!create_staging_tables (import, error) || !apply_all (import, error) || !kiosk_store_commit (import->store, error))
    {
      kiosk_store_rollback (import->store);
      return FALSE;
    }
  return TRUE;
}

static GStrv
collect_keys (KioskStore  *store,
              GStrv        extra_keys,
              GError     **error)
{
  g_autoptr(GPtrArray) pinned = kiosk_store_list_trusted_keys (store, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (pinned == NULL)
    return NULL;
  for (guint i = 0; i < pinned->len; i++)
    g_strv_builder_add (builder, pinned->pdata[i]);
  if (extra_keys != NULL)
    g_strv_builder_addv (builder, (const char **) extra_keys);
  return g_strv_builder_end (builder);
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
import_init (Import            *import,
             KioskStore        *store,
             KioskManifest     *manifest,
             KioskImportResult *result)
{
  import->store = store;
  import->manifest = manifest;
  import->result = result;
  import->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->in_manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  import->statements = g_hash_table_new_full (NULL, NULL, NULL, statement_free);
}

/* The one path for a verified manifest, whether it came whole or from a delta. */
static KioskImportResult *
import_verified (KioskStore        *store,
                 KioskManifest     *manifest,
                 KioskChanges      *changes,
                 GFile             *objects_dir,
                 KioskImportFlags   flags,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(KioskImportResult) result = g_new0 (KioskImportResult, 1);

  import_init (&import, store, manifest, result);
  import.changes = changes;
  import.objects_dir = objects_dir;
  import.cancellable = cancellable;
  result->source = g_strdup (manifest->repository);
  result->new_version = manifest->version;

  if (!check_version (&import, error))
    return NULL;
  if (result->up_to_date)
    return g_steal_pointer (&result);
  if (!check_expiry (&import, error))
    return NULL;

  load_held_objects (&import);
  if (!collect_changes (&import, error))
    return NULL;
  count_article_changes (&import);

  if (!(flags & KIOSK_IMPORT_DRY_RUN) && !apply_in_transaction (&import, error))
    return NULL;

  g_debug ("Imported %s version %" G_GINT64_FORMAT ": %u objects read, +%u ~%u -%u articles",
           result->source, result->new_version, result->objects_read, result->articles_added,
           result->articles_updated, result->articles_removed);
  return g_steal_pointer (&result);
}

KioskImportResult *
kiosk_import_manifest (KioskStore        *store,
                       GBytes            *envelope,
                       GFile             *objects_dir,
                       GStrv              extra_keys,
                       KioskImportFlags   flags,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(KioskManifest) manifest = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (objects_dir), NULL);

  if (!(keys = collect_keys (store, extra_keys, error)) ||
      !(manifest = kiosk_manifest_new_verified (envelope, keys, error)))
    return NULL;
  return import_verified (store, manifest, NULL, objects_dir, flags, cancellable, error);
}

static GBytes *
load_envelope (GFile         *repo,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (repo, KIOSK_MANIFEST_FILE);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  char *contents = NULL;
  gsize len = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &io_error);
  if (info != NULL && g_file_info_get_size (info) > KIOSK_MANIFEST_MAX_SIZE)
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_MALFORMED,
                   _("The content package is damaged: its list of contents is too large."));
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, cancellable, &contents, &len, NULL, &io_error))
    {
      g_autofree char *where = g_file_get_parse_name (repo);

      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&io_error));
      else
        g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_NOT_FOUND,
                     _("There is no Góc Trẻ Em content in %s."), where);
      return NULL;
    }
  return g_bytes_new_take (contents, len);
}

KioskImportResult *
kiosk_import_repository (KioskStore        *store,
                         GFile             *repo,
                         GStrv              extra_keys,
                         KioskImportFlags   flags,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GFile) objects_dir = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (repo), NULL);

  envelope = load_envelope (repo, cancellable, error);
  if (envelope == NULL)
    return NULL;
  objects_dir = g_file_get_child (repo, KIOSK_OBJECTS_DIR);
  return kiosk_import_manifest (store, envelope, objects_dir, extra_keys, flags, cancellable,
                                error);
}

static gboolean
step_finds_row (sqlite3_stmt *stmt)
{
  gboolean found = sqlite3_step (stmt) == SQLITE_ROW;

  sqlite3_reset (stmt);
  return found;
}

/* What collect_changes () will not read: this source's own object at the same hash,
 * or picture bytes the store already has. Another source's article or hotlines with
 * the same hash does not count: the importer needs the bytes of those. */
static gboolean
object_is_held (KioskManifest       *manifest,
                KioskManifestObject *entry,
                sqlite3_stmt        *by_object,
                sqlite3_stmt        *by_media)
{
  sqlite3_bind_text (by_object, 1, manifest->repository, -1, SQLITE_STATIC);
  sqlite3_bind_text (by_object, 2, kiosk_object_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (by_object, 3, entry->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (by_object, 4, entry->sha256, -1, SQLITE_STATIC);
  if (step_finds_row (by_object))
    return TRUE;
  if (entry->kind != KIOSK_OBJECT_MEDIA)
    return FALSE;
  sqlite3_bind_text (by_media, 1, entry->sha256, -1, SQLITE_STATIC);
  return step_finds_row (by_media);
}

GPtrArray *
kiosk_import_missing_objects (KioskStore     *store,
                              KioskManifest  *manifest,
                              GError        **error)
{
  sqlite3 *db = kiosk_store_get_db (store);
  sqlite3_stmt *by_object = NULL, *by_media = NULL;
  GPtrArray *missing;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (manifest != NULL, NULL);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT 1 FROM objects"
                           " WHERE source = ?1 AND kind = ?2 AND id = ?3 AND sha256 = ?4",
                           -1, &by_object, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT 1 FROM media WHERE sha256 = ?1", -1, &by_media, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (by_object);
      kiosk_store_set_error (store, rc, error);
      return NULL;
    }

  missing = g_ptr_array_new ();
  for (guint i = 0; i < manifest->objects->len; i++)
    if (!object_is_held (manifest, manifest->objects->pdata[i], by_object, by_media))
      g_ptr_array_add (missing, manifest->objects->pdata[i]);

  sqlite3_finalize (by_object);
  sqlite3_finalize (by_media);
  return missing;
}

/* ---- checks before a download, deltas, removing a source ---- */

gboolean
kiosk_import_check_manifest (KioskStore     *store,
                             KioskManifest  *manifest,
                             gboolean       *up_to_date,
                             GError        **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(KioskImportResult) result = g_new0 (KioskImportResult, 1);

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (manifest != NULL, FALSE);

  import_init (&import, store, manifest, result);
  if (!check_version (&import, error))
    return FALSE;
  if (up_to_date != NULL)
    *up_to_date = result->up_to_date;
  return result->up_to_date || check_expiry (&import, error);
}

static gboolean
kind_from_column (const char      *str,
                  KioskObjectKind *kind)
{
  for (KioskObjectKind k = KIOSK_OBJECT_HOTLINES; k <= KIOSK_OBJECT_MEDIA; k++)
    if (g_strcmp0 (str, kiosk_object_kind_to_string (k)) == 0)
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* The objects this source has applied. Their sizes are not kept; they are never read
 * again, since the store holds them at the same hash. */
static GPtrArray *
list_held_objects (Import *import)
{
  GPtrArray *held = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_manifest_object_free);
  sqlite3_stmt *stmt = query_row (import, "SELECT kind, id, sha256 FROM objects WHERE source = ?1",
                                  "s", import->changes->repository);

  for (; stmt != NULL; )
    {
      KioskObjectKind kind;

      if (kind_from_column ((const char *) sqlite3_column_text (stmt, 0), &kind))
        g_ptr_array_add (held, kiosk_manifest_object_new (kind,
                                                          (const char *) sqlite3_column_text (stmt, 1),
                                                          (const char *) sqlite3_column_text (stmt, 2),
                                                          0));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        break;
    }
  return held;
}

KioskManifest *
kiosk_import_resolve_changes (KioskStore     *store,
                              KioskChanges   *changes,
                              GError        **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(KioskImportResult) result = g_new0 (KioskImportResult, 1);
  g_autoptr(GPtrArray) held = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  import_init (&import, store, NULL, result);
  import.changes = changes;
  if (!check_base (&import, error))
    return NULL;
  held = list_held_objects (&import);
  return kiosk_manifest_new_from_changes (changes, held, error);
}

KioskImportResult *
kiosk_import_changes (KioskStore        *store,
                      GBytes            *envelope,
                      GFile             *objects_dir,
                      GStrv              extra_keys,
                      KioskImportFlags   flags,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_autoptr(KioskChanges) changes = NULL;
  g_autoptr(KioskManifest) manifest = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (objects_dir), NULL);

  if (!(keys = collect_keys (store, extra_keys, error)) ||
      !(changes = kiosk_changes_new_verified (envelope, keys, error)) ||
      !(manifest = kiosk_import_resolve_changes (store, changes, error)))
    return NULL;
  return import_verified (store, manifest, changes, objects_dir, flags, cancellable, error);
}

static gboolean
remove_source_rows (Import      *import,
                    const char  *id,
                    GError     **error)
{
  load_held_objects (import);
  return create_staging_tables (import, error) && remove_objects (import, TRUE, error) &&
         run (import, error, "DELETE FROM hotlines WHERE source = ?1", "s", id) &&
         run (import, error, "DELETE FROM trusted_keys WHERE source = ?1", "s", id) &&
         run (import, error, "DELETE FROM sources WHERE id = ?1", "s", id);
}

gboolean
kiosk_import_remove_source (KioskStore  *store,
                            const char  *id,
                            GError     **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(KioskImportResult) result = g_new0 (KioskImportResult, 1);
  KioskManifest manifest = { .repository = (char *) id };

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  import_init (&import, store, &manifest, result);
  if (!kiosk_store_begin_write (store, error))
    return FALSE;
  if (!remove_source_rows (&import, id, error) || !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
