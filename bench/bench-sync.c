/* bench-sync.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync client against the nginx bench/sync starts on loopback, through the C API
 * (kiosk_sync_client_sync_async, as the kiosk's scheduler calls it), in one run:
 *  (a) full syncs of 1,000 articles and 100 images (~30 MB) into fresh stores, against
 *      curl fetching the same files with the same parallelism (the floor); target
 *      at most 1.5x;
 *  (b) the bytes on the wire of a sync when nothing changed; target under 2 KB;
 *  (c) the bytes on the wire of a sync after one article of 10,000 changed; target
 *      under 20 KB.
 * Bytes on the wire are nginx's $bytes_sent + $request_length of every request.
 *
 * Usage: bench-sync URL ROOT ACCESS_LOG [RUNS]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "kiosk-importer.h"
#include "kiosk-manifest.h"
#include "kiosk-store.h"
#include "kiosk-sync-client.h"
#include "kiosk-test-publisher.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define N_ARTICLES   1000
#define N_IMAGES     100
#define N_BIG        10000
#define N_TOPICS     10
#define N_WORDS      400

#define FULL_TARGET  1.5
#define IDLE_TARGET  2048
#define DELTA_TARGET (20 * 1024)

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài quốc gia bảo vệ trẻ em\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Tiếp nhận tin báo về trẻ em bị xâm hại\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}]"

typedef struct {
  const char *url;        /* nginx's root */
  const char *root;       /* the folder it serves */
  const char *log_path;   /* its access log: "METHOD URI STATUS SENT RECEIVED" */
  gsize       log_offset;
  guint       runs;
  guint       parallel;   /* the client's downloads in flight, and curl's */
  char       *dir;

  /* the figures, medians */
  double      full_ratio;
  double      download_ratio;
  double      idle_bytes;
  double      delta_bytes;
} Bench;

/* What nginx logged for one step. */
typedef struct {
  guint   requests;
  guint64 bytes;
  char   *first;          /* the first request's "METHOD URI STATUS" */
} Wire;

/* ---- content ---- */

static const char *starters[] = {
  "Trẻ em", "Cha mẹ", "Khi ra ngoài", "Nếu có chuyện", "Người lớn", "Mỗi gia đình",
  "Ở trường", "Hãy", "Đừng", "Các em", "Thầy cô", "Cán bộ xã", "Ông bà", "Hàng xóm",
};

static const char *words[] = {
  "cần", "được", "bảo vệ", "an toàn", "khi", "ở", "nhà", "trường", "học", "đuối nước",
  "sông", "ao", "hồ", "bơi", "áo phao", "trông chừng", "luôn", "gọi", "ngay",
  "đường dây nóng", "xâm hại", "bạo lực", "lắng nghe", "yêu thương", "chăm sóc", "sức khỏe",
  "tinh thần", "trên mạng", "điện thoại", "người lạ", "giúp đỡ", "thôn", "xóm", "phải",
  "biết", "cách", "phòng tránh", "tai nạn", "thương tích", "giao thông", "mũ bảo hiểm", "và",
  "với", "của", "cho", "những", "các", "một", "không", "có thể", "để", "trong", "ngoài",
  "sau", "trước", "mỗi ngày", "tuổi", "nhỏ", "bình tĩnh", "tin tưởng", "kể lại", "chuyện",
  "bí mật", "cơ thể", "riêng tư", "đồng ý", "từ chối", "chạy", "báo", "công an", "trạm y tế",
  "bác sĩ", "thầy giáo", "cô giáo", "bạn bè", "mùa mưa", "lũ lụt", "giếng", "bể nước",
  "đậy nắp", "hàng rào", "quan sát", "nhắc nhở", "kịp thời", "quyền", "trách nhiệm",
};

static const char *items[] = {
  "Gọi 111 (miễn phí, cả ngày và đêm).", "Báo cho công an xã hoặc trưởng thôn.",
  "Đưa trẻ đến trạm y tế gần nhất.", "Ở bên trẻ, lắng nghe và không trách mắng.",
  "Ghi lại thời gian, nơi xảy ra và người liên quan.", "Không tự giải quyết một mình.",
};

