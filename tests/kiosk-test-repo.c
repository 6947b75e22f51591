/* kiosk-test-repo.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "kiosk-repo-format.h"
#include "kiosk-test-repo.h"

typedef struct {
  char   *kind;
  char   *id;
  GBytes *bytes;
  char   *sha256;
  gint64  size;
} Entry;

struct _KioskTestRepo {
  char      *repository;
  gint64     version;
  gint64     expires;
  guint8     pk[crypto_sign_PUBLICKEYBYTES];
  guint8     sk[crypto_sign_SECRETKEYBYTES];
  char      *pk64;
  GPtrArray *entries;
};

static void
entry_free (Entry *entry)
{
  g_free (entry->kind);
  g_free (entry->id);
  g_bytes_unref (entry->bytes);
  g_free (entry->sha256);
  g_free (entry);
}

void
kiosk_test_repo_use_new_key (KioskTestRepo *repo)
{
  crypto_sign_keypair (repo->pk, repo->sk);
  g_free (repo->pk64);
  repo->pk64 = g_base64_encode (repo->pk, sizeof repo->pk);
}

KioskTestRepo *
kiosk_test_repo_new (const char *repository_id)
{
  KioskTestRepo *repo = g_new0 (KioskTestRepo, 1);

  g_assert_cmpint (sodium_init (), >=, 0);
  repo->repository = g_strdup (repository_id);
  repo->version = 1;
  repo->expires = g_get_real_time () / G_USEC_PER_SEC + 30 * 86400;
  repo->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  kiosk_test_repo_use_new_key (repo);
  return repo;
}

void
kiosk_test_repo_free (KioskTestRepo *repo)
{
  g_free (repo->repository);
  g_free (repo->pk64);
  g_ptr_array_unref (repo->entries);
  g_free (repo);
}

const char *
kiosk_test_repo_public_key (KioskTestRepo *repo)
{
  return repo->pk64;
}

void
kiosk_test_repo_set_version (KioskTestRepo *repo,
                             gint64         version)
{
  repo->version = version;
}

void
kiosk_test_repo_set_expires (KioskTestRepo *repo,
                             gint64         unix_time)
{
  repo->expires = unix_time;
}

void
kiosk_test_repo_remove (KioskTestRepo *repo,
                        const char    *id)
{
  for (guint i = 0; i < repo->entries->len; i++)
    if (g_str_equal (((Entry *) repo->entries->pdata[i])->id, id))
      {
        g_ptr_array_remove_index (repo->entries, i);
        return;
      }
}

void
kiosk_test_repo_add_raw (KioskTestRepo *repo,
                         const char    *kind,
                         const char    *id,
                         GBytes        *bytes,
                         const char    *claimed_sha256,
                         gint64         claimed_size)
{
  Entry *entry = g_new0 (Entry, 1);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  kiosk_test_repo_remove (repo, id);
  entry->kind = g_strdup (kind);
  entry->id = g_strdup (id);
  entry->bytes = g_bytes_ref (bytes);
  entry->sha256 = claimed_sha256 ? g_strdup (claimed_sha256) : kiosk_sha256_hex (data, len);
  entry->size = claimed_size >= 0 ? claimed_size : (gint64) len;
  g_ptr_array_add (repo->entries, entry);
}

static void
add_json (KioskTestRepo *repo,
          const char    *kind,
          const char    *id,
          JsonBuilder   *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  kiosk_test_repo_add_raw (repo, kind, id, bytes, NULL, -1);
}

static void
add_pair (JsonBuilder *builder,
          const char  *name,
          const char  *vi,
          const char  *en)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "vi");
  json_builder_add_string_value (builder, vi);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, en);
  json_builder_end_object (builder);
}

void
kiosk_test_repo_add_topic (KioskTestRepo *repo,
                           const char    *id,
                           const char    *title_vi)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "order");
  json_builder_add_int_value (builder, repo->entries->len + 1);
  add_pair (builder, "title", title_vi, "Topic");
  add_pair (builder, "summary", "Tóm tắt", "Summary");
  json_builder_end_object (builder);
  add_json (repo, "topic", id, builder);
}

static void
add_text (JsonBuilder *builder,
          const char  *lang,
          const char  *title,
          const char  *body)
{
  json_builder_set_member_name (builder, lang);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, lang);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
}

void
kiosk_test_repo_add_article (KioskTestRepo *repo,
                             const char    *id,
                             const char    *topic,
                             const char    *title_vi,
                             const char    *body_vi)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *title_en = g_strdup_printf ("Article %s", id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, topic);
  json_builder_set_member_name (builder, "order");
  json_builder_add_int_value (builder, repo->entries->len + 1);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, "2026-11-20");
  add_text (builder, "vi", title_vi, body_vi);
  add_text (builder, "en", title_en, "An English body.");
  json_builder_end_object (builder);
  add_json (repo, "article", id, builder);
}

void
kiosk_test_repo_add_media (KioskTestRepo *repo,
                           const char    *id,
                           const char    *bytes)
{
  g_autoptr(GBytes) data = g_bytes_new (bytes, strlen (bytes));

  kiosk_test_repo_add_raw (repo, "media", id, data, NULL, -1);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

char *
kiosk_test_repo_manifest_body (KioskTestRepo *repo)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = format_time (g_get_real_time () / G_USEC_PER_SEC - 60);
  g_autofree char *expires = format_time (repo->expires);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "repository");
  json_builder_add_string_value (builder, repo->repository);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, repo->version);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "objects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < repo->entries->len; i++)
    {
      Entry *entry = repo->entries->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, entry->id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, entry->kind);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, entry->sha256);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, entry->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
kiosk_test_repo_write_signed_body (KioskTestRepo *repo,
                                   const char    *dir,
                                   const char    *body)
{
  g_autofree char *objects = g_build_filename (dir, "objects", NULL);
  g_autofree char *manifest = g_build_filename (dir, "manifest.signed", NULL);
  g_autoptr(GBytes) body_bytes = g_bytes_new (body, strlen (body));
  g_autofree char *envelope = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_mkdir_with_parents (objects, 0755);
  for (guint i = 0; i < repo->entries->len; i++)
    {
      Entry *entry = repo->entries->pdata[i];
      g_autofree char *path = g_build_filename (objects, entry->sha256, NULL);
      gsize size;
      const char *data = g_bytes_get_data (entry->bytes, &size);

      g_file_set_contents (path, data, size, &error);
      g_assert_no_error (error);
    }

  envelope = kiosk_manifest_envelope_sign (body_bytes, repo->sk, &len);
  g_file_set_contents (manifest, envelope, len, &error);
  g_assert_no_error (error);
}

void
kiosk_test_repo_write (KioskTestRepo *repo,
                       const char    *dir)
{
  g_autofree char *body = kiosk_test_repo_manifest_body (repo);

  kiosk_test_repo_write_signed_body (repo, dir, body);
}
