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
#include "kiosk-sha256.h"

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

void
kiosk_manifest_object_free (KioskManifestObject *object)
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

  self->objects = g_ptr_array_new_full (n, (GDestroyNotify) kiosk_manifest_object_free);
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

/* The signed body of a manifest or changes file, once a pinned key's signature over
 * its exact bytes has verified; @body points into @envelope. */
static gboolean
open_envelope (GBytes      *envelope,
               GStrv        trusted_keys,
               const char **body,
               gsize       *body_len,
               char       **signed_by,
               GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (envelope, &len);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  if (len == 0 || len > KIOSK_MANIFEST_MAX_SIZE)
    return malformed (error, "empty or too large");
  return verify_envelope (data, len, trusted_keys, body, body_len, signed_by, error);
}

KioskManifest *
kiosk_manifest_new_verified (GBytes  *envelope,
                             GStrv    trusted_keys,
                             GError **error)
{
  g_autoptr(KioskManifest) self = NULL;
  const char *body = NULL;
  gsize body_len = 0;
  g_autofree char *signed_by = NULL;

  g_return_val_if_fail (envelope != NULL, NULL);

  if (!open_envelope (envelope, trusted_keys, &body, &body_len, &signed_by, error))
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

/* ---- changes files: signed deltas between two manifests ---- */

KioskManifestObject *
kiosk_manifest_object_new (KioskObjectKind  kind,
                           const char      *id,
                           const char      *sha256,
                           gint64           size)
{
  KioskManifestObject *object = g_new0 (KioskManifestObject, 1);

  object->kind = kind;
  object->id = g_strdup (id);
  object->sha256 = g_strdup (sha256);
  object->size = size;
  return object;
}

void
kiosk_changes_free (KioskChanges *self)
{
  if (self == NULL)
    return;
  g_free (self->repository);
  g_free (self->base_sha256);
  g_free (self->manifest_sha256);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_free (self->name[0]);
  g_free (self->name[1]);
  g_free (self->public_url);
  g_free (self->objects_digest);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_free (self->signed_by);
  g_free (self);
}

/* A removal names an object by kind and id only. */
static gboolean
parse_removed_entry (JsonNode    *node,
                     GHashTable  *seen,
                     GPtrArray   *removed,
                     GError     **error)
{
  JsonObject *entry;
  const char *id, *kind;
  KioskObjectKind k;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return malformed (error, "removal is not an object");
  entry = json_node_get_object (node);
  id = member_string (entry, "id");
  kind = member_string (entry, "kind");
  if (id == NULL || kind == NULL || !kind_from_string (kind, &k) || k == KIOSK_OBJECT_HOTLINES)
    return malformed (error, "bad removal");
  if (k == KIOSK_OBJECT_MEDIA ? !kiosk_media_id_is_valid (id) : !kiosk_object_id_is_valid (id))
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_BAD_NAME,
                   _("The content package names a file in a way that is not allowed (“%s”), so it was refused. Nothing was changed."),
                   id);
      return FALSE;
    }
  if (!g_hash_table_add (seen, g_strconcat (kind, "/", id, NULL)))
    return malformed (error, "duplicate object id");
  g_ptr_array_add (removed, kiosk_manifest_object_new (k, id, NULL, 0));
  return TRUE;
}

static gboolean
parse_change_lists (KioskChanges  *self,
                    JsonObject    *root,
                    GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *changed = json_object_get_member (root, "changed");
  JsonNode *removed = json_object_get_member (root, "removed");
  JsonArray *changed_list, *removed_list;

  if (changed == NULL || removed == NULL || !JSON_NODE_HOLDS_ARRAY (changed) ||
      !JSON_NODE_HOLDS_ARRAY (removed))
    return malformed (error, "no change lists");
  changed_list = json_node_get_array (changed);
  removed_list = json_node_get_array (removed);
  if (json_array_get_length (changed_list) + json_array_get_length (removed_list) >
      KIOSK_MANIFEST_MAX_OBJECTS)
    return malformed (error, "too many changes");

  self->changed = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_manifest_object_free);
  self->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_manifest_object_free);
  for (guint i = 0; i < json_array_get_length (changed_list); i++)
    if (!parse_object_entry (json_array_get_element (changed_list, i), seen, self->changed, error))
      return FALSE;
  for (guint i = 0; i < json_array_get_length (removed_list); i++)
    if (!parse_removed_entry (json_array_get_element (removed_list, i), seen, self->removed, error))
      return FALSE;
  return TRUE;
}

