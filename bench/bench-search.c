/* bench-search.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long search-as-you-type takes on a big store: 10,000 synthetic articles in both
 * languages, 200 queries typed the way people type them on the on-screen keyboard. Each
 * query runs through kiosk_store_search() and, as the floor, through the bare FTS5
 * query with the same match string, in the same run on the same connection: a reader,
 * as the kiosk's screen has, while the store was written through a writer connection,
 * as the importer writes it. BENCH_VERBOSE=1 prints every query's times.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-search.h"
#include "kiosk-store.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define SEED 20261120

/* Syllables of child-protection guidance, most of them with their marks; the order is
 * shuffled before the Zipf weights are given out. */
static const char *vi_words[] = {
  "trẻ", "em", "bảo", "vệ", "quyền", "lợi", "gia", "đình", "cha", "mẹ", "người", "lớn",
  "trường", "học", "giáo", "viên", "sinh", "an", "toàn", "nguy", "cơ", "bạo", "lực", "xâm",
  "hại", "tình", "dục", "đuối", "nước", "đường", "dây", "nóng", "tư", "vấn", "hỗ", "trợ",
  "khẩn", "cấp", "sức", "khỏe", "tâm", "lý", "dinh", "dưỡng", "nuôi", "dạy", "con", "cái",
  "chăm", "sóc", "yêu", "thương", "lắng", "nghe", "chia", "sẻ", "bơi", "lội", "ao", "hồ",
  "sông", "suối", "giếng", "phao", "áo", "cứu", "sơ", "thở", "tim", "phổi", "bệnh",
  "viện", "trạm", "y", "tế", "xã", "phường", "thị", "trấn", "huyện", "tỉnh", "công",
  "ủy", "ban", "nhân", "dân", "cán", "bộ", "đội", "đoàn", "thanh", "niên", "phụ", "nữ",
  "hội", "làng", "xóm", "hàng", "bạn", "bè", "thầy", "cô", "lớp", "bài", "tập", "đọc",
  "viết", "chơi", "ngủ", "ăn", "uống", "sữa", "cơm", "rau", "thịt", "cá", "trứng", "quả",
  "sạch", "tay", "chân", "mắt", "tai", "răng", "miệng", "đầu", "bụng", "da", "tóc",
  "máu", "vết", "bỏng", "ngã", "gãy", "xương", "điện", "lửa", "bếp", "cháy", "nổ", "xe",
  "máy", "đạp", "mũ", "hiểm", "giao", "thông", "đèn", "tín", "hiệu", "vỉa", "hè", "qua",
  "cầu", "đò", "thuyền", "mưa", "bão", "lũ", "lụt", "nắng", "lạnh", "rét", "mùa", "đông",
  "xuân", "thu", "ngày", "đêm", "sáng", "tối", "giờ", "phút", "tuần", "tháng", "năm",
  "tuổi", "mầm", "non", "tiểu", "trung", "phổ", "đại", "khó", "khăn", "nghèo", "mồ",
  "côi", "khuyết", "tật", "tộc", "thiểu", "số", "lao", "động", "sớm", "buôn", "bán",
  "bắt", "cóc", "lừa", "đảo", "mạng", "thoại", "trò", "ảnh", "nạt", "trêu", "chọc",
  "đánh", "đập", "mắng", "chửi", "phạt", "kỷ", "luật", "tích", "cực", "khen", "ngợi",
  "khuyến", "khích", "tôn", "trọng", "lời", "nói", "cảm", "xúc", "buồn", "vui", "sợ",
  "hãi", "lo", "âu", "giận", "dữ", "căng", "thẳng", "trầm", "tự", "tử", "tổn", "giúp",
  "đỡ", "báo", "tin", "gọi", "một", "hai", "ba", "bốn", "không", "có", "là", "và", "của",
  "cho", "với", "những", "các", "được", "khi", "nếu", "thì", "để", "này", "đó", "nào",
  "ai", "gì", "đâu", "sao", "bao", "nhiêu", "luôn", "phải", "nên", "cần", "hãy", "đừng",
  "chưa", "đã", "đang", "sẽ", "vẫn", "cũng", "rất", "quá", "lắm", "nhiều", "ít", "mọi",
  "từng", "mỗi", "cùng", "nhau", "giữa", "trong", "ngoài", "trên", "dưới", "trước", "sau",
  "bên", "cạnh", "gần", "xa", "nhà", "phòng", "cửa", "sân", "vườn", "đồng", "ruộng",
  "rừng", "núi", "biển", "bãi", "tắm", "hướng", "dẫn", "quy", "định", "pháp", "nghị",
  "điều", "khoản", "thủ", "tục", "đăng", "ký", "khai", "giấy", "tờ", "chứng", "nhận",
  "dịch", "vụ", "miễn", "phí", "liên", "hệ", "địa", "chỉ", "tổng", "đài", "dương", "đương",
  "duyên", "đứng", "dừng", "đi", "dì", "đỏ", "dỗ", "đẻ", "dễ", "đau", "dấu", "đủ", "dụ",
};