static guint
count_words (const char *text)
{
  guint n = 1;

  for (const char *c = text; *c != '\0'; c++)
    n += *c == ' ';
  return n;
}

/* Appends @text and returns its number of words. */
static guint
append_words (GString    *body,
              const char *text)
{
  g_string_append (body, text);
  return count_words (text);
}

/* One sentence of 8 to 15 picks; returns how many words it wrote. */
static guint
add_sentence (GString *body,
              GRand   *rand)
{
  const char *starter = starters[g_rand_int_range (rand, 0, G_N_ELEMENTS (starters))];
  guint n = g_rand_int_range (rand, 7, 15);
  guint written = append_words (body, starter);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (body, i > 0 && i % 6 == 0 ? ", " : " ");
      written += append_words (body, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_append (body, ". ");
  return written;
}

/* Three different things to do, as a list. */
static guint
add_list (GString *body,
          GRand   *rand)
{
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (items));
  guint written = append_words (body, "## Cần làm gì\n\n");

  for (guint i = 0; i < 3; i++)
    {
      g_string_append (body, "- ");
      written += append_words (body, items[(first + i) % G_N_ELEMENTS (items)]);
      g_string_append (body, "\n");
    }
  g_string_append (body, "\n");
  return written;
}

/* About @n_words of Markdown in Vietnamese, as an author writes it: headings,
 * paragraphs, a list of what to do, a call link. */
static char *
make_body (GRand *rand,
           guint  n_words)
{
  GString *body = g_string_new (NULL);
  guint written = append_words (body, "## Điều cần biết\n\n");

  while (written < n_words)
    {
      for (guint s = g_rand_int_range (rand, 3, 6); s > 0 && written < n_words; s--)
        written += add_sentence (body, rand);
      g_string_append (body, "\n\n");
      if (g_rand_int_range (rand, 0, 4) == 0)
        written += add_list (body, rand);
    }
  g_string_append (body, "Khi cần giúp, [gọi 111](tel:111).\n");
  return g_string_free (body, FALSE);
}

static void
add_articles (KioskTestRepo *repo,
              GRand         *rand,
              guint          n)
{
  g_autoptr(GBytes) hotlines = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines, NULL, -1);
  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_autofree char *id = g_strdup_printf ("topic-%u", t);

      kiosk_test_repo_add_topic (repo, id, "Phòng chống tai nạn thương tích cho trẻ em");
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%05u", i);
      g_autofree char *topic = g_strdup_printf ("topic-%u", i % N_TOPICS);
      g_autofree char *body = make_body (rand, N_WORDS);

      kiosk_test_repo_add_article (repo, id, topic, "Giữ an toàn cho trẻ em mùa mưa lũ", body);
    }
}

/* Compressed picture data is as good as random to everything on the way (nginx sends
 * it as is), so an image is its format's signature, random bytes and its trailer:
 * enough for the importer's type check, the size of a photo on a kiosk screen. */
static GBytes *
make_image (GRand   *rand,
            gboolean png,
            gsize    size)
{
  static const guint8 png_head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                     0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guint8 jpeg_head[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
  const guint8 *head = png ? png_head : jpeg_head;
  gsize head_len = png ? sizeof png_head : sizeof jpeg_head;
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i + 4 <= size; i += 4)
    {
      guint32 r = g_rand_int (rand);

      memcpy (data + i, &r, 4);
    }
  memcpy (data, head, head_len);
  data[size - 2] = png ? 0x82 : 0xff;
  data[size - 1] = png ? 0x60 : 0xd9;
  return g_bytes_new_take (data, size);
}

static void
add_images (KioskTestRepo *repo,
            GRand         *rand,
            guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      gboolean png = i % 2 == 0;
      g_autofree char *id = g_strdup_printf ("picture-%03u.%s", i, png ? "png" : "jpg");
      gsize size = g_rand_int_range (rand, 180 * 1000, 360 * 1000);
      g_autoptr(GBytes) bytes = make_image (rand, png, size);

      kiosk_test_repo_add_raw (repo, "media", id, bytes, NULL, -1);
    }
}

/* ---- nginx's access log ---- */

