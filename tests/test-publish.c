/* test-publish.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-content-source.h"
#include "kiosk-publisher.h"
#include "kiosk-repo-format.h"
#include "kiosk-test-util.h"

/* The fixture: a small source folder that publishes cleanly, --lint included. Line
 * numbers in the expected messages below refer to these texts. */

#define HOTLINE(id, number) \
  "- id: " id "\n" \
  "  number: \"" number "\"\n" \
  "  national: true\n" \
  "  free: true\n" \
  "  name: { vi: Tổng đài " number ", en: Hotline " number " }\n" \
  "  purpose: { vi: Gọi khi lo cho một đứa trẻ, en: Call when worried about a child }\n" \
  "  hours: { vi: Cả ngày và đêm, en: Day and night }\n"

#define REPOSITORY_YAML \
  "id: vn.example.test\n" \
  "name:\n" \
  "  vi: Thư viện thử\n" \
  "  en: Test library\n" \
  "public-url: https://example.org/bai-viet/{id}\n"

#define TOPIC_YAML(order, icon, vi, en) \
  "order: " order "\n" \
  "icon: " icon "\n" \
  "title: { vi: " vi ", en: " en " }\n" \
  "summary: { vi: Tóm tắt " vi ", en: About " en " }\n"

#define SVG_SHAPE(shape) \
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">" shape "</svg>\n"
#define SVG SVG_SHAPE ("<circle r=\"4\"/>")

static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
  0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60,
  0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00,
  0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* 14 and 13 words. */
#define VI_SENTENCE "Trẻ nhỏ có thể đuối nước rất nhanh và không kêu được tiếng nào. "
#define EN_SENTENCE "Young children can drown very quickly and without making any sound at all. "
#define SEVEN(s) s s s s s s s
#define VI_FILLER SEVEN (VI_SENTENCE)
#define EN_FILLER SEVEN (EN_SENTENCE)

#define DROWNING_VI_BODY \
  "## Điều cần biết\n" \
  "\n" \
  VI_FILLER "\n" \
  "\n" \
  "![Hàng rào quanh ao](media/fence.png)\n" \
  "\n" \
  "## Dấu hiệu cần để ý\n" \
  "\n" \
  VI_FILLER "\n" \
  "\n" \
  "## Việc cần làm ngay\n" \
  "\n" \
  "Đọc thêm [bài về hồ bơi](article:pool) và [chủ đề nhà](topic:home). " VI_FILLER "\n" \
  "\n" \
  "## Gọi ai\n" \
  "\n" \
  "Gọi [111](tel:111) ngay khi thấy trẻ gặp nguy hiểm.\n"

/* The body starts on line 10. */
#define DROWNING_VI \
  "---\n" \
  "topic: water\n" \
  "order: 1\n" \
  "updated: 2026-11-20\n" \
  "basis: Luật Trẻ em 2016\n" \
  "title: Giữ trẻ an toàn quanh nước\n" \
  "summary: Một câu ngắn nói bài viết giúp gì.\n" \
  "tags: [đuối nước, bơi]\n" \
  "---\n" \
  DROWNING_VI_BODY

/* The body starts on line 8; updated and basis are left to the vi file. */
#define DROWNING_EN \
  "---\n" \
  "topic: water\n" \
  "order: 1\n" \
  "title: Keeping children safe near water\n" \
  "summary: One short sentence on what the article helps with.\n" \
  "tags: [drowning, swimming]\n" \
  "---\n" \
  "## What it is\n" \
  "\n" \
  EN_FILLER "\n" \
  "\n" \
  "![A fence around a pond](media/fence.png)\n" \
  "\n" \
  "## Signs to notice\n" \
  "\n" \
  EN_FILLER "\n" \
  "\n" \
  "## What to do now\n" \
  "\n" \
  "Read more [about pools](article:pool) and [the home topic](topic:home). " EN_FILLER "\n" \
  "\n" \
  "## Whom to call\n" \
  "\n" \
  "Call [111](tel:111) as soon as a child is in danger.\n"

#define POOL_VI \
  "---\n" \
  "topic: home\n" \
  "order: 1\n" \
  "updated: 2026-10-01\n" \
  "title: Hồ bơi trong nhà\n" \
  "summary: Giữ hồ bơi an toàn.\n" \
  "---\n" \
  "## Điều cần biết\n\n" VI_FILLER "\n\n" \
  "## Dấu hiệu cần để ý\n\n" VI_FILLER "\n\n" \
  "## Việc cần làm ngay\n\n" VI_FILLER "\n\n" \
  "## Gọi ai\n\n" VI_FILLER "\n"

#define POOL_EN \
  "---\n" \
  "title: A pool at home\n" \
  "summary: Keeping a pool safe.\n" \
  "---\n" \
  "## What it is\n\n" EN_FILLER "\n\n" \
  "## Signs to notice\n\n" EN_FILLER "\n\n" \
  "## What to do now\n\n" EN_FILLER "\n\n" \
  "## Whom to call\n\n" EN_FILLER "\n"

/* Files */