static const char *en_words[] = {
  "child", "children", "protection", "rights", "family", "parent", "parents", "mother",
  "father", "school", "teacher", "student", "safety", "safe", "risk", "violence", "abuse",
  "sexual", "drowning", "water", "hotline", "call", "help", "support", "emergency",
  "health", "mental", "nutrition", "care", "love", "listen", "share", "swim", "swimming",
  "lake", "river", "pond", "well", "life", "jacket", "first", "aid", "breathing",
  "hospital", "clinic", "commune", "ward", "district", "province", "police", "committee",
  "officer", "youth", "women", "union", "village", "neighbour", "friend", "friends",
  "class", "lesson", "read", "write", "play", "sleep", "eat", "drink", "milk", "rice",
  "vegetables", "meat", "fish", "egg", "fruit", "clean", "hygiene", "hand", "hands",
  "foot", "eye", "ear", "teeth", "mouth", "head", "stomach", "skin", "hair", "blood",
  "wound", "burn", "fall", "broken", "bone", "electric", "fire", "kitchen", "motorbike",
  "bicycle", "helmet", "insurance", "traffic", "light", "road", "street", "bridge",
  "boat", "rain", "storm", "flood", "hot", "cold", "summer", "winter", "spring", "autumn",
  "day", "night", "morning", "evening", "hour", "minute", "week", "month", "year", "age",
  "newborn", "preschool", "primary", "secondary", "poor", "orphan", "disability",
  "ethnic", "minority", "labour", "early", "trafficking", "kidnapping", "fraud", "online",
  "internet", "phone", "game", "photo", "video", "bullying", "teasing", "hitting",
  "shouting", "punishment", "discipline", "positive", "praise", "encourage", "respect",
  "words", "feelings", "sad", "happy", "afraid", "fear", "worry", "anger", "stress",
  "depression", "harm", "report", "number", "one", "two", "three", "the", "a", "and",
  "of", "to", "for", "with", "in", "on", "is", "are", "be", "can", "should", "must", "do",
  "not", "never", "always", "when", "if", "who", "what", "where", "how", "many", "every",
  "each", "together", "between", "inside", "outside", "home", "room", "door", "yard",
  "garden", "field", "forest", "mountain", "sea", "beach", "guide", "guidance", "law",
  "decree", "procedure", "register", "paper", "certificate", "service", "free",
  "contact", "address", "line", "center", "local", "national", "right", "need", "needs",
  "protect", "keep", "talk", "ask", "tell", "know", "learn",
};

typedef struct {
  const char **words;
  guint        n_words;
  double      *cumulative;   /* Zipf weights over a shuffled order */
} Vocabulary;

typedef struct {
  char      *text;
  KioskLang  lang;
} Query;

static void
vocabulary_init (Vocabulary   *vocab,
                 const char  **words,
                 guint         n_words,
                 GRand        *rand)
{
  double total = 0;

  vocab->words = g_memdup2 (words, n_words * sizeof *words);
  vocab->n_words = n_words;
  for (guint i = n_words - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      const char *tmp = vocab->words[i];

      vocab->words[i] = vocab->words[j];
      vocab->words[j] = tmp;
    }

  vocab->cumulative = g_new (double, n_words);
  for (guint i = 0; i < n_words; i++)
    {
      total += 1.0 / (i + 1);
      vocab->cumulative[i] = total;
    }
  for (guint i = 0; i < n_words; i++)
    vocab->cumulative[i] /= total;
}

static void
vocabulary_clear (Vocabulary *vocab)
{
  g_free (vocab->words);
  g_free (vocab->cumulative);
}

static const char *
vocabulary_pick (const Vocabulary *vocab,
                 GRand            *rand)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = vocab->n_words - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (vocab->cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return vocab->words[lo];
}

/* Sentences of 6–18 words, the first capitalised, ending with a full stop. */
static char *
make_text (const Vocabulary *vocab,
           GRand            *rand,
           guint             n_words,
           gboolean          sentences)
{
  GString *text = g_string_new (NULL);
  guint left_in_sentence = 0;

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = vocabulary_pick (vocab, rand);
      gboolean first = sentences && left_in_sentence == 0;

      if (first)
        left_in_sentence = g_rand_int_range (rand, 6, 19);
      if (i > 0)
        g_string_append (text, first ? ". " : " ");
      if (first)
        {
          g_autofree char *upper = g_utf8_strup (word, g_utf8_next_char (word) - word);

          g_string_append (text, upper);
          g_string_append (text, g_utf8_next_char (word));
        }
      else
        {
          g_string_append (text, word);
        }
      left_in_sentence--;
    }
  if (sentences)
    g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static char *