static void
wire_clear (Wire *wire)
{
  g_clear_pointer (&wire->first, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Wire, wire_clear)

static gsize
log_size (Bench *bench)
{
  GStatBuf st;

  return g_stat (bench->log_path, &st) == 0 ? (gsize) st.st_size : 0;
}

/* nginx writes a request's line once the response is sent, which may be just after
 * the client has it: wait until the log stops growing. */
static void
log_settle (Bench *bench)
{
  gsize last = G_MAXSIZE;
  gsize now;

  while ((now = log_size (bench)) != last)
    {
      last = now;
      g_usleep (60 * 1000);
    }
}

/* The requests logged since the last call. */
static void
log_take (Bench *bench,
          Wire  *wire)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;

  wire_clear (wire);
  log_settle (bench);
  g_file_get_contents (bench->log_path, &contents, &len, NULL);
  lines = g_strsplit (contents != NULL ? contents + MIN (bench->log_offset, len) : "", "\n", -1);
  bench->log_offset = len;
  *wire = (Wire) { 0 };
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      wire->requests++;
      wire->bytes += g_ascii_strtoull (fields[3], NULL, 10) +
                     g_ascii_strtoull (fields[4], NULL, 10);
      if (wire->first == NULL)
        wire->first = g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
    }
}

/* ---- the sync client ---- */

typedef struct {
  gboolean         done;
  gint64           applying;   /* when the importer started */
  KioskSyncReport *report;
  GError          *error;
} Sync;

static void
on_progress_cb (KioskSyncClient *client,
                const char      *source,
                guint            phase,
                guint            done,
                guint            total,
                guint64          bytes_done,
                guint64          bytes_total,
                Sync            *sync)
{
  if (phase == KIOSK_SYNC_PHASE_APPLYING && sync->applying == 0)
    sync->applying = g_get_monotonic_time ();
}

static void
on_synced_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Sync *sync = user_data;

  kiosk_sync_client_sync_finish (KIOSK_SYNC_CLIENT (source), result, &sync->report,
                                 &sync->error);
  sync->done = TRUE;
}

/* One sync by a new client, as a kiosk starts one; @download_ms (may be NULL) gets
 * the time until the importer started: checking, planning and downloading. */
static KioskSyncReport *
timed_sync (const char *store_path,
            const char *source,
            double     *total_ms,
            double     *download_ms)
{
  g_autoptr(KioskSyncClient) client = kiosk_sync_client_new ();
  Sync sync = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (client, "progress", G_CALLBACK (on_progress_cb), &sync);
  kiosk_sync_client_sync_async (client, store_path, source, NULL, on_synced_cb, &sync);
  while (!sync.done)
    g_main_context_iteration (NULL, TRUE);
  if (sync.error != NULL)
    g_error ("The sync of %s failed: %s", source, sync.error->message);
  *total_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (download_ms != NULL)
    *download_ms = ((sync.applying ? sync.applying : g_get_monotonic_time ()) - start) / 1000.0;
  return sync.report;
}

