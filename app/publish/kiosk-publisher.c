/* kiosk-publisher.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-publish-changes.h"
#include "kiosk-repo-format.h"
#include "kiosk-publisher.h"

/* One object of the manifest, with the bytes stored under objects/<sha256>. */
typedef struct
{
  char       *id;
  const char *kind;
  GBytes     *bytes;
  char       *sha256;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_bytes_unref (entry->bytes);
  g_free (entry->sha256);
  g_free (entry);
}

/* Keys */

static void
init_sodium (void)
{
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

static gboolean
write_secret_key (GOutputStream  *out,
                  const guint8   *secret_key,
                  GError        **error)
{
  g_autofree char *line = g_base64_encode (secret_key, KIOSK_SECRET_KEY_SIZE);
  gboolean ok;

  ok = g_output_stream_write_all (out, line, strlen (line), NULL, NULL, error) &&
       g_output_stream_write_all (out, "\n", 1, NULL, NULL, error) &&
       g_output_stream_close (out, NULL, error);
  sodium_memzero (line, strlen (line));
  return ok;
}

/* Writes a new secret key to @path (mode 0600, never over an existing file) and returns
 * the public key in base64. */
gboolean
kiosk_publisher_generate_key (const char  *path,
                              char       **public_key,
                              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sk[crypto_sign_SECRETKEYBYTES];
  gboolean ok;

  g_return_val_if_fail (path != NULL && public_key != NULL, FALSE);

  init_sodium ();
  out = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &local_error);
  if (out == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_KEY,
                   _("%s already exists; a key file is never overwritten"), path);
      return FALSE;
    }
  if (out == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  crypto_sign_keypair (pk, sk);
  ok = write_secret_key (G_OUTPUT_STREAM (out), sk, error);
  sodium_memzero (sk, sizeof sk);
  if (!ok)
    {
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  *public_key = g_base64_encode (pk, sizeof pk);
  return TRUE;
}

static gboolean
is_base64 (const char *text)
{
  gsize len = strlen (text);

  if (len == 0 || len % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/' && text[i] != '=')
      return FALSE;
  return TRUE;
}

/* A libsodium secret key is the seed followed by its public key; they must agree. */
static gboolean
is_secret_key (const guint8 *key,
               gsize         len)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sk[crypto_sign_SECRETKEYBYTES];
  gboolean same;

  if (len != KIOSK_SECRET_KEY_SIZE)
    return FALSE;
  crypto_sign_seed_keypair (pk, sk, key);
  same = sodium_memcmp (sk, key, sizeof sk) == 0;
  sodium_memzero (sk, sizeof sk);
  return same;
}

gboolean
kiosk_publisher_load_key (const char  *path,
                          guint8      *secret_key,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree guint8 *raw = NULL;
  gsize len = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL && secret_key != NULL, FALSE);

  init_sodium ();
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  g_strstrip (contents);
  if (is_base64 (contents))
    raw = g_base64_decode (contents, &len);
  ok = raw != NULL && is_secret_key (raw, len);
  if (ok)
    memcpy (secret_key, raw, KIOSK_SECRET_KEY_SIZE);
  else
    g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_KEY,
                 _("%s is not a secret key made by goc-tre-em-publish --generate-key"), path);
  sodium_memzero (contents, strlen (contents));
  if (raw != NULL)
    sodium_memzero (raw, len);
  return ok;
}

