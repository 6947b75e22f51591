/* kiosk-manifest.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signed envelope (docs/repository-format.md): nothing of the body is parsed
 * until a pinned key's signature over its exact bytes has verified.
 */

#define G_LOG_DOMAIN "kiosk-repo"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-manifest.h"
#include "kiosk-repo-format.h"

G_DEFINE_QUARK (kiosk-import-error-quark, kiosk_import_error)

static const char *kind_names[] = { "hotlines", "topic", "article", "media" };

const char *
kiosk_object_kind_to_string (KioskObjectKind kind)
{
  g_return_val_if_fail (kind <= KIOSK_OBJECT_MEDIA, NULL);
  return kind_names[kind];
}

static gboolean
kind_from_string (const char      *str,
                  KioskObjectKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
malformed (GError     **error,
           const char  *detail)
{
  g_debug ("Malformed manifest: %s", detail);
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_MALFORMED,
               _("The content package is damaged: its list of contents cannot be read (%s)."),
               detail);
  return FALSE;
}

static void
manifest_object_free (KioskManifestObject *object)
{
  g_free (object->id);
  g_free (object->sha256);
  g_free (object);
}

void
kiosk_manifest_free (KioskManifest *self)
{
  if (self == NULL)
    return;
  g_free (self->repository);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_free (self->name[0]);
  g_free (self->name[1]);
  g_free (self->public_url);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_free (self->sha256);
  g_free (self->signed_by);
  g_free (self);
}

static gboolean
key_is_trusted (const char *key,
                GStrv       trusted_keys)
{
  return trusted_keys != NULL && g_strv_contains ((const char * const *) trusted_keys, key);
}

/* One "signature ed25519 KEY SIG" line. Returns TRUE with *verified set when the line
 * is well-formed; *trusted tells whether its key is one we pin. */
static gboolean
check_signature_line (const char   *line,
                      const guint8 *body,
                      gsize         body_len,
                      GStrv         trusted_keys,
                      gboolean     *trusted,
                      gboolean     *verified,
                      char        **key_out)
{
  g_auto(GStrv) parts = g_strsplit (line, " ", -1);
  g_autofree guchar *key = NULL;
  g_autofree guchar *sig = NULL;
  g_autofree char *canonical = NULL;
  gsize key_len = 0, sig_len = 0;

  if (g_strv_length (parts) != 4 || strcmp (parts[0], "signature") != 0 ||
      strcmp (parts[1], "ed25519") != 0)
    return FALSE;

  key = g_base64_decode (parts[2], &key_len);
  sig = g_base64_decode (parts[3], &sig_len);
  if (key_len != KIOSK_KEY_SIZE || sig_len != KIOSK_SIGNATURE_SIZE)
    return FALSE;

  canonical = g_base64_encode (key, key_len);
  *trusted = key_is_trusted (canonical, trusted_keys);
  *verified = *trusted && crypto_sign_verify_detached (sig, body, body_len, key) == 0;
  if (*verified)
    *key_out = g_steal_pointer (&canonical);
  return TRUE;
}

/* Splits the envelope and checks its signatures; on success *body_out points into
 * @data at the signed bytes. */
static gboolean
verify_envelope (const char   *data,
                 gsize         len,
                 GStrv         trusted_keys,
                 const char  **body_out,
                 gsize        *body_len_out,
                 char        **signed_by,
                 GError      **error)
{
  const char *magic_end = memchr (data, '\n', len);
  const char *sep = g_strstr_len (data, MIN (len, 4096), "\n\n");
  g_autofree char *header = NULL;
  g_auto(GStrv) lines = NULL;
  const char *body;
  gsize body_len;
  gboolean any_trusted = FALSE;
  guint n_sigs = 0;

  if (magic_end == NULL || sep == NULL ||
      (gsize) (magic_end - data) != strlen (KIOSK_MANIFEST_MAGIC) ||
      memcmp (data, KIOSK_MANIFEST_MAGIC, magic_end - data) != 0)
    return malformed (error, "no manifest header");

  header = g_strndup (magic_end + 1, sep - magic_end - 1);
  lines = g_strsplit (header, "\n", -1);
  body = sep + 2;
  body_len = len - (body - data);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean trusted = FALSE, verified = FALSE;

      if (++n_sigs > KIOSK_MANIFEST_MAX_SIGNATURES ||
          !check_signature_line (lines[i], (const guint8 *) body, body_len, trusted_keys,
                                 &trusted, &verified, signed_by))
        return malformed (error, "bad signature line");
      if (verified)
        {
          *body_out = body;
          *body_len_out = body_len;
          return TRUE;
        }
      any_trusted |= trusted;
    }

  if (any_trusted)
    g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_BAD_SIGNATURE,
                 _("The content package was changed after it was signed, so it was refused. Nothing was changed."));
  else
    g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_UNTRUSTED,
                 _("The content package is not signed by a publisher this kiosk trusts, so it was refused. Nothing was changed."));
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
parse_object_entry (JsonNode       *node,
                    GHashTable     *seen,
                    GPtrArray      *objects,
                    GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  KioskManifestObject *object;
  JsonObject *entry;
  const char *id, *kind, *sha;
  KioskObjectKind k;
  gint64 size;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return malformed (error, "object entry is not an object");
  entry = json_node_get_object (node);
  id = member_string (entry, "id");
  kind = member_string (entry, "kind");
  sha = member_string (entry, "sha256");
  if (id == NULL || kind == NULL || sha == NULL || !member_int (entry, "size", &size))
    return malformed (error, "object entry lacks a field");
  if (!kind_from_string (kind, &k))
    return malformed (error, "unknown object kind");

  if (k == KIOSK_OBJECT_MEDIA ? !kiosk_media_id_is_valid (id) : !kiosk_object_id_is_valid (id))
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_BAD_NAME,
                   _("The content package names a file in a way that is not allowed (“%s”), so it was refused. Nothing was changed."),
                   id);
      return FALSE;
    }
  if (!kiosk_sha256_hex_is_valid (sha) || size <= 0 || size > KIOSK_OBJECT_MAX_SIZE)
    return malformed (error, "bad object hash or size");
  if (!g_hash_table_add (seen, g_strconcat (kind, "/", id, NULL)))
    return malformed (error, "duplicate object id");

  object = g_new0 (KioskManifestObject, 1);
  object->id = g_strdup (id);
  object->kind = k;
  object->sha256 = g_strdup (sha);
  object->size = size;
  g_ptr_array_add (objects, object);
  return TRUE;
}