static char *
new_store (Bench         *bench,
           const char    *name,
           const char    *source,
           const char    *url,
           KioskTestRepo *repo)
{
  char *path = g_build_filename (bench->dir, name, NULL);
  const char *keys[] = { kiosk_test_repo_public_key (repo), NULL };
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  kiosk_store_add_source (store, source, url, keys, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_store (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Each timed run starts with nothing of the previous one left to write back. */
static void
settle_disk (void)
{
  sync ();
}

/* ---- curl, the floor ---- */

/* "url = …" and "output = …" for the manifest and every object it lists, as a curl
 * config file. */
static char *
write_curl_config (Bench         *bench,
                   const char    *url,
                   const char    *repo_dir,
                   KioskTestRepo *repo)
{
  g_autofree char *manifest_path = g_build_filename (repo_dir, "manifest.signed", NULL);
  const char *keys[] = { kiosk_test_repo_public_key (repo), NULL };
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(KioskManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  GString *config = g_string_new (NULL);
  char *path = g_build_filename (bench->dir, "curl.config", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (manifest_path, &contents, &len, &error);
  g_assert_no_error (error);
  envelope = g_bytes_new_take (g_steal_pointer (&contents), len);
  manifest = kiosk_manifest_new_verified (envelope, (GStrv) keys, &error);
  g_assert_no_error (error);
  g_string_append_printf (config, "url = \"%smanifest.signed\"\noutput = \"manifest.signed\"\n",
                          url);
  for (guint i = 0; i < manifest->objects->len; i++)
    {
      const char *sha256 = ((KioskManifestObject *) manifest->objects->pdata[i])->sha256;

      g_string_append_printf (config, "url = \"%sobjects/%s\"\noutput = \"objects/%s\"\n", url,
                              sha256, sha256);
    }
  g_file_set_contents (path, config->str, config->len, NULL);
  g_string_free (config, TRUE);
  return path;
}

static double
timed_curl (Bench      *bench,
            const char *config)
{
  g_autofree char *into = g_build_filename (bench->dir, "curl", NULL);
  g_autofree char *parallel = g_strdup_printf ("%u", bench->parallel);
  const char *argv[] = { "curl", "--silent", "--show-error", "--fail", "--create-dirs",
                         "--parallel", "--parallel-max", parallel, "--config", config, NULL };
  g_autofree char *curl_errors = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double ms;
  int status;

  g_mkdir_with_parents (into, 0700);
  settle_disk ();
  start = g_get_monotonic_time ();
  g_spawn_sync (into, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &curl_errors, &status, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("curl failed: %s\n%s", error->message, curl_errors);
  kiosk_test_rm_rf (into);
  return ms;
}

/* ---- figures ---- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
print_times (const char *what,
             GArray     *values)
{
  double m = median (values);

  g_print ("  %-44s %9.1f ms  (min %.1f, max %.1f, %u runs)\n", what, m,
           g_array_index (values, double, 0), g_array_index (values, double, values->len - 1),
           values->len);
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

/* ---- (a) full sync against curl ---- */

typedef struct {
  GArray *curl;
  GArray *sync;
  GArray *download;
  GArray *apply;
  GArray *import;
  Wire    curl_wire;
  Wire    sync_wire;
} FullRuns;

static void
full_runs_clear (FullRuns *runs)
{
  g_array_unref (runs->curl);
  g_array_unref (runs->sync);
  g_array_unref (runs->download);
  g_array_unref (runs->apply);
  g_array_unref (runs->import);
  wire_clear (&runs->curl_wire);
  wire_clear (&runs->sync_wire);
}

static void
full_sync_once (Bench         *bench,
                KioskTestRepo *repo,
                const char    *url,
                guint          run,
                FullRuns      *runs)
{
  const char *source = "vn.bench.full";
  g_autofree char *name = g_strdup_printf ("full-%u.sqlite", run);
  g_autofree char *store = new_store (bench, name, source, url, repo);
  g_autoptr(KioskSyncReport) report = NULL;
  double total, download;

  settle_disk ();
  report = timed_sync (store, source, &total, &download);
  log_take (bench, &runs->sync_wire);
  g_assert_cmpuint (report->articles_added, ==, N_ARTICLES);
  remove_store (store);
  if (run == 0)
    return;   /* warms the page cache and nginx's open files */
  g_array_append_val (runs->sync, total);
  g_array_append_val (runs->download, download);
  g_array_append_val (runs->apply, (double) { total - download });
}

/* The importer alone on the published folder: what applying costs without HTTP. */
static double
timed_import (Bench         *bench,
              KioskTestRepo *repo,
              const char    *root)
{
  g_autofree char *path = g_build_filename (bench->dir, "import.sqlite", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (root);
  const char *keys[] = { kiosk_test_repo_public_key (repo), NULL };
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_WRITER, NULL);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  settle_disk ();
  start = g_get_monotonic_time ();
  result = kiosk_import_repository (store, folder, (GStrv) keys, KIOSK_IMPORT_DEFAULT, NULL,
                                    &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  remove_store (path);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
curl_once (Bench      *bench,
           const char *config,
           guint       run,
           FullRuns   *runs)
{
  double ms;

  ms = timed_curl (bench, config);
  log_take (bench, &runs->curl_wire);
  if (run > 0)
    g_array_append_val (runs->curl, ms);
}

static void
bench_full (Bench *bench)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.bench.full");
  g_autofree char *root = g_build_filename (bench->root, "full", NULL);
  g_autofree char *url = g_strconcat (bench->url, "full/", NULL);
  g_autoptr(KioskTestPublisher) publisher = kiosk_test_publisher_new (repo, root);
  g_autofree char *config = NULL;
  FullRuns runs = { g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)),
                    g_array_new (FALSE, FALSE, sizeof (double)) };

  add_articles (repo, rand, N_ARTICLES);
  add_images (repo, rand, N_IMAGES);
  kiosk_test_publisher_publish (publisher);
  config = write_curl_config (bench, url, root, repo);

  /* Interleaved, so both see the same machine; the first of each warms up. */
  for (guint run = 0; run <= bench->runs; run++)
    {
      curl_once (bench, config, run, &runs);
      full_sync_once (bench, repo, url, run, &runs);
    }
  for (guint run = 0; run < bench->runs; run++)
    g_array_append_val (runs.import, (double) { timed_import (bench, repo, root) });

  g_print ("\n(a) full sync into a fresh store: %u requests, %.1f MB on the wire "
           "(curl: %u requests, %.1f MB)\n", runs.sync_wire.requests, runs.sync_wire.bytes / 1e6,
           runs.curl_wire.requests, runs.curl_wire.bytes / 1e6);
  print_times ("curl --parallel --parallel-max N (floor)", runs.curl);
  print_times ("sync client, whole sync", runs.sync);
  print_times ("  check + download into staging", runs.download);
  print_times ("  apply (importer, one transaction) + log", runs.apply);
  print_times ("importer alone, same repository from a folder", runs.import);
  bench->full_ratio = median (runs.sync) / median (runs.curl);
  bench->download_ratio = median (runs.download) / median (runs.curl);
  full_runs_clear (&runs);
}

/* ---- (b) no change and (c) one changed article, on 10,000 articles ---- */

typedef struct {
  Bench              *bench;
  KioskTestRepo      *repo;
  KioskTestPublisher *publisher;
  GRand              *rand;
  char               *store;
  const char         *source;
} Big;

/* A sync, then what it cost on the wire. */
static KioskSyncReport *
sync_wire (Big    *big,
           Wire   *wire,
           double *ms)
{
  KioskSyncReport *report = timed_sync (big->store, big->source, ms, NULL);

  log_take (big->bench, wire);
  return report;
}

static void
print_bytes (const char *what,
             GArray     *bytes,
             Wire       *last)
{
  g_print ("  %-44s %9.0f B   (max %.0f; %u request%s: %s …)\n", what, median (bytes),
           g_array_index (bytes, double, bytes->len - 1), last->requests,
           last->requests == 1 ? "" : "s", last->first);
}

static void
big_full_sync (Big *big)
{
  g_auto(Wire) wire = { 0 };
  g_autoptr(KioskSyncReport) report = NULL;
  double ms;

  report = sync_wire (big, &wire, &ms);
  g_assert_cmpuint (report->articles_added, ==, N_BIG);
  g_print ("\n(b), (c) on %u articles; the full sync first: %.0f ms, %u requests, %.1f MB\n",
           N_BIG, ms, wire.requests, wire.bytes / 1e6);
}

/* Polls with nothing new. The first one after a sync fetches the (empty) changes file
 * of the new version and keeps its ETag; from then on each is one conditional GET. */
static void
bench_idle (Big *big)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(Wire) first_wire = { 0 };
  g_auto(Wire) wire = { 0 };
  double ms;

  kiosk_sync_report_free (sync_wire (big, &first_wire, &ms));
  g_array_append_val (first, (double) { first_wire.bytes });
  for (guint run = 0; run < big->bench->runs; run++)
    {
      g_autoptr(KioskSyncReport) report = sync_wire (big, &wire, &ms);

      g_assert_true (report->up_to_date);
      g_array_append_val (idle, (double) { wire.bytes });
    }
  print_bytes ("first poll after a sync (learns the ETag)", first, &first_wire);
  print_bytes ("no-change poll", idle, &wire);
  big->bench->idle_bytes = median (idle);
}

static void
change_one_article (Big   *big,
                    guint  round)
{
  g_autofree char *id = g_strdup_printf ("article-%05u", (round * 2029 + 4242) % N_BIG);
  g_autofree char *body = make_body (big->rand, N_WORDS);

  kiosk_test_repo_add_article (big->repo, id, "topic-2", "Bài viết đã sửa", body);
  kiosk_test_publisher_publish (big->publisher);
}

/* A kiosk that polled (and holds the ETag) when one article changes. */
static void
bench_delta (Big *big)
{
  g_autoptr(GArray) bytes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(Wire) wire = { 0 };
  g_auto(Wire) poll = { 0 };
  double ms;

  for (guint round = 0; round < MAX (3, big->bench->runs); round++)
    {
      g_autoptr(KioskSyncReport) report = NULL;

      change_one_article (big, round);
      report = sync_wire (big, &wire, &ms);
      g_assert_true (report->from_changes);
      g_assert_cmpuint (report->articles_updated, ==, 1);
      g_array_append_val (bytes, (double) { wire.bytes });
      g_array_append_val (times, ms);
      kiosk_sync_report_free (sync_wire (big, &poll, &ms));
    }
  print_bytes ("sync after one article changed", bytes, &wire);
  print_times ("  its time", times);
  big->bench->delta_bytes = median (bytes);
}

static void
bench_big (Bench *bench)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (10000);
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.bench.big");
  g_autofree char *root = g_build_filename (bench->root, "big", NULL);
  g_autofree char *url = g_strconcat (bench->url, "big/", NULL);
  g_autoptr(KioskTestPublisher) publisher = kiosk_test_publisher_new (repo, root);
  Big big = { bench, repo, publisher, rand, NULL, "vn.bench.big" };

  add_articles (repo, rand, N_BIG);
  kiosk_test_publisher_publish (publisher);
  big.store = new_store (bench, "big.sqlite", big.source, url, repo);
  big_full_sync (&big);
  bench_idle (&big);
  bench_delta (&big);
  g_free (big.store);
}

/* The targets of issue 4, one line each; FALSE when one is missed. */
static gboolean
print_summary (Bench *bench)
{
  gboolean full = bench->full_ratio <= FULL_TARGET;
  gboolean idle = bench->idle_bytes < IDLE_TARGET;
  gboolean delta = bench->delta_bytes < DELTA_TARGET;

  g_print ("\n  %-44s %12s  %-10s\n", "", "measured", "target");
  g_print ("  %-44s %11.2fx  <= %.1fx    %s\n", "(a) full sync / curl, whole sync",
           bench->full_ratio, FULL_TARGET, verdict (full));
  g_print ("  %-44s %11.2fx\n", "    check + download alone / curl", bench->download_ratio);
  g_print ("  %-44s %10.0f B  < %u B  %s\n", "(b) no-change sync, bytes on the wire",
           bench->idle_bytes, IDLE_TARGET, verdict (idle));
  g_print ("  %-44s %10.0f B  < %u B %s\n", "(c) one changed article of 10,000, bytes",
           bench->delta_bytes, DELTA_TARGET, verdict (delta));
  return full && idle && delta;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(KioskSyncClient) client = NULL;
  g_auto(Wire) skip = { 0 };
  KioskSyncLimits limits;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  if (argc < 4)
    {
      g_printerr ("Usage: %s URL ROOT ACCESS_LOG [RUNS]  (run bench/sync)\n", argv[0]);
      return 2;
    }
  bench.url = argv[1];
  bench.root = argv[2];
  bench.log_path = argv[3];
  bench.runs = argc > 4 ? MAX (1, atoi (argv[4])) : 5;
  bench.dir = g_strdup (kiosk_test_init_dirs ());
  client = kiosk_sync_client_new ();
  kiosk_sync_client_get_limits (client, &limits);
  bench.parallel = limits.max_parallel;
  log_take (&bench, &skip);

  g_print ("Sync client: C API (kiosk_sync_client_sync_async), %u downloads in flight\n",
           bench.parallel);
  bench_full (&bench);
  bench_big (&bench);
  ok = print_summary (&bench);
  g_free (bench.dir);
  return ok ? 0 : 1;
}