/* JSON: members always in the same order, no white space, so unchanged sources give
 * byte-identical objects and a kiosk downloads only what changed. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_bilingual (JsonBuilder *builder,
               const char  *name,
               char * const texts[KIOSK_N_LANGS])
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    add_string (builder, kiosk_lang_to_string (lang), texts[lang]);
  json_builder_end_object (builder);
}

static void
add_strv (JsonBuilder       *builder,
          const char        *name,
          const char *const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize len;
  char *data;

  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);
  return g_bytes_new_take (data, len);
}

GBytes *
kiosk_publisher_topic_object (const KioskSourceTopic *topic)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (topic != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", topic->id);
  add_int (builder, "order", topic->order);
  add_string (builder, "icon", topic->icon);
  add_bilingual (builder, "title", topic->title);
  add_bilingual (builder, "summary", topic->summary);
  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

static void
add_article_text (JsonBuilder           *builder,
                  KioskLang              lang,
                  const KioskSourceText *text)
{
  json_builder_set_member_name (builder, kiosk_lang_to_string (lang));
  json_builder_begin_object (builder);
  add_string (builder, "title", text->title);
  add_string (builder, "summary", text->summary);
  add_strv (builder, "tags", (const char * const *) text->tags);
  add_string (builder, "body", text->body);
  json_builder_end_object (builder);
}

GBytes *
kiosk_publisher_article_object (const KioskSourceArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (article != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", article->id);
  add_string (builder, "topic", article->topic);
  add_int (builder, "order", article->order);
  add_string (builder, "updated", article->updated);
  if (article->basis != NULL)
    add_string (builder, "basis", article->basis);
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    add_article_text (builder, lang, &article->text[lang]);
  add_strv (builder, "media", (const char * const *) article->media);
  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

static void
add_hotline (JsonBuilder              *builder,
             const KioskSourceHotline *hotline)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", hotline->id);
  add_string (builder, "number", hotline->number);
  add_bool (builder, "national", hotline->national);
  add_bool (builder, "free", hotline->free);
  add_bilingual (builder, "name", hotline->name);
  add_bilingual (builder, "purpose", hotline->purpose);
  add_bilingual (builder, "hours", hotline->hours);
  json_builder_end_object (builder);
}

GBytes *
kiosk_publisher_hotlines_object (GPtrArray *hotlines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (hotlines != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < hotlines->len; i++)
    add_hotline (builder, g_ptr_array_index (hotlines, i));
  json_builder_end_array (builder);
  return builder_to_bytes (builder);
}

/* The objects */

static void
add_entry (GPtrArray  *entries,
           const char *id,
           const char *kind,
           GBytes     *bytes)
{
  Entry *entry = g_new0 (Entry, 1);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  entry->id = g_strdup (id);
  entry->kind = kind;
  entry->bytes = bytes;
  entry->sha256 = kiosk_sha256_hex (data, len);
  g_ptr_array_add (entries, entry);
}

/* In the manifest's order: the hotlines, then topics, articles and media as sorted by
 * the source. */
static GPtrArray *
build_entries (KioskContentSource *source)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  GPtrArray *topics = kiosk_content_source_get_topics (source);
  GPtrArray *articles = kiosk_content_source_get_articles (source);
  GPtrArray *media = kiosk_content_source_get_media (source);

  add_entry (entries, "hotlines", "hotlines",
             kiosk_publisher_hotlines_object (kiosk_content_source_get_hotlines (source)));
  for (guint i = 0; i < topics->len; i++)
    {
      KioskSourceTopic *topic = g_ptr_array_index (topics, i);

      add_entry (entries, topic->id, "topic", kiosk_publisher_topic_object (topic));
    }
  for (guint i = 0; i < articles->len; i++)
    {
      KioskSourceArticle *article = g_ptr_array_index (articles, i);

      add_entry (entries, article->id, "article", kiosk_publisher_article_object (article));
    }
  for (guint i = 0; i < media->len; i++)
    {
      KioskSourceMedia *item = g_ptr_array_index (media, i);

      add_entry (entries, item->id, "media", g_bytes_ref (item->bytes));
    }
  return entries;
}