static gboolean
parse_change_header (KioskChanges  *self,
                     JsonObject    *root,
                     GError       **error)
{
  gint64 format;

  /* A manifest has "objects" and a delta never does: neither can pass for the other,
   * whatever envelope it is put in. */
  if (!member_int (root, "format", &format) || format != 1 ||
      json_object_has_member (root, "objects"))
    return malformed (error, "not a changes file");

  self->repository = g_strdup (member_string (root, "repository"));
  self->base_sha256 = g_strdup (member_string (root, "base-sha256"));
  self->manifest_sha256 = g_strdup (member_string (root, "manifest-sha256"));
  self->objects_digest = g_strdup (member_string (root, "objects-digest"));
  if (!kiosk_repo_id_is_valid (self->repository) ||
      !kiosk_sha256_hex_is_valid (self->base_sha256) ||
      !kiosk_sha256_hex_is_valid (self->manifest_sha256) ||
      !kiosk_sha256_hex_is_valid (self->objects_digest))
    return malformed (error, "bad changes header");
  if (!member_int (root, "base", &self->base) || !member_int (root, "version", &self->version) ||
      self->base < 1 || self->version < self->base)
    return malformed (error, "bad versions");

  self->created = g_date_time_new_from_iso8601 (member_string (root, "created") ?: "", NULL);
  self->expires = g_date_time_new_from_iso8601 (member_string (root, "expires") ?: "", NULL);
  if (self->created == NULL || self->expires == NULL)
    return malformed (error, "bad dates");
  return TRUE;
}

static gboolean
parse_changes_body (KioskChanges  *self,
                    const char    *body,
                    gsize          body_len,
                    GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  g_autoptr(KioskManifest) names = g_new0 (KioskManifest, 1);
  JsonObject *root;

  if (!g_utf8_validate (body, body_len, NULL) ||
      !json_parser_load_from_data (parser, body, body_len, &json_error))
    return malformed (error, json_error ? json_error->message : "not UTF-8");
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return malformed (error, "not a JSON object");

  root = json_node_get_object (json_parser_get_root (parser));
  if (!parse_change_header (self, root, error) || !parse_change_lists (self, root, error))
    return FALSE;
  if (self->version == self->base && (self->changed->len > 0 || self->removed->len > 0))
    return malformed (error, "changes within one version");

  parse_names (names, root);
  self->name[0] = g_steal_pointer (&names->name[0]);
  self->name[1] = g_steal_pointer (&names->name[1]);
  self->public_url = g_steal_pointer (&names->public_url);
  return TRUE;
}

KioskChanges *
kiosk_changes_new_verified (GBytes  *envelope,
                            GStrv    trusted_keys,
                            GError **error)
{
  g_autoptr(KioskChanges) self = NULL;
  const char *body = NULL;
  gsize body_len = 0;
  g_autofree char *signed_by = NULL;

  g_return_val_if_fail (envelope != NULL, NULL);

  if (!open_envelope (envelope, trusted_keys, &body, &body_len, &signed_by, error))
    return NULL;

  self = g_new0 (KioskChanges, 1);
  self->signed_by = g_steal_pointer (&signed_by);
  if (!parse_changes_body (self, body, body_len, error))
    return NULL;
  return g_steal_pointer (&self);
}

static char *
digest_line (KioskManifestObject *object)
{
  return g_strdup_printf ("%s %s %s\n", kiosk_object_kind_to_string (object->kind), object->id,
                          object->sha256);
}

static gint
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

char *
kiosk_manifest_objects_digest (GPtrArray *objects)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_full (objects->len, g_free);
  char *hex = g_malloc (KIOSK_SHA256_HEX_LEN + 1);
  KioskSha256 sha;

  for (guint i = 0; i < objects->len; i++)
    g_ptr_array_add (lines, digest_line (objects->pdata[i]));
  g_ptr_array_sort (lines, compare_lines);
  kiosk_sha256_init (&sha);
  for (guint i = 0; i < lines->len; i++)
    kiosk_sha256_update (&sha, lines->pdata[i], strlen (lines->pdata[i]));
  kiosk_sha256_finish_hex (&sha, hex);
  return hex;
}