static void
write_file (const char *dir,
            const char *relative,
            const void *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *dir,
           const char *relative,
           gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
replace_in_file (const char *dir,
                 const char *relative,
                 const char *find,
                 const char *replace)
{
  g_autofree char *contents = read_file (dir, relative, NULL);
  g_autoptr(GString) text = g_string_new (contents);

  g_assert_nonnull (strstr (contents, find));
  g_string_replace (text, find, replace, 1);
  write_file (dir, relative, text->str, text->len);
}

static gboolean
exists (const char *dir,
        const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
make_source (void)
{
  char *dir = kiosk_test_mkdtemp ("source");

  write_file (dir, "repository.yaml", REPOSITORY_YAML, -1);
  write_file (dir, "hotlines.yaml",
              HOTLINE ("child-protection", "111") HOTLINE ("police", "113"), -1);
  write_file (dir, "topics/water.yaml",
              TOPIC_YAML ("1", "water.svg", "Phòng chống đuối nước", "Preventing drowning"), -1);
  write_file (dir, "topics/home.yaml",
              TOPIC_YAML ("2", "home.svg", "An toàn ở nhà", "Safe at home"), -1);
  write_file (dir, "media/water.svg", SVG, -1);
  write_file (dir, "media/home.svg", SVG_SHAPE ("<rect width=\"8\" height=\"8\"/>"), -1);
  write_file (dir, "media/fence.png", png, sizeof png);
  write_file (dir, "articles/drowning.vi.md", DROWNING_VI, -1);
  write_file (dir, "articles/drowning.en.md", DROWNING_EN, -1);
  write_file (dir, "articles/pool.vi.md", POOL_VI, -1);
  write_file (dir, "articles/pool.en.md", POOL_EN, -1);
  return dir;
}

/* Publishing with the library */

static void
publish_ok (const char         *source_dir,
            const char         *output_dir,
            const guint8       *secret_key,
            KioskPublishResult *result)
{
  g_autoptr(KioskContentSource) source = kiosk_content_source_new (source_dir);
  g_autoptr(GError) error = NULL;

  kiosk_content_source_load (source, KIOSK_CONTENT_SOURCE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kiosk_content_source_get_diagnostics (source)->len, ==, 0);
  kiosk_publisher_publish (source, secret_key, output_dir, 365, NULL, result, &error);
  g_assert_no_error (error);
}

static guint8 *
decode_base64 (const char *text,
               gsize       expected_len)
{
  gsize len;
  guint8 *data = g_base64_decode (text, &len);

  g_assert_cmpuint (len, ==, expected_len);
  return data;
}

/* Checks the envelope as a kiosk does and returns the parsed body. */
static JsonNode *
verify_manifest (const char   *output_dir,
                 const guint8 *public_key)
{
  gsize len;
  g_autofree char *contents = read_file (output_dir, KIOSK_MANIFEST_FILE, &len);
  const char *body = strstr (contents, "\n\n") + 2;
  g_autofree char *head = g_strndup (contents, body - contents);
  g_auto(GStrv) lines = g_strsplit (head, "\n", -1);
  g_auto(GStrv) fields = g_strsplit (lines[1], " ", -1);
  g_autofree guint8 *key = NULL;
  g_autofree guint8 *signature = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lines[0], ==, KIOSK_MANIFEST_MAGIC);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "signature");
  g_assert_cmpstr (fields[1], ==, "ed25519");
  key = decode_base64 (fields[2], KIOSK_KEY_SIZE);
  signature = decode_base64 (fields[3], KIOSK_SIGNATURE_SIZE);
  g_assert_cmpmem (key, KIOSK_KEY_SIZE, public_key, KIOSK_KEY_SIZE);
  g_assert_cmpint (crypto_sign_verify_detached (signature, (const guint8 *) body,
                                                contents + len - body, key), ==, 0);
  json_parser_load_from_data (parser, body, contents + len - body, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
manifest_objects (JsonNode *manifest)
{
  return json_object_get_array_member (json_node_get_object (manifest), "objects");
}

static char *
object_path (const char *output_dir,
             const char *sha256)
{
  return g_build_filename (output_dir, KIOSK_OBJECTS_DIR, sha256, NULL);
}

/* Every object is stored under its own hash with its signed size, and no other object is.
 * Objects with the same bytes share one file. */
static void
check_objects (const char *output_dir,
               JsonNode   *manifest)
{
  JsonArray *objects = manifest_objects (manifest);
  g_autofree char *objects_dir = g_build_filename (output_dir, KIOSK_OBJECTS_DIR, NULL);
  g_autoptr(GDir) dir = g_dir_open (objects_dir, 0, NULL);
  g_autoptr(GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);
      const char *sha256 = json_object_get_string_member (object, "sha256");
      g_autofree char *path = object_path (output_dir, sha256);
      g_autofree char *contents = NULL;
      g_autofree char *hash = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      hash = kiosk_sha256_hex ((const guint8 *) contents, len);
      g_assert_cmpstr (hash, ==, sha256);
      g_assert_cmpint (json_object_get_int_member (object, "size"), ==, len);
      g_hash_table_add (hashes, (gpointer) sha256);
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files += kiosk_sha256_hex_is_valid (name);
  g_assert_cmpuint (n_files, ==, g_hash_table_size (hashes));
}

static char *
read_object (const char *output_dir,
             JsonNode   *manifest,
             const char *id)
{
  JsonArray *objects = manifest_objects (manifest);

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);

      if (g_str_equal (json_object_get_string_member (object, "id"), id))
        {
          g_autofree char *path = object_path (output_dir,
                                               json_object_get_string_member (object, "sha256"));
          char *contents = NULL;

          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          return contents;
        }
    }
  g_assert_not_reached ();
}