static gboolean
parse_objects (KioskManifest  *self,
               JsonArray      *array,
               GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = json_array_get_length (array);
  guint n_hotlines = 0;

  if (n > KIOSK_MANIFEST_MAX_OBJECTS)
    return malformed (error, "too many objects");

  self->objects = g_ptr_array_new_full (n, (GDestroyNotify) manifest_object_free);
  for (guint i = 0; i < n; i++)
    {
      KioskManifestObject *object;

      if (!parse_object_entry (json_array_get_element (array, i), seen, self->objects, error))
        return FALSE;
      object = g_ptr_array_index (self->objects, self->objects->len - 1);
      n_hotlines += object->kind == KIOSK_OBJECT_HOTLINES;
    }
  if (n_hotlines != 1)
    return malformed (error, "there must be exactly one hotlines object");
  return TRUE;
}

static void
parse_names (KioskManifest *self,
             JsonObject    *root)
{
  JsonNode *node = json_object_get_member (root, "name");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *names = json_node_get_object (node);

      self->name[KIOSK_LANG_VI] = g_strdup (member_string (names, "vi"));
      self->name[KIOSK_LANG_EN] = g_strdup (member_string (names, "en"));
    }
  self->public_url = g_strdup (member_string (root, "public-url"));
}

static gboolean
parse_body (KioskManifest  *self,
            const char     *body,
            gsize           body_len,
            GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  JsonObject *root;
  JsonNode *objects;
  gint64 format;

  if (!g_utf8_validate (body, body_len, NULL) ||
      !json_parser_load_from_data (parser, body, body_len, &json_error))
    return malformed (error, json_error ? json_error->message : "not UTF-8");
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return malformed (error, "not a JSON object");

  root = json_node_get_object (json_parser_get_root (parser));
  if (!member_int (root, "format", &format) || format != 1)
    return malformed (error, "unknown format");

  self->repository = g_strdup (member_string (root, "repository"));
  if (!kiosk_repo_id_is_valid (self->repository))
    return malformed (error, "bad repository id");
  if (!member_int (root, "version", &self->version) || self->version < 1)
    return malformed (error, "bad version");

  self->created = g_date_time_new_from_iso8601 (member_string (root, "created") ?: "", NULL);
  self->expires = g_date_time_new_from_iso8601 (member_string (root, "expires") ?: "", NULL);
  if (self->created == NULL || self->expires == NULL)
    return malformed (error, "bad dates");

  objects = json_object_get_member (root, "objects");
  if (objects == NULL || !JSON_NODE_HOLDS_ARRAY (objects))
    return malformed (error, "no object list");

  parse_names (self, root);
  return parse_objects (self, json_node_get_array (objects), error);
}

KioskManifest *
kiosk_manifest_new_verified (GBytes  *envelope,
                             GStrv    trusted_keys,
                             GError **error)
{
  g_autoptr(KioskManifest) self = NULL;
  const char *data, *body = NULL;
  gsize len, body_len = 0;
  g_autofree char *signed_by = NULL;

  g_return_val_if_fail (envelope != NULL, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  data = g_bytes_get_data (envelope, &len);
  if (len == 0 || len > KIOSK_MANIFEST_MAX_SIZE)
    {
      malformed (error, "empty or too large");
      return NULL;
    }
  if (!verify_envelope (data, len, trusted_keys, &body, &body_len, &signed_by, error))
    return NULL;

  self = g_new0 (KioskManifest, 1);
  self->signed_by = g_steal_pointer (&signed_by);
  self->sha256 = kiosk_sha256_hex ((const guint8 *) body, body_len);
  if (!parse_body (self, body, body_len, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
kiosk_manifest_is_expired (KioskManifest *self,
                           GDateTime     *now)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return g_date_time_compare (self->expires, now) <= 0;
}