static gboolean
check_entries (GPtrArray  *entries,
               GError    **error)
{
  if (entries->len > KIOSK_MANIFEST_MAX_OBJECTS)
    {
      g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_TOO_LARGE,
                   _("%u objects; a repository holds at most %u"),
                   entries->len, KIOSK_MANIFEST_MAX_OBJECTS);
      return FALSE;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_bytes_get_size (entry->bytes) > KIOSK_OBJECT_MAX_SIZE)
        {
          g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_TOO_LARGE,
                       _("%s '%s' is larger than %u bytes"),
                       entry->kind, entry->id, KIOSK_OBJECT_MAX_SIZE);
          return FALSE;
        }
    }
  return TRUE;
}

/* The previous manifest */

static gboolean
parse_version (const char  *contents,
               gsize        len,
               gint64      *version)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *body = g_strstr_len (contents, len, "\n\n");
  JsonNode *root;
  JsonNode *member;

  if (!g_str_has_prefix (contents, KIOSK_MANIFEST_MAGIC "\n") || body == NULL)
    return FALSE;
  body += 2;
  if (!json_parser_load_from_data (parser, body, contents + len - body, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  member = json_object_get_member (json_node_get_object (root), "version");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64)
    return FALSE;
  *version = json_node_get_int (member);
  return *version >= 1;
}

/* The signature is not checked: the key may have changed since, and a version read from
 * a tampered file can only make the next one higher. */
static gboolean
read_previous_version (const char  *output_dir,
                       gint64      *version,
                       GError     **error)
{
  g_autofree char *path = g_build_filename (output_dir, KIOSK_MANIFEST_FILE, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  *version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  if (parse_version (contents, len, version))
    return TRUE;
  g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_OUTPUT,
               _("%s is not a manifest this tool can read; move it away to publish afresh"),
               path);
  return FALSE;
}

/* Writing */

static gboolean
is_same_file (const char *path,
              GBytes     *bytes)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr(GBytes) old = NULL;

  if (mapped == NULL)
    return FALSE;
  old = g_mapped_file_get_bytes (mapped);
  return g_bytes_equal (old, bytes);
}

/* An existing object with the same bytes is left alone, so its mtime and ETag stay. */
static gboolean
write_object (const char  *objects_dir,
              Entry       *entry,
              guint       *n_written,
              GError     **error)
{
  g_autofree char *path = g_build_filename (objects_dir, entry->sha256, NULL);
  gsize len;
  const char *data = g_bytes_get_data (entry->bytes, &len);

  if (is_same_file (path, entry->bytes))
    return TRUE;
  (*n_written)++;
  return g_file_set_contents (path, data, len, error);
}

static gboolean
write_objects (const char  *output_dir,
               GPtrArray   *entries,
               guint       *n_written,
               GError     **error)
{
  g_autofree char *objects_dir = g_build_filename (output_dir, KIOSK_OBJECTS_DIR, NULL);

  if (g_mkdir_with_parents (objects_dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), objects_dir, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < entries->len; i++)
    if (!write_object (objects_dir, g_ptr_array_index (entries, i), n_written, error))
      return FALSE;
  return TRUE;
}

/* Only names that look like objects are touched: other files someone keeps there stay. */
static guint
remove_stale_objects (const char *output_dir,
                      GPtrArray  *entries)
{
  g_autofree char *objects_dir = g_build_filename (output_dir, KIOSK_OBJECTS_DIR, NULL);
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDir) dir = g_dir_open (objects_dir, 0, NULL);
  const char *name;
  guint n_removed = 0;

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (keep, ((Entry *) g_ptr_array_index (entries, i))->sha256);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (objects_dir, name, NULL);

      if (!kiosk_sha256_hex_is_valid (name) || g_hash_table_contains (keep, name))
        continue;
      if (g_unlink (path) == 0)
        n_removed++;
      else
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
  return n_removed;
}

