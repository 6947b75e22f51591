/* bench-import.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full import of 10,000 articles, then a re-import after one article changed.
 * Target: the re-import reads only the changed object and takes under 5% of the
 * full import's time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kiosk-importer.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define N_ARTICLES 10000
#define N_TOPICS   10

static const char *words[] = {
  "trẻ", "em", "bảo", "vệ", "gia", "đình", "cha", "mẹ", "an", "toàn", "đuối", "nước",
  "học", "bơi", "đường", "dây", "nóng", "xâm", "hại", "bạo", "lực", "lắng", "nghe",
  "yêu", "thương", "chăm", "sóc", "sức", "khỏe", "tinh", "thần", "trường", "lớp",
  "mạng", "điện", "thoại", "người", "lạ", "giúp", "đỡ", "gọi", "ngay", "xã", "thôn",
};

static char *
make_body (GRand *rand,
           guint  n_words)
{
  GString *body = g_string_new ("## Điều cần biết\n\n");

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (body, i % 12 == 11 ? ".\n" : " ");
    }
  return g_string_free (body, FALSE);
}

static void
fill (KioskTestRepo *repo,
      GRand         *rand)
{
  const char *hotlines =
    "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true,"
    "\"name\":{\"vi\":\"Tổng đài\",\"en\":\"Hotline\"},\"purpose\":{\"vi\":\"x\",\"en\":\"x\"},"
    "\"hours\":{\"vi\":\"24/7\",\"en\":\"24/7\"}}]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (hotlines, strlen (hotlines));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", bytes, NULL, -1);
  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_autofree char *id = g_strdup_printf ("topic-%u", t);

      kiosk_test_repo_add_topic (repo, id, "Chủ đề");
    }
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%05u", i);
      g_autofree char *topic = g_strdup_printf ("topic-%u", i % N_TOPICS);
      g_autofree char *body = make_body (rand, 400);

      kiosk_test_repo_add_article (repo, id, topic, "Bài viết về trẻ em", body);
    }
}

static double
timed_import (KioskStore          *store,
              const char          *dir,
              KioskImportResult  **result_out)
{
  g_autoptr(GFile) repo = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  *result_out = kiosk_import_repository (store, repo, NULL, 0, NULL, &error);
  if (*result_out == NULL)
    g_error ("Import failed: %s", error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.bench.import");
  g_autofree char *dir = kiosk_test_mkdtemp ("bench-import");
  g_autofree char *repo_dir = g_build_filename (dir, "repo", NULL);
  g_autofree char *store_path = g_build_filename (dir, "store.sqlite", NULL);
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(KioskImportResult) full = NULL;
  g_autoptr(KioskImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  double full_ms, again_ms;

  setlocale (LC_ALL, "");
  kiosk_test_init_dirs ();
  g_print ("Generating %d articles (vi and en, ~400 words) into a signed repository…\n",
           N_ARTICLES);
  fill (repo, rand);
  kiosk_test_repo_write (repo, repo_dir);

  store = kiosk_store_open (store_path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  kiosk_store_trust_key (store, kiosk_test_repo_public_key (repo), NULL);
  full_ms = timed_import (store, repo_dir, &full);

  kiosk_test_repo_set_version (repo, 2);
  body = make_body (rand, 400);
  kiosk_test_repo_add_article (repo, "article-04242", "topic-2", "Bài viết đã sửa", body);
  kiosk_test_rm_rf (repo_dir);
  kiosk_test_repo_write (repo, repo_dir);
  again_ms = timed_import (store, repo_dir, &again);

  g_print ("full import:   %8.1f ms  objects read %u (%.1f MB)\n", full_ms, full->objects_read,
           full->bytes_read / 1e6);
  g_print ("re-import:     %8.1f ms  objects read %u, articles updated %u\n", again_ms,
           again->objects_read, again->articles_updated);
  g_print ("re-import / full: %.2f%% (target < 5%%, and exactly 1 object read)\n",
           100.0 * again_ms / full_ms);
  return again->objects_read == 1 && again_ms < 0.05 * full_ms ? 0 : 1;
}
