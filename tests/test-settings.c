/* test-settings.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kiosk-contacts.h"
#include "kiosk-importer.h"
#include "kiosk-settings.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"
#include "kiosk-usage.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  g_autofree char *paper = kiosk_settings_dup_paper_size (settings);

  g_assert_cmpint (kiosk_settings_get_language (settings), ==, KIOSK_LANG_VI);
  g_assert_cmpuint (kiosk_settings_get_idle_timeout (settings), ==, 120);
  g_assert_cmpuint (kiosk_settings_get_sync_interval (settings), ==, 30);
  g_assert_cmpstr (paper, ==, "a4");
}

static void
test_both_ways (void)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  GSettings *gsettings = kiosk_settings_get_gsettings (settings);
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  guint notified = 0;

  g_signal_connect (settings, "notify::commune-name", G_CALLBACK (count_notify_cb), &notified);

  g_object_set (settings, "commune-name", "Xã Quảng Phú", NULL);
  stored = g_settings_get_string (gsettings, "commune-name");
  g_assert_cmpstr (stored, ==, "Xã Quảng Phú");
  g_assert_cmpuint (notified, ==, 1);

  g_settings_set_string (gsettings, "commune-name", "Xã Hải Ninh");
  name = kiosk_settings_dup_commune_name (settings);
  g_assert_cmpstr (name, ==, "Xã Hải Ninh");
  g_assert_cmpuint (notified, ==, 2);

  g_object_set (settings, "idle-timeout", 300, NULL);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "idle-timeout"), ==, 300);
}

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài\",\"en\":\"Hotline\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày\",\"en\":\"All day\"}}]"

/* Content, a local contact and a day of counts, all in one store. */
static KioskStore *
filled_store (void)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("keep-content");
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autofree char *repo_dir = g_build_filename (dir, "repo", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (repo_dir);
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.settings");
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(KioskUsageBatch) batch = kiosk_usage_batch_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);

  g_assert_no_error (error);
  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
  kiosk_test_repo_add_topic (repo, "injury", "Thương tích");
  kiosk_test_repo_add_article (repo, "injury-one", "injury", "Một", "Nội dung.");
  kiosk_test_repo_write (repo, repo_dir);
  g_assert_true (kiosk_store_trust_key (store, kiosk_test_repo_public_key (repo), NULL));
  result = kiosk_import_repository (store, folder, NULL, KIOSK_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_contacts_set (store, KIOSK_CONTACT_POLICE, "113", NULL, NULL));
  kiosk_usage_batch_add (batch, now, KIOSK_USAGE_ARTICLE_VIEW, "injury-one");
  g_assert_true (kiosk_usage_write (store, batch, NULL));
  return store;
}

static GVariant *
other_value (GSettings  *settings,
             const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) values = NULL;
  g_autoptr(GVariant) current = g_settings_get_value (settings, key);
  const char *kind;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &values);
  for (gsize i = 0; g_str_equal (kind, "enum") && i < g_variant_n_children (values); i++)
    {
      g_autoptr(GVariant) choice = g_variant_get_child_value (values, i);

      if (!g_variant_equal (choice, current))
        return g_variant_ref_sink (g_steal_pointer (&choice));
    }
  if (g_str_equal (kind, "range"))
    {
      guint32 low, high;

      g_variant_get (values, "(uu)", &low, &high);
      return g_variant_ref_sink (g_variant_new_uint32 (g_variant_get_uint32 (current) == low
                                                       ? high : low));
    }
  return g_variant_ref_sink (g_variant_new_string (g_str_equal (key, "proxy")
                                                   ? "http://10.0.0.1:3128" : "Xã Thử"));
}

/* Settings say how the kiosk shows and fetches content, never what it holds: every
 * key changed, the store still has all it had. (test-admin-console does the same with
 * the whole app running.) */
static void
test_keep_content (void)
{
  g_autoptr(KioskStore) store = filled_store ();
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  GSettings *gsettings = kiosk_settings_get_gsettings (settings);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *police = NULL;
  KioskStoreCounts before, after;

  g_assert_true (kiosk_store_get_counts (store, &before, NULL));
  g_object_get (gsettings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = other_value (gsettings, keys[i]);

      g_assert_true (g_settings_set_value (gsettings, keys[i], value));
    }
  g_settings_sync ();

  g_assert_true (kiosk_store_get_counts (store, &after, NULL));
  g_assert_cmpuint (after.topics, ==, before.topics);
  g_assert_cmpuint (after.articles, ==, before.articles);
  g_assert_cmpuint (after.hotlines, ==, before.hotlines);
  g_assert_cmpuint (after.media, ==, before.media);
  police = kiosk_contacts_dup_number (store, KIOSK_CONTACT_POLICE, NULL);
  g_assert_cmpstr (police, ==, "113");
  days = kiosk_usage_list_days (store, NULL);
  g_assert_cmpuint (days->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/settings/defaults", test_defaults);
  g_test_add_func ("/kiosk/settings/both-ways", test_both_ways);
  g_test_add_func ("/kiosk/settings/keep-content", test_keep_content);

  return g_test_run ();
}