/* The manifest */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_manifest_objects (JsonBuilder *builder,
                      GPtrArray   *entries)
{
  json_builder_set_member_name (builder, "objects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", entry->id);
      add_string (builder, "kind", entry->kind);
      add_string (builder, "sha256", entry->sha256);
      add_int (builder, "size", g_bytes_get_size (entry->bytes));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_repository_name (JsonBuilder        *builder,
                     KioskContentSource *source)
{
  char *name[KIOSK_N_LANGS];

  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    if ((name[lang] = (char *) kiosk_content_source_get_name (source, lang)) == NULL)
      return;
  add_bilingual (builder, "name", name);
}

static GBytes *
build_manifest (KioskContentSource *source,
                GPtrArray          *entries,
                gint64              version,
                GDateTime          *now,
                guint               expires_days)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) expires = g_date_time_add_days (now, expires_days);
  g_autofree char *created_text = format_time (now);
  g_autofree char *expires_text = format_time (expires);
  const char *public_url = kiosk_content_source_get_public_url (source);

  json_builder_begin_object (builder);
  add_int (builder, "format", 1);
  add_string (builder, "repository", kiosk_content_source_get_repository_id (source));
  add_int (builder, "version", version);
  add_string (builder, "created", created_text);
  add_string (builder, "expires", expires_text);
  add_repository_name (builder, source);
  if (public_url != NULL)
    add_string (builder, "public-url", public_url);
  add_manifest_objects (builder, entries);
  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

static char *
sign_manifest (GBytes        *body,
               const guint8  *secret_key,
               gsize         *len,
               GError       **error)
{
  g_autofree char *envelope = kiosk_manifest_envelope_sign (body, secret_key, len);

  if (*len <= KIOSK_MANIFEST_MAX_SIZE)
    return g_steal_pointer (&envelope);
  g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_TOO_LARGE,
               _("the manifest would be %zu bytes; the limit is %u"),
               *len, KIOSK_MANIFEST_MAX_SIZE);
  return NULL;
}

static gboolean
write_manifest (const char  *output_dir,
                const char  *envelope,
                gsize        len,
                GError     **error)
{
  g_autofree char *path = g_build_filename (output_dir, KIOSK_MANIFEST_FILE, NULL);

  return g_file_set_contents (path, envelope, len, error);
}

/* Publishes @source into @output_dir: objects first, then the signed manifest, so a
 * client never sees a manifest naming objects that are not there yet. Objects the new
 * manifest no longer names are removed only after it is in place. @now may be NULL. */
gboolean
kiosk_publisher_publish (KioskContentSource  *source,
                         const guint8        *secret_key,
                         const char          *output_dir,
                         guint                expires_days,
                         GDateTime           *now,
                         KioskPublishResult  *result,
                         GError             **error)
{
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) previous_body = NULL;
  g_autofree char *envelope = NULL;
  g_autofree char *manifest_path = g_build_filename (output_dir, KIOSK_MANIFEST_FILE, NULL);
  KioskPublishResult done = { 0, };
  gint64 previous;
  gsize len;

  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (source), FALSE);
  g_return_val_if_fail (secret_key != NULL && output_dir != NULL, FALSE);
  g_return_val_if_fail (expires_days > 0, FALSE);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  if (!read_previous_version (output_dir, &previous, error))
    return FALSE;
  previous_body = kiosk_publish_read_body (manifest_path);
  done.version = MAX (previous + 1, g_date_time_to_unix (now));
  entries = build_entries (source);
  if (!check_entries (entries, error))
    return FALSE;
  body = build_manifest (source, entries, done.version, now, expires_days);
  if ((envelope = sign_manifest (body, secret_key, &len, error)) == NULL ||
      !write_objects (output_dir, entries, &done.n_written, error) ||
      !write_manifest (output_dir, envelope, len, error) ||
      !kiosk_publish_changes (output_dir, previous_body, body, done.version, secret_key, error))
    return FALSE;
  done.n_objects = entries->len;
  done.n_removed = remove_stale_objects (output_dir, entries);
  if (result != NULL)
    *result = done;
  return TRUE;
}