make_tags (const Vocabulary *vocab,
           GRand            *rand)
{
  GString *tags = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 2, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tag = make_text (vocab, rand, g_rand_int_range (rand, 1, 3), FALSE);

      if (i > 0)
        g_string_append (tags, ", ");
      g_string_append (tags, tag);
    }
  return g_string_free (tags, FALSE);
}

static void
insert_text (sqlite3_stmt     *stmt,
             sqlite3_int64     article,
             const char       *lang,
             const Vocabulary *vocab,
             GRand            *rand)
{
  g_autofree char *title = make_text (vocab, rand, g_rand_int_range (rand, 4, 10), FALSE);
  g_autofree char *summary = make_text (vocab, rand, g_rand_int_range (rand, 12, 26), TRUE);
  g_autofree char *tags = make_tags (vocab, rand);
  g_autofree char *body = make_text (vocab, rand, g_rand_int_range (rand, 300, 501), TRUE);

  sqlite3_bind_int64 (stmt, 1, article);
  sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, body, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("Could not insert a text: %s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

static void
generate (KioskStore       *store,
          guint             n_articles,
          const Vocabulary *vi,
          const Vocabulary *en,
          GRand            *rand)
{
  sqlite3 *db = kiosk_store_get_db (store);
  g_autoptr(sqlite3_stmt) article = NULL;
  g_autoptr(sqlite3_stmt) text = NULL;
  g_autoptr(GError) error = NULL;

  if (!kiosk_store_begin_write (store, &error) ||
      !kiosk_store_exec (store, "INSERT INTO sources (id) VALUES ('bench')", &error))
    g_error ("%s", error->message);

  sqlite3_prepare_v2 (db,
                      "INSERT INTO articles (rowid, id, source, topic, position)"
                      " VALUES (?1, printf ('article-%05d', ?1), 'bench',"
                      " printf ('topic-%02d', ?1 % 20), ?1)",
                      -1, &article, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO article_texts (article, lang, title, summary, tags, body)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                      -1, &text, NULL);
  for (guint i = 1; i <= n_articles; i++)
    {
      sqlite3_bind_int64 (article, 1, i);
      if (sqlite3_step (article) != SQLITE_DONE)
        g_error ("Could not insert an article: %s", sqlite3_errmsg (db));
      sqlite3_reset (article);
      insert_text (text, i, "vi", vi, rand);
      insert_text (text, i, "en", en, rand);
    }

  if (!kiosk_store_commit (store, &error) ||
      !kiosk_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", &error))
    g_error ("%s", error->message);
}

/* What the on-screen keyboard gives: the marks left out, đ typed as d. */
static char *
strip_marks (const char *word)
{
  g_autofree char *nfd = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = nfd; *p != 0; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0111 || c == 0x0110)
        c = 'd';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* 1–3 words that follow each other in real text, the last cut to 1–4 letters, as a
 * person sees results while still typing it. One in five is typed with its marks. */
static Query
make_query (const Vocabulary *vi,
            const Vocabulary *en,
            GRand            *rand)
{
  gboolean english = g_rand_int_range (rand, 0, 100) < 15;
  gboolean accented = !english && g_rand_int_range (rand, 0, 100) < 20;
  guint n = g_rand_int_range (rand, 1, 4);
  g_autofree char *phrase = make_text (english ? en : vi, rand, n, FALSE);
  g_auto(GStrv) words = g_strsplit (phrase, " ", -1);
  GString *text = g_string_new (NULL);
  Query query = { NULL, english ? KIOSK_LANG_EN : KIOSK_LANG_VI };

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *typed = accented ? g_strdup (words[i]) : strip_marks (words[i]);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (words[i + 1] == NULL)
        {
          glong len = g_utf8_strlen (typed, -1);
          glong cut = MIN (len, g_rand_int_range (rand, 1, 5));

          g_string_append_len (text, typed, g_utf8_offset_to_pointer (typed, cut) - typed);
        }
      else
        {
          g_string_append (text, typed);
        }
    }
  query.text = g_string_free (text, FALSE);
  return query;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank. */
static double
percentile (GArray *times,
            double  p)
{
  guint rank = (guint) ceil (p * times->len);
  guint i = CLAMP (rank, 1, times->len) - 1;

  g_array_sort (times, compare_double);
  return g_array_index (times, double, i);
}

static double
time_search (KioskStore  *store,
             const Query *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 start = g_get_monotonic_time ();

  hits = kiosk_store_search (store, query->text, query->lang, 20, &error);
  if (hits == NULL)
    g_error ("Search for “%s” failed: %s", query->text, error->message);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_floor (sqlite3_stmt *stmt,
            const Query  *query)
{
  g_autofree char *match = kiosk_search_build_match (query->text);
  gint64 start = g_get_monotonic_time ();
  int rc;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("Floor query for “%s” failed: %s", match,
             sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run (KioskStore *store,
     Query      *queries,
     guint       n_queries,
     GArray     *search_times,
     GArray     *floor_times)
{
  g_autoptr(sqlite3_stmt) bare = NULL;

  if (sqlite3_prepare_v2 (kiosk_store_get_db (store),
                          "SELECT rowid FROM article_search WHERE article_search MATCH ?"
                          " ORDER BY rank LIMIT 20",
                          -1, &bare, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (kiosk_store_get_db (store)));

  /* The warm-up pass fills the page cache the way a kiosk that has run a while has it. */
  for (guint i = 0; i < n_queries; i++)
    {
      time_search (store, &queries[i]);
      time_floor (bare, &queries[i]);
    }
  for (guint i = 0; i < n_queries; i++)
    {
      double s = time_search (store, &queries[i]);
      double f = time_floor (bare, &queries[i]);

      g_array_append_val (search_times, s);
      g_array_append_val (floor_times, f);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("%-24s search %7.3f  floor %7.3f\n", queries[i].text, s, f);
    }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void
remove_store (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

/* Writes the synthetic articles through a writer connection, as the importer does. */
static void
write_store (const char *path,
             int         n_articles)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Vocabulary vi, en;
  gint64 start;

  store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  vocabulary_init (&vi, vi_words, G_N_ELEMENTS (vi_words), rand);
  vocabulary_init (&en, en_words, G_N_ELEMENTS (en_words), rand);
  start = g_get_monotonic_time ();
  generate (store, n_articles, &vi, &en, rand);
  g_print ("store: %d articles x 2 languages, written in %.1f s\n", n_articles,
           (g_get_monotonic_time () - start) / 1e6);
  vocabulary_clear (&vi);
  vocabulary_clear (&en);
}

/* A reader connection, as the kiosk's screen has, on a fresh store of @n_articles or
 * on the one kept at @keep by an earlier run. */
static KioskStore *
open_store (const char *keep,
            int         n_articles,
            char      **path)
{
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (keep != NULL)
    {
      *path = g_strdup (keep);
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("bench-search-XXXXXX", &error);

      if (dir == NULL)
        g_error ("%s", error->message);
      *path = g_build_filename (dir, "store.sqlite", NULL);
    }

  if (!g_file_test (*path, G_FILE_TEST_EXISTS))
    write_store (*path, n_articles);

  store = kiosk_store_open (*path, KIOSK_STORE_READER, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return g_steal_pointer (&store);
}

static Query *
make_queries (int n_queries)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  Query *queries = g_new0 (Query, n_queries);
  Vocabulary vi, en;

  vocabulary_init (&vi, vi_words, G_N_ELEMENTS (vi_words), rand);
  vocabulary_init (&en, en_words, G_N_ELEMENTS (en_words), rand);
  for (int i = 0; i < n_queries; i++)
    queries[i] = make_query (&vi, &en, rand);
  vocabulary_clear (&vi);
  vocabulary_clear (&en);
  return queries;
}

static void
report (const char *path,
        GArray     *search_times,
        GArray     *floor_times)
{
  double search_median = percentile (search_times, 0.5);
  double search_p95 = percentile (search_times, 0.95);
  double floor_median = percentile (floor_times, 0.5);
  double floor_p95 = percentile (floor_times, 0.95);

  g_print ("store size: %.1f MB\n", file_size (path) / 1e6);
  g_print ("queries: %u, limit 20\n", search_times->len);
  g_print ("kiosk_store_search  median %7.3f ms  p95 %7.3f ms\n", search_median, search_p95);
  g_print ("bare FTS5 (floor)   median %7.3f ms  p95 %7.3f ms\n", floor_median, floor_p95);
  g_print ("ratio search/floor  median %7.2f     p95 %7.2f\n",
           search_median / floor_median, search_p95 / floor_p95);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *keep = NULL;
  g_autofree char *path = NULL;
  Query *queries;
  int n_articles = 10000, n_queries = 200;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Queries to time", "N" },
    { "store", 0, 0, G_OPTION_ARG_FILENAME, &keep,
      "Keep the store at PATH, and reuse it if it is there", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("- time kiosk_store_search() on a synthetic store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1 ||
      n_queries < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--articles and --queries must be positive");
      return EXIT_FAILURE;
    }

  store = open_store (keep, n_articles, &path);
  queries = make_queries (n_queries);
  run (store, queries, n_queries, search_times, floor_times);
  report (path, search_times, floor_times);

  for (int i = 0; i < n_queries; i++)
    g_free (queries[i].text);
  g_free (queries);
  g_clear_object (&store);
  if (keep == NULL)
    remove_store (path);
  return EXIT_SUCCESS;
}