static char *
entry_key (KioskManifestObject *object)
{
  return g_strconcat (kiosk_object_kind_to_string (object->kind), "/", object->id, NULL);
}

/* The base list minus what changed or went, then what changed. */
static GPtrArray *
apply_changes (KioskChanges *changes,
               GPtrArray    *held)
{
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_manifest_object_free);

  for (guint i = 0; i < changes->changed->len; i++)
    g_hash_table_add (touched, entry_key (changes->changed->pdata[i]));
  for (guint i = 0; i < changes->removed->len; i++)
    g_hash_table_add (touched, entry_key (changes->removed->pdata[i]));

  for (guint i = 0; i < held->len; i++)
    {
      KioskManifestObject *object = held->pdata[i];
      g_autofree char *key = entry_key (object);

      if (!g_hash_table_contains (touched, key))
        g_ptr_array_add (objects, kiosk_manifest_object_new (object->kind, object->id,
                                                             object->sha256, object->size));
    }
  for (guint i = 0; i < changes->changed->len; i++)
    {
      KioskManifestObject *object = changes->changed->pdata[i];

      g_ptr_array_add (objects, kiosk_manifest_object_new (object->kind, object->id,
                                                           object->sha256, object->size));
    }
  return objects;
}

static gboolean
wrong_base (GError **error)
{
  g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_WRONG_BASE,
               _("The list of changes does not fit the content this kiosk holds, so it was not used. Nothing was changed."));
  return FALSE;
}

KioskManifest *
kiosk_manifest_new_from_changes (KioskChanges  *changes,
                                 GPtrArray     *held,
                                 GError       **error)
{
  g_autoptr(KioskManifest) self = g_new0 (KioskManifest, 1);
  g_autofree char *digest = NULL;
  guint n_hotlines = 0;

  g_return_val_if_fail (changes != NULL, NULL);
  g_return_val_if_fail (held != NULL, NULL);

  self->objects = apply_changes (changes, held);
  digest = kiosk_manifest_objects_digest (self->objects);
  if (g_strcmp0 (digest, changes->objects_digest) != 0)
    {
      wrong_base (error);
      return NULL;
    }
  for (guint i = 0; i < self->objects->len; i++)
    n_hotlines += ((KioskManifestObject *) self->objects->pdata[i])->kind == KIOSK_OBJECT_HOTLINES;
  if (n_hotlines != 1 || self->objects->len > KIOSK_MANIFEST_MAX_OBJECTS)
    {
      malformed (error, "there must be exactly one hotlines object");
      return NULL;
    }

  self->repository = g_strdup (changes->repository);
  self->version = changes->version;
  self->created = g_date_time_ref (changes->created);
  self->expires = g_date_time_ref (changes->expires);
  self->name[0] = g_strdup (changes->name[0]);
  self->name[1] = g_strdup (changes->name[1]);
  self->public_url = g_strdup (changes->public_url);
  self->sha256 = g_strdup (changes->manifest_sha256);
  self->signed_by = g_strdup (changes->signed_by);
  return g_steal_pointer (&self);
}

/* ---- writing changes files (the publisher) ---- */

static KioskManifest *
manifest_from_body (GBytes  *body,
                    GError **error)
{
  g_autoptr(KioskManifest) self = g_new0 (KioskManifest, 1);
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  self->sha256 = kiosk_sha256_hex ((const guint8 *) data, len);
  if (!parse_body (self, data, len, error))
    return NULL;
  return g_steal_pointer (&self);
}