static char *
object_ids (JsonNode *manifest)
{
  JsonArray *objects = manifest_objects (manifest);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);

      g_string_append_printf (ids, "%s%s:%s", i > 0 ? " " : "",
                              json_object_get_string_member (object, "kind"),
                              json_object_get_string_member (object, "id"));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gint64
manifest_int (JsonNode   *manifest,
              const char *member)
{
  return json_object_get_int_member (json_node_get_object (manifest), member);
}

static GTimeSpan
manifest_lifetime (JsonNode *manifest)
{
  JsonObject *object = json_node_get_object (manifest);
  const char *created_text = json_object_get_string_member (object, "created");
  const char *expires_text = json_object_get_string_member (object, "expires");
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (created_text, NULL);
  g_autoptr(GDateTime) expires = g_date_time_new_from_iso8601 (expires_text, NULL);

  g_assert_true (g_str_has_suffix (created_text, "Z") && strlen (created_text) == 20);
  g_assert_nonnull (created);
  g_assert_nonnull (expires);
  return g_date_time_difference (expires, created);
}

/* Library tests */

static void
test_publish_good (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-good", NULL);
  g_autoptr(JsonNode) manifest = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *article = NULL;
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];
  KioskPublishResult result;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  crypto_sign_keypair (pk, sk);
  publish_ok (source, output, sk, &result);
  manifest = verify_manifest (output, pk);
  check_objects (output, manifest);

  ids = object_ids (manifest);
  g_assert_cmpstr (ids, ==, "hotlines:hotlines topic:water topic:home article:drowning "
                            "article:pool media:fence.png media:home.svg media:water.svg");
  g_assert_cmpint (manifest_int (manifest, "format"), ==, 1);
  g_assert_cmpint (manifest_int (manifest, "version"), ==, result.version);
  g_assert_cmpint (result.version, >=, now);
  g_assert_cmpint (manifest_lifetime (manifest), ==, 365 * G_TIME_SPAN_DAY);
  g_assert_cmpuint (result.n_objects, ==, 8);
  g_assert_cmpuint (result.n_written, ==, 8);

  topic = read_object (output, manifest, "water");
  g_assert_cmpstr (topic, ==,
                   "{\"id\":\"water\",\"order\":1,\"icon\":\"water.svg\","
                   "\"title\":{\"vi\":\"Phòng chống đuối nước\",\"en\":\"Preventing drowning\"},"
                   "\"summary\":{\"vi\":\"Tóm tắt Phòng chống đuối nước\","
                   "\"en\":\"About Preventing drowning\"}}");
  article = read_object (output, manifest, "drowning");
  g_assert_true (g_str_has_prefix (article,
                                   "{\"id\":\"drowning\",\"topic\":\"water\",\"order\":1,"
                                   "\"updated\":\"2026-11-20\",\"basis\":\"Luật Trẻ em 2016\","
                                   "\"vi\":{\"title\":\"Giữ trẻ an toàn quanh nước\","
                                   "\"summary\":\"Một câu ngắn nói bài viết giúp gì.\","
                                   "\"tags\":[\"đuối nước\",\"bơi\"],"
                                   "\"body\":\"## Điều cần biết\\n\\n"));
  g_assert_true (g_str_has_suffix (article, "\"media\":[\"fence.png\"]}"));
}

/* The body is stored exactly as written, not re-rendered. */
static void
test_publish_body_as_written (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-body", NULL);
  g_autoptr(JsonNode) manifest = NULL;
  g_autoptr(JsonNode) article = NULL;
  g_autofree char *text = NULL;
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];
  KioskPublishResult result;
  JsonObject *vi;

  crypto_sign_keypair (pk, sk);
  publish_ok (source, output, sk, &result);
  manifest = verify_manifest (output, pk);
  text = read_object (output, manifest, "drowning");
  article = json_from_string (text, NULL);
  vi = json_object_get_object_member (json_node_get_object (article), "vi");
  g_assert_cmpstr (json_object_get_string_member (vi, "body"), ==, DROWNING_VI_BODY);
}

typedef struct
{
  guint64  inode;
  char    *contents;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->contents);
  g_free (snapshot);
}

static GHashTable *
snapshot_objects (const char *output_dir)
{
  g_autofree char *objects_dir = g_build_filename (output_dir, KIOSK_OBJECTS_DIR, NULL);
  g_autoptr(GDir) dir = g_dir_open (objects_dir, 0, NULL);
  GHashTable *snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) snapshot_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (objects_dir, name, NULL);
      Snapshot *snapshot = g_new0 (Snapshot, 1);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      snapshot->inode = st.st_ino;
      g_assert_true (g_file_get_contents (path, &snapshot->contents, NULL, NULL));
      g_hash_table_insert (snapshots, g_strdup (name), snapshot);
    }
  return snapshots;
}

/* Byte-identical objects, left in place (same inode), and a higher version. */
static void
test_publish_republish (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-again", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];
  KioskPublishResult first, second;
  GHashTableIter iter;
  gpointer name, value;

  crypto_sign_keypair (pk, sk);
  publish_ok (source, output, sk, &first);
  before = snapshot_objects (output);
  publish_ok (source, output, sk, &second);
  after = snapshot_objects (output);

  g_assert_cmpint (second.version, >, first.version);
  g_assert_cmpuint (second.n_written, ==, 0);
  g_assert_cmpuint (second.n_removed, ==, 0);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      Snapshot *old = value;
      Snapshot *new = g_hash_table_lookup (after, name);

      g_assert_nonnull (new);
      g_assert_cmpstr (new->contents, ==, old->contents);
      g_assert_cmpuint (new->inode, ==, old->inode);
    }
  g_clear_pointer (&after, g_hash_table_unref);
  g_assert_cmpint (manifest_int (verify_manifest (output, pk), "version"), ==, second.version);
}

/* A changed article gives one new object; the old one goes, other files in objects/ stay. */
static void
test_publish_changed (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-changed", NULL);
  g_autoptr(JsonNode) manifest = NULL;
  g_autofree char *old_pool = NULL;
  g_autofree char *new_pool = NULL;
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];
  KioskPublishResult first, second;

  crypto_sign_keypair (pk, sk);
  publish_ok (source, output, sk, &first);
  manifest = verify_manifest (output, pk);
  old_pool = read_object (output, manifest, "pool");
  write_file (output, "objects/README", "kept", -1);
  g_clear_pointer (&manifest, json_node_unref);

  replace_in_file (source, "articles/pool.en.md", "A pool at home", "A home pool");
  publish_ok (source, output, sk, &second);
  manifest = verify_manifest (output, pk);
  check_objects (output, manifest);
  new_pool = read_object (output, manifest, "pool");
  g_assert_cmpstr (new_pool, !=, old_pool);
  g_assert_nonnull (strstr (new_pool, "A home pool"));
  g_assert_cmpuint (second.n_written, ==, 1);
  g_assert_cmpuint (second.n_removed, ==, 1);
  g_assert_true (exists (output, "objects/README"));
}

/* A version already ahead of the clock still goes up by one. */
static void
test_publish_version_floor (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-floor", NULL);
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];
  KioskPublishResult result;

  crypto_sign_keypair (pk, sk);
  write_file (output, KIOSK_MANIFEST_FILE,
              KIOSK_MANIFEST_MAGIC "\nsignature ed25519 x y\n\n"
              "{\"format\":1,\"version\":9999999999}", -1);
  publish_ok (source, output, sk, &result);
  g_assert_cmpint (result.version, ==, 10000000000);
}

/* A manifest that cannot be read might hide a higher version: refuse rather than guess. */
static void
test_publish_unreadable_previous (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *output = g_build_filename (source, "..", "repository-unreadable", NULL);
  g_autoptr(KioskContentSource) content = kiosk_content_source_new (source);
  g_autoptr(GError) error = NULL;
  guint8 pk[KIOSK_KEY_SIZE], sk[KIOSK_SECRET_KEY_SIZE];

  crypto_sign_keypair (pk, sk);
  write_file (output, KIOSK_MANIFEST_FILE, "not a manifest", -1);
  g_assert_true (kiosk_content_source_load (content, KIOSK_CONTENT_SOURCE_NONE, &error));
  g_assert_false (kiosk_publisher_publish (content, sk, output, 365, NULL, NULL, &error));
  g_assert_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_OUTPUT);
  g_assert_false (exists (output, KIOSK_OBJECTS_DIR));
}

/* The command */