static KioskChanges *
changes_from_body (GBytes  *body,
                   GError **error)
{
  g_autoptr(KioskChanges) self = g_new0 (KioskChanges, 1);
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (!parse_changes_body (self, data, len, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* kind/id -> KioskManifestObject (borrowed) */
static GHashTable *
index_objects (GPtrArray *objects)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    g_hash_table_insert (index, entry_key (objects->pdata[i]), objects->pdata[i]);
  return index;
}

/* What a kiosk holding @base must change to hold @target, merged over @previous:
 * the later change of an object wins. Keyed by kind/id, sorted for stable output. */
static void
diff_objects (KioskManifest *base,
              KioskManifest *target,
              KioskChanges  *previous,
              GHashTable    *changed,
              GHashTable    *removed)
{
  g_autoptr(GHashTable) base_index = index_objects (base->objects);
  g_autoptr(GHashTable) target_index = index_objects (target->objects);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; previous != NULL && i < previous->changed->len; i++)
    g_hash_table_insert (changed, entry_key (previous->changed->pdata[i]),
                         previous->changed->pdata[i]);
  for (guint i = 0; previous != NULL && i < previous->removed->len; i++)
    g_hash_table_insert (removed, entry_key (previous->removed->pdata[i]),
                         previous->removed->pdata[i]);

  g_hash_table_iter_init (&iter, target_index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KioskManifestObject *old = g_hash_table_lookup (base_index, key);

      if (old != NULL && g_str_equal (old->sha256, ((KioskManifestObject *) value)->sha256))
        continue;
      g_hash_table_remove (removed, key);
      g_hash_table_insert (changed, g_strdup (key), value);
    }
  g_hash_table_iter_init (&iter, base_index);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (target_index, key))
      {
        g_hash_table_remove (changed, key);
        g_hash_table_insert (removed, g_strdup (key), value);
      }
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_member_int (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_member_time (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  add_member_string (builder, name, text);
}

static void
add_entries (JsonBuilder *builder,
             const char  *name,
             GHashTable  *entries,
             gboolean     with_hash)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (entries, NULL);
  guint n = g_hash_table_size (entries);

  qsort (keys, n, sizeof (gpointer), (GCompareFunc) compare_lines);
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      KioskManifestObject *object = g_hash_table_lookup (entries, keys[i]);

      json_builder_begin_object (builder);
      add_member_string (builder, "id", object->id);
      add_member_string (builder, "kind", kiosk_object_kind_to_string (object->kind));
      if (with_hash)
        {
          add_member_string (builder, "sha256", object->sha256);
          add_member_int (builder, "size", object->size);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_header (JsonBuilder   *builder,
            KioskManifest *base,
            KioskManifest *target,
            KioskChanges  *previous)
{
  g_autofree char *digest = kiosk_manifest_objects_digest (target->objects);

  add_member_int (builder, "format", 1);
  add_member_string (builder, "repository", target->repository);
  add_member_int (builder, "base", previous ? previous->base : base->version);
  add_member_string (builder, "base-sha256", previous ? previous->base_sha256 : base->sha256);
  add_member_int (builder, "version", target->version);
  add_member_string (builder, "manifest-sha256", target->sha256);
  add_member_time (builder, "created", target->created);
  add_member_time (builder, "expires", target->expires);
  if (target->name[0] != NULL && target->name[1] != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_begin_object (builder);
      add_member_string (builder, "vi", target->name[0]);
      add_member_string (builder, "en", target->name[1]);
      json_builder_end_object (builder);
    }
  if (target->public_url != NULL)
    add_member_string (builder, "public-url", target->public_url);
  add_member_string (builder, "objects-digest", digest);
}

char *
kiosk_changes_body_build (GBytes  *base,
                          GBytes  *target,
                          GBytes  *previous,
                          GError **error)
{
  g_autoptr(KioskManifest) base_manifest = NULL;
  g_autoptr(KioskManifest) target_manifest = NULL;
  g_autoptr(KioskChanges) previous_changes = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (base != NULL && target != NULL, NULL);

  if (!(base_manifest = manifest_from_body (base, error)) ||
      !(target_manifest = manifest_from_body (target, error)) ||
      (previous != NULL && !(previous_changes = changes_from_body (previous, error))))
    return NULL;
  if (target_manifest->version < base_manifest->version ||
      (previous_changes != NULL && previous_changes->version != base_manifest->version))
    {
      malformed (error, "changes between versions that do not follow");
      return NULL;
    }

  diff_objects (base_manifest, target_manifest, previous_changes, changed, removed);
  json_builder_begin_object (builder);
  add_header (builder, base_manifest, target_manifest, previous_changes);
  add_entries (builder, "changed", changed, TRUE);
  add_entries (builder, "removed", removed, FALSE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