static int
run_command (const char * const  *args,
             char               **out,
             char               **err)
{
  g_autofree char *exe = kiosk_test_build_path ("app/publish/goc-tre-em-publish");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

/* A key file made by the command; returns the public key it printed. */
static char *
generate_key (const char *path)
{
  const char *args[] = { "--generate-key", path, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run_command (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_strstrip (out);
}

static void
test_command_generate_key (void)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("key");
  g_autofree char *path = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *public_key = generate_key (path);
  g_autofree char *contents = read_file (dir, "secret.key", NULL);
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree guint8 *secret = NULL;
  g_autofree guint8 *public = NULL;
  guint8 derived[KIOSK_KEY_SIZE];
  const char *args[] = { "--generate-key", path, NULL };
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* One line: 64 bytes in base64 and a newline. */
  g_assert_cmpuint (strlen (contents), ==, 89);
  g_assert_true (g_str_has_suffix (contents, "\n"));
  secret = decode_base64 (g_strstrip (contents), KIOSK_SECRET_KEY_SIZE);
  public = decode_base64 (public_key, KIOSK_KEY_SIZE);
  crypto_sign_ed25519_sk_to_pk (derived, secret);
  g_assert_cmpmem (derived, sizeof derived, public, KIOSK_KEY_SIZE);

  g_assert_cmpint (run_command (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "already exists"));
  g_assert_cmpstr (out, ==, "");
  again = read_file (dir, "secret.key", NULL);
  g_assert_cmpstr (g_strstrip (again), ==, contents);
}

static void
test_command_publish (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *dir = kiosk_test_mkdtemp ("command");
  g_autofree char *key = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *output = g_build_filename (dir, "repository", NULL);
  g_autofree char *report_path = g_build_filename (dir, "content.md", NULL);
  g_autofree char *public_key = generate_key (key);
  g_autofree guint8 *pk = decode_base64 (public_key, KIOSK_KEY_SIZE);
  const char *args[] = {
    "--key", key, "--expires-days", "30", "--report", report_path, source, output, NULL
  };
  g_autoptr(JsonNode) manifest = NULL;
  g_autofree char *report = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_command (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Published vn.example.test version "));
  manifest = verify_manifest (output, pk);
  check_objects (output, manifest);
  g_assert_cmpint (manifest_lifetime (manifest), ==, 30 * G_TIME_SPAN_DAY);

  report = read_file (dir, "content.md", NULL);
  g_assert_true (g_str_has_prefix (report, "| Topic | Article | Title (vi) | Words (vi) | "
                                           "Words (en) |\n"));
  g_assert_nonnull (strstr (report,
                            "\n| water | drowning | Giữ trẻ an toàn quanh nước | 327 | 304 |\n"
                            "| **water** | **1 article** | | **327** | **304** |\n"));
  g_assert_nonnull (strstr (report, "\n| home | pool | Hồ bơi trong nhà | 406 | 377 |\n"));
  g_assert_true (g_str_has_suffix (report, "| **All topics** | **2 articles** | | **733** | "
                                           "**681** |\n"));
}

static void
test_command_usage (void)
{
  const char *no_paths[] = { "--key", "k", NULL };
  const char *no_key[] = { "a", "b", NULL };
  const char *bad_days[] = { "--key", "k", "--expires-days", "0", "a", "b", NULL };
  const char *bad_option[] = { "--frobnicate", NULL };
  const char * const *cases[] = { no_paths, no_key, bad_days, bad_option };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_command (cases[i], &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--help"));
    }
}

static void
test_command_bad_key (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *dir = kiosk_test_mkdtemp ("bad-key");
  g_autofree char *key = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *output = g_build_filename (dir, "repository", NULL);
  const char *args[] = { "--key", key, source, output, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (dir, "secret.key", "bm90IGEga2V5\n", -1);
  g_assert_cmpint (run_command (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is not a secret key"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_command_depfile (void)
{
  g_autofree char *source = make_source ();
  g_autofree char *dir = kiosk_test_mkdtemp ("depfile");
  g_autofree char *key = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *output = g_build_filename (dir, "repository", NULL);
  g_autofree char *depfile = g_build_filename (dir, "repository.d", NULL);
  g_autofree char *public_key = generate_key (key);
  g_autofree char *articles = g_build_filename (source, "articles", NULL);
  g_autofree char *article = g_build_filename (source, "articles", "pool.en.md", NULL);
  const char *args[] = { "--key", key, "--depfile", depfile, source, output, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_command (args, &out, &err), ==, 0);
  contents = read_file (dir, "repository.d", NULL);
  g_assert_true (g_str_has_prefix (contents, output));
  g_assert_nonnull (strstr (contents, articles));
  g_assert_nonnull (strstr (contents, article));
}

/* Validation errors and lint warnings: each case changes the good fixture in one way. */

typedef struct
{
  const char *name;
  const char *file;
  const char *find;       /* NULL: @replace is the whole new file, or NULL to delete it */
  const char *replace;
  const char *expected;   /* the start of the line the command must print */
  void      (*mutate)  (const char *source);
} SourceCase;

static void
add_big_image (const char *source)
{
  gsize len = KIOSK_MEDIA_MAX_SIZE + 1;
  g_autofree guint8 *data = g_malloc0 (len);

  memcpy (data, png, sizeof png);
  write_file (source, "media/big.png", data, len);
}

static void
add_translation_of_topic (const char *source)
{
  write_file (source, "articles/water.vi.md", POOL_VI, -1);
  write_file (source, "articles/water.en.md", POOL_EN, -1);
}

static void
apply_case (const char       *source,
            const SourceCase *c)
{
  g_autofree char *path = c->file != NULL ? g_build_filename (source, c->file, NULL) : NULL;

  if (c->mutate != NULL)
    c->mutate (source);
  else if (c->find != NULL)
    replace_in_file (source, c->file, c->find, c->replace);
  else if (c->replace != NULL)
    write_file (source, c->file, c->replace, -1);
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static gboolean
has_line (const char *text,
          const char *start)
{
  g_autofree char *haystack = g_strconcat ("\n", text, NULL);
  g_autofree char *needle = g_strconcat ("\n", start, NULL);

  return strstr (haystack, needle) != NULL;
}

/* Runs the command on the changed fixture; returns its exit status and stderr. */
static int
publish_case (const SourceCase  *c,
              gboolean           lint,
              char             **err,
              gboolean          *written)
{
  g_autofree char *source = make_source ();
  g_autofree char *dir = kiosk_test_mkdtemp ("case");
  g_autofree char *key = g_build_filename (dir, "secret.key", NULL);
  g_autofree char *output = g_build_filename (dir, "repository", NULL);
  g_autofree char *public_key = generate_key (key);
  g_autofree char *out = NULL;
  const char *args[] = { "--key", key, source, output, lint ? "--lint" : NULL, NULL };
  int status;

  apply_case (source, c);
  status = run_command (args, &out, err);
  *written = g_file_test (output, G_FILE_TEST_EXISTS);
  return status;
}

static void
test_error_case (gconstpointer data)
{
  const SourceCase *c = data;
  g_autofree char *err = NULL;
  gboolean written;

  g_assert_cmpint (publish_case (c, FALSE, &err, &written), ==, 1);
  if (!has_line (err, c->expected))
    g_error ("expected “%s” in:\n%s", c->expected, err);
  g_assert_false (written);
}

static void
test_lint_case (gconstpointer data)
{
  const SourceCase *c = data;
  g_autofree char *err = NULL;
  g_autofree char *lint_err = NULL;
  gboolean written;

  g_assert_cmpint (publish_case (c, FALSE, &err, &written), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (written);

  g_assert_cmpint (publish_case (c, TRUE, &lint_err, &written), ==, 1);
  if (!has_line (lint_err, c->expected))
    g_error ("expected “%s” in:\n%s", c->expected, lint_err);
  g_assert_false (written);
}

static const SourceCase error_cases[] = {
  { "invalid-utf8", "articles/drowning.en.md", "## Signs to notice", "## Signs \xff to notice",
    "articles/drowning.en.md:14: invalid UTF-8" },
  { "no-header", "articles/drowning.vi.md", "---\ntopic", "topic",
    "articles/drowning.vi.md:1: malformed header: the file must start with a '---' line" },
  { "unclosed-header", "articles/drowning.vi.md", "---\n## Điều", "## Điều",
    "articles/drowning.vi.md:1: malformed header: no '---' line closes it" },
  { "header-not-mapping", "articles/pool.en.md", NULL, "---\n- a list\n---\nBody.\n",
    "articles/pool.en.md:2: malformed header: expected 'field: value' lines" },
  { "header-yaml", "articles/drowning.vi.md", "order: 1\n", "order: [1\n",
    "articles/drowning.vi.md:4: malformed YAML: " },
  { "missing-field", "articles/drowning.vi.md", "summary: Một câu ngắn nói bài viết giúp gì.\n", "",
    "articles/drowning.vi.md:2: missing required field 'summary'" },
  { "empty-field", "articles/drowning.en.md", "title: Keeping children safe near water", "title:",
    "articles/drowning.en.md:4: missing required field 'title'" },
  { "missing-vi-topic", "articles/pool.vi.md", "topic: home\n", "",
    "articles/pool.vi.md:2: missing required field 'topic'" },
  { "bad-order", "articles/drowning.vi.md", "order: 1", "order: first",
    "articles/drowning.vi.md:3: 'order' must be a whole number from 1 up, not 'first'" },
  { "bad-date", "articles/drowning.vi.md", "2026-11-20", "2026-13-01",
    "articles/drowning.vi.md:4: 'updated' must be a date written YYYY-MM-DD" },
  { "duplicate-field", "articles/drowning.vi.md", "tags:", "title: Lần nữa\ntags:",
    "articles/drowning.vi.md:8: duplicate field 'title'" },
  { "bad-article-id", "articles/Pool_2.vi.md", NULL, POOL_VI,
    "articles/Pool_2.vi.md:1: bad id 'Pool_2'" },
  { "bad-article-name", "articles/notes.md", NULL, "Notes\n",
    "articles/notes.md:1: unexpected file: articles/ holds only <id>.vi.md and <id>.en.md files" },
  { "bad-topic-id", "topics/Home.yaml", NULL, TOPIC_YAML ("3", "home.svg", "Nhà", "Home"),
    "topics/Home.yaml:1: bad id 'Home'" },
  { "bad-hotline-id", "hotlines.yaml", "- id: police", "- id: Police 113",
    "hotlines.yaml:8: bad id 'Police 113'" },
  { "bad-repository-id", "repository.yaml", "vn.example.test", "VN example",
    "repository.yaml:1: bad id 'VN example'" },
  { "duplicate-hotline-id", "hotlines.yaml", "- id: police", "- id: child-protection",
    "hotlines.yaml:8: duplicate id 'child-protection'" },
  { "duplicate-article-topic-id", NULL, NULL, NULL,
    "articles/water.vi.md:1: duplicate id 'water': topics/water.yaml uses it too",
    add_translation_of_topic },
  { "duplicate-hotlines-topic-id", "topics/hotlines.yaml", NULL,
    TOPIC_YAML ("3", "home.svg", "Nhà", "Home"),
    "topics/hotlines.yaml:1: duplicate id 'hotlines'" },
  { "missing-en", "articles/pool.en.md", NULL, NULL,
    "articles/pool.vi.md:1: missing translation: articles/pool.en.md does not exist" },
  { "missing-vi", "articles/pool.vi.md", NULL, NULL,
    "articles/pool.en.md:1: missing translation: articles/pool.vi.md does not exist" },
  { "missing-title-translation", "topics/water.yaml", ", en: Preventing drowning", "",
    "topics/water.yaml:3: missing translation: 'title' has no 'en' text" },
  { "unknown-topic", "articles/drowning.vi.md", "topic: water", "topic: fire",
    "articles/drowning.vi.md:2: unknown topic 'fire': there is no topics/fire.yaml" },
  { "topic-mismatch", "articles/drowning.en.md", "topic: water", "topic: home",
    "articles/drowning.en.md:2: 'topic' is 'home' here but 'water' in articles/drowning.vi.md" },
  { "order-mismatch", "articles/drowning.en.md", "order: 1", "order: 2",
    "articles/drowning.en.md:3: 'order' is '2' here but '1' in articles/drowning.vi.md" },
  { "basis-mismatch", "articles/drowning.en.md", "order: 1\n", "order: 1\nbasis: Law\n",
    "articles/drowning.en.md:4: 'basis' is 'Law' here but 'Luật Trẻ em 2016' in "
    "articles/drowning.vi.md" },
  { "broken-image", "articles/drowning.vi.md", "media/fence.png", "media/gate.png",
    "articles/drowning.vi.md:14: broken image: media/gate.png does not exist" },
  { "remote-image", "articles/drowning.en.md", "media/fence.png", "https://example.org/a.png",
    "articles/drowning.en.md:12: image 'https://example.org/a.png' is not allowed" },
  { "broken-article-link", "articles/drowning.vi.md", "article:pool", "article:lake",
    "articles/drowning.vi.md:22: broken link: there is no article 'lake'" },
  { "broken-topic-link", "articles/drowning.en.md", "topic:home", "topic:fire",
    "articles/drowning.en.md:20: broken link: there is no topic 'fire'" },
  { "link-scheme", "articles/drowning.vi.md", "article:pool", "https://example.org",
    "articles/drowning.vi.md:22: link 'https://example.org' is not allowed" },
  { "javascript-link", "articles/drowning.vi.md", "tel:111", "javascript:alert(1)",
    "articles/drowning.vi.md:26: link 'javascript:alert(1)' is not allowed" },
  { "bad-tel-link", "articles/drowning.en.md", "tel:111", "tel:111-OK",
    "articles/drowning.en.md:24: bad phone link 'tel:111-OK'" },
  { "raw-html-inline", "articles/drowning.vi.md", "Gọi [111](tel:111)", "Gọi <b>111</b>",
    "articles/drowning.vi.md:26: raw HTML is not allowed" },
  { "raw-html-block", "articles/drowning.en.md", "## Whom to call",
    "<script>alert(1)</script>\n\n## Whom to call",
    "articles/drowning.en.md:22: raw HTML is not allowed" },
  { "empty-body", "articles/pool.en.md", NULL, "---\ntitle: A pool\nsummary: Safe.\n---\n\n  \n",
    "articles/pool.en.md:5: empty body" },
  { "oversized-image", NULL, NULL, NULL, "media/big.png:1: the image is too large: ",
    add_big_image },
  { "empty-image", "media/empty.png", NULL, "", "media/empty.png:1: the image is empty" },
  { "png-not-png", "media/fence.png", NULL, SVG,
    "media/fence.png:1: the file's contents are not PNG, as its name says" },
  { "svg-not-svg", "media/water.svg", NULL, "hello\n",
    "media/water.svg:1: the file's contents are not SVG, as its name says" },
  { "jpg-not-jpeg", "media/photo.jpg", NULL, SVG,
    "media/photo.jpg:1: the file's contents are not JPEG, as its name says" },
  { "bad-media-name", "media/Photo 1.png", NULL, SVG,
    "media/Photo 1.png:1: bad media name 'Photo 1.png'" },
  { "topic-icon-missing", "topics/water.yaml", "icon: water.svg", "icon: wave.svg",
    "topics/water.yaml:2: topic icon missing: media/wave.svg does not exist" },
  { "topic-no-icon", "topics/home.yaml", "icon: home.svg\n", "",
    "topics/home.yaml:1: missing required field 'icon'" },
  { "hotlines-not-list", "hotlines.yaml", NULL, "id: police\nnumber: \"113\"\n",
    "hotlines.yaml:1: malformed file: expected a list of hotlines" },
  { "hotlines-yaml", "hotlines.yaml", "  free: true\n  name: { vi: Tổng đài 113",
    "  free: true\n  name: { vi: [Tổng đài 113",
    "hotlines.yaml:12: malformed YAML: " },
  { "hotline-number", "hotlines.yaml", "\"113\"", "\"113a\"",
    "hotlines.yaml:9: bad number '113a': only digits and spaces" },
  { "hotline-bool", "hotlines.yaml", "  free: true\n  name: { vi: Tổng đài 113",
    "  free: yes\n  name: { vi: Tổng đài 113",
    "hotlines.yaml:11: 'free' must be true or false, not 'yes'" },
  { "hotline-missing-field", "hotlines.yaml", "  number: \"113\"\n", "",
    "hotlines.yaml:8: missing required field 'number'" },
  { "missing-repository", "repository.yaml", NULL, NULL,
    "repository.yaml:1: the file is missing" },
  { "missing-hotlines", "hotlines.yaml", NULL, NULL, "hotlines.yaml:1: the file is missing" },
  { "two-documents", "repository.yaml", NULL, REPOSITORY_YAML "---\nid: other\n",
    "repository.yaml:6: malformed YAML: more than one document" },
};

static const SourceCase lint_cases[] = {
  { "missing-section", "articles/drowning.vi.md", "## Gọi ai", "## Liên hệ",
    "articles/drowning.vi.md:10: warning: missing section '## Gọi ai'" },
  { "section-order", "articles/drowning.vi.md", "## Điều cần biết", "## Việc cần làm ngay",
    "articles/drowning.vi.md:16: warning: section '## Dấu hiệu cần để ý' is out of order" },
  { "heading-level", "articles/drowning.en.md", "## Whom to call", "# Whom to call",
    "articles/drowning.en.md:22: warning: use '##' or '###' headings" },
  { "long-sentence", "articles/drowning.en.md", "Read more",
    "Stop.\nThis sentence is far too long because it goes on and on and on, adding clause "
    "after clause and word after word, well past the thirty words a reader at a kiosk "
    "can follow. Read more",
    "articles/drowning.en.md:21: warning: sentence of 34 words" },
  { "long-list-item", "articles/drowning.vi.md", "## Gọi ai\n",
    "## Gọi ai\n\n- một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu bảy tám "
    "chín mười một hai ba bốn năm sáu bảy tám chín mười một\n- ngắn\n",
    "articles/drowning.vi.md:26: warning: sentence of 31 words" },
  { "short-body", "articles/pool.en.md", NULL,
    "---\ntitle: A pool\nsummary: Safe.\n---\n## What it is\n\nShort.\n\n## Signs to notice\n\n"
    "## What to do now\n\n## Whom to call\n\nCall 111.\n",
    "articles/pool.en.md:5: warning: the body has 16 words; aim for 250 to 700" },
  { "image-without-alt", "articles/drowning.vi.md", "![Hàng rào quanh ao]", "![]",
    "articles/drowning.vi.md:14: warning: image without alt text" },
  { "unused-media", "media/spare.svg", NULL, SVG,
    "media/spare.svg:1: warning: no article or topic uses this image" },
};

/* A field the publisher does not know is always shown, but fails only with --lint. */
static void
test_unknown_field (void)
{
  const SourceCase c = { "unknown-field", "articles/drowning.vi.md", "tags:", "author: Lan\ntags:",
                         "articles/drowning.vi.md:8: warning: unknown field 'author' is ignored" };
  g_autofree char *err = NULL;
  g_autofree char *lint_err = NULL;
  gboolean written;

  g_assert_cmpint (publish_case (&c, FALSE, &err, &written), ==, 0);
  g_assert_true (has_line (err, c.expected));
  g_assert_true (written);
  g_assert_cmpint (publish_case (&c, TRUE, &lint_err, &written), ==, 1);
  g_assert_true (has_line (lint_err, c.expected));
  g_assert_false (written);
}

/* The fixture itself follows every style rule. */
static void
test_lint_clean (void)
{
  const SourceCase c = { "clean", "articles/pool.en.md", "A pool", "A pool" };
  g_autofree char *err = NULL;
  gboolean written;

  g_assert_cmpint (publish_case (&c, TRUE, &err, &written), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (written);
}

/* Several problems are all reported in one run, in file order. */
static void
test_all_problems_reported (void)
{
  g_autofree char *source = make_source ();
  g_autoptr(KioskContentSource) content = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *diagnostics;

  replace_in_file (source, "articles/drowning.vi.md", "article:pool", "article:lake");
  replace_in_file (source, "articles/drowning.vi.md", "tel:111", "mailto:a@b");
  replace_in_file (source, "topics/home.yaml", "home.svg", "house.svg");
  content = kiosk_content_source_new (source);
  g_assert_false (kiosk_content_source_load (content, KIOSK_CONTENT_SOURCE_NONE, &error));
  g_assert_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_SOURCE);
  diagnostics = kiosk_content_source_get_diagnostics (content);
  g_assert_cmpuint (diagnostics->len, ==, 3);
}

/* The repository built from data/content verifies with the key installed next to it. */
static void
test_bundled_repository (void)
{
  g_autofree char *repository = kiosk_test_build_path ("data/content/repository");
  g_autofree char *pub_path = kiosk_test_build_path ("data/content/bundled.pub");
  g_autofree char *public_key = NULL;
  g_autofree guint8 *pk = NULL;
  g_autoptr(JsonNode) manifest = NULL;

  if (!g_file_get_contents (pub_path, &public_key, NULL, NULL))
    {
      g_test_skip ("the bundled repository is not built");
      return;
    }
  pk = decode_base64 (g_strstrip (public_key), KIOSK_KEY_SIZE);
  manifest = verify_manifest (repository, pk);
  check_objects (repository, manifest);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (manifest), "repository"),
                   ==, "vn.goctreem.bundled");
}

static void
add_cases (const char       *prefix,
           const SourceCase *cases,
           guint             n_cases,
           GTestDataFunc     func)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("/kiosk/publish/%s/%s", prefix, cases[i].name);

      g_test_add_data_func (path, &cases[i], func);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kiosk_test_init_dirs ();
  g_assert_cmpint (sodium_init (), >=, 0);

  g_test_add_func ("/kiosk/publish/good", test_publish_good);
  g_test_add_func ("/kiosk/publish/body-as-written", test_publish_body_as_written);
  g_test_add_func ("/kiosk/publish/republish", test_publish_republish);
  g_test_add_func ("/kiosk/publish/changed", test_publish_changed);
  g_test_add_func ("/kiosk/publish/version-floor", test_publish_version_floor);
  g_test_add_func ("/kiosk/publish/unreadable-previous", test_publish_unreadable_previous);
  g_test_add_func ("/kiosk/publish/all-problems-reported", test_all_problems_reported);
  g_test_add_func ("/kiosk/publish/command/generate-key", test_command_generate_key);
  g_test_add_func ("/kiosk/publish/command/publish", test_command_publish);
  g_test_add_func ("/kiosk/publish/command/usage", test_command_usage);
  g_test_add_func ("/kiosk/publish/command/bad-key", test_command_bad_key);
  g_test_add_func ("/kiosk/publish/command/depfile", test_command_depfile);
  g_test_add_func ("/kiosk/publish/lint/clean", test_lint_clean);
  g_test_add_func ("/kiosk/publish/lint/unknown-field", test_unknown_field);
  add_cases ("error", error_cases, G_N_ELEMENTS (error_cases), test_error_case);
  add_cases ("lint", lint_cases, G_N_ELEMENTS (lint_cases), test_lint_case);
  g_test_add_func ("/kiosk/publish/bundled", test_bundled_repository);

  return g_test_run ();
}
