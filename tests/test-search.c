/* test-search.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kiosk-search.h"
#include "kiosk-store.h"
#include "kiosk-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct {
  const char *title;
  const char *summary;
  const char *tags;
  const char *body;
} Text;

typedef struct {
  KioskStore *store;
} Fixture;

static const Text filler_en = { "Guidance", "A short guide.", "", "Read this with your family." };

static void
exec_ok (KioskStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kiosk_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("search");
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autoptr(GError) error = NULL;

  fixture->store = kiosk_store_open (path, KIOSK_STORE_READER, &error);
  g_assert_no_error (error);
  exec_ok (fixture->store, "INSERT INTO sources (id) VALUES ('test')");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
}

static void
insert_text (KioskStore  *store,
             gint64       article,
             const char  *lang,
             const Text  *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = kiosk_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO article_texts (article, lang, title, summary,"
                                       " tags, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, article);
  sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text->summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text->tags, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, text->body, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* An article written straight into the tables, as the importer would leave it. */
static gint64
add_article (KioskStore *store,
             const char *id,
             const Text *vi,
             const Text *en)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = kiosk_store_get_db (store);
  gint64 rowid;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO articles (id, source, topic, position)"
                                       " VALUES (?1, 'test', 'safety', 1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  rowid = sqlite3_last_insert_rowid (db);

  insert_text (store, rowid, "vi", vi);
  insert_text (store, rowid, "en", en != NULL ? en : &filler_en);
  return rowid;
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text,
        KioskLang   lang)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = kiosk_store_search (fixture->store, text, lang, 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static KioskSearchHit *
hit (GPtrArray *hits,
     guint      i)
{
  g_assert_cmpuint (i, <, hits->len);
  return g_ptr_array_index (hits, i);
}

static void
assert_finds (Fixture    *fixture,
              const char *text,
              const char *article_id)
{
  g_autoptr(GPtrArray) hits = search (fixture, text, KIOSK_LANG_VI);

  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, article_id);
}

static void
assert_valid_markup (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GError) error = NULL;

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
add_vietnamese_set (KioskStore *store)
{
  add_article (store, "drowning",
               &(Text) { "Phòng tránh đuối nước", "Giữ trẻ an toàn quanh ao hồ.", "bơi, ao hồ",
                         "Đuối nước xảy ra nhanh và lặng lẽ." },
               &(Text) { "Preventing drowning", "Keep children safe near water.", "swimming",
                         "Drowning happens fast and quietly." });
  add_article (store, "hotline",
               &(Text) { "Đường dây nóng 111", "Gọi miễn phí, cả ngày lẫn đêm.", "tổng đài",
                         "Tổng đài quốc gia bảo vệ trẻ em nghe máy mọi lúc." },
               &(Text) { "Hotline 111", "Free to call, day and night.", "hotline",
                         "The national child protection hotline always answers." });
  add_article (store, "rights",
               &(Text) { "Bảo vệ trẻ em là việc của mọi người", "Luật Trẻ em 2016.", "quyền",
                         "Mọi người đều có trách nhiệm." },
               NULL);
}

static void
test_folded_drowning (Fixture       *fixture,
                      gconstpointer  data)
{
  add_vietnamese_set (fixture->store);
  assert_finds (fixture, "duoi nuoc", "drowning");
  assert_finds (fixture, "đuối nước", "drowning");
}

static void
test_folded_uppercase (Fixture       *fixture,
                       gconstpointer  data)
{
  add_vietnamese_set (fixture->store);
  assert_finds (fixture, "DUONG DAY NONG", "hotline");
  assert_finds (fixture, "ĐƯỜNG DÂY", "hotline");
}

static void
test_folded_words (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_vietnamese_set (fixture->store);
  hits = search (fixture, "bao ve tre em", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "rights");
  g_assert_cmpstr (hit (hits, 0)->title, ==, "Bảo vệ trẻ em là việc của mọi người");
  g_assert_cmpstr (hit (hits, 0)->topic, ==, "safety");
  g_assert_cmpstr (hit (hits, 1)->article_id, ==, "hotline");
}

static void
test_prefix (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_vietnamese_set (fixture->store);
  hits = search (fixture, "tre e", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "rights");

  /* Only the last word is a prefix. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "tr em", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* bm25 alone would put "duong" first here: it is in that title twice. */
static void
test_exact_accents (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_article (fixture->store, "folded",
               &(Text) { "Duong duong", "", "", "Viết không dấu: duong." }, NULL);
  add_article (fixture->store, "nurture",
               &(Text) { "Nuôi dưỡng con", "", "", "Dinh dưỡng cho trẻ." }, NULL);
  add_article (fixture->store, "road",
               &(Text) { "An toàn giao thông", "", "", "Qua đường cùng người lớn." }, NULL);

  hits = search (fixture, "đường", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "road");
  g_assert_cmpfloat (hit (hits, 0)->score, <, hit (hits, 1)->score);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "dưỡng", KIOSK_LANG_VI);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "nurture");

  /* Typed without marks, nothing is preferred for its marks: the title decides. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "duong", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "folded");

  /* A prefix typed with its marks is matched exactly too. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "qua đườ", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "road");
}

static void
test_title_first (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_article (fixture->store, "body-only",
               &(Text) { "Chăm sóc con nhỏ", "Những điều cần biết.", "",
                         "Tiêm chủng đúng lịch. Tiêm chủng miễn phí."
                         " Hỏi trạm y tế về tiêm chủng." },
               NULL);
  add_article (fixture->store, "in-title",
               &(Text) { "Lịch tiêm chủng", "Những điều cần biết.", "", "Hỏi trạm y tế." },
               NULL);
  add_article (fixture->store, "in-summary",
               &(Text) { "Sức khỏe của trẻ", "Tiêm chủng và dinh dưỡng.", "", "Hỏi trạm y tế." },
               NULL);

  hits = search (fixture, "tiem chung", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "in-title");
  g_assert_cmpstr (hit (hits, 1)->article_id, ==, "in-summary");
  g_assert_cmpstr (hit (hits, 2)->article_id, ==, "body-only");
  g_assert_cmpfloat (hit (hits, 0)->score, <, hit (hits, 1)->score);
  g_assert_cmpfloat (hit (hits, 1)->score, <, hit (hits, 2)->score);
}

static void
test_snippet_markup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  const char *snippet;

  add_article (fixture->store, "markup",
               &(Text) { "Thẻ & dấu", "Tóm tắt.", "",
                         "## Gọi ai\n\nKhi thấy <b>nguy hiểm</b> & lo lắng, hãy **gọi 111** ngay."
                         " Xem [bài về đuối nước](article:drowning) để biết thêm." },
               NULL);

  hits = search (fixture, "goi", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  snippet = hit (hits, 0)->snippet;
  assert_valid_markup (snippet);
  g_assert_nonnull (strstr (snippet, "<b>Gọi</b> ai"));
  g_assert_nonnull (strstr (snippet, "<b>gọi</b> 111"));
  g_assert_nonnull (strstr (snippet, "&lt;b&gt;nguy hiểm&lt;/b&gt; &amp; lo lắng"));
  g_assert_null (strstr (snippet, "**"));
  g_assert_null (strstr (snippet, "##"));

  /* A link's target is not text a person reads. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "duoi nuoc", KIOSK_LANG_VI);
  snippet = hit (hits, 0)->snippet;
  assert_valid_markup (snippet);
  g_assert_nonnull (strstr (snippet, "bài về <b>đuối</b> <b>nước</b> để"));
  g_assert_null (strstr (snippet, "article:"));
}

static void
test_snippet_offsets (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  const char *snippet;

  add_vietnamese_set (fixture->store);
  hits = search (fixture, "duoi", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  snippet = hit (hits, 0)->snippet;
  assert_valid_markup (snippet);
  g_assert_cmpstr (snippet, ==, "<b>Đuối</b> nước xảy ra nhanh và lặng lẽ.");

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "ao h", KIOSK_LANG_VI);
  g_assert_cmpstr (hit (hits, 0)->snippet, ==, "Giữ trẻ an toàn quanh <b>ao</b> <b>hồ</b>.");
}

static void
test_snippet_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  const char *snippet;

  for (guint i = 0; i < 60; i++)
    g_string_append (body, "Cha mẹ luôn ở bên con. ");
  g_string_append (body, "Khi con bị đuối nước, gọi 115 ngay.");
  for (guint i = 0; i < 60; i++)
    g_string_append (body, "Cha mẹ luôn ở bên con. ");
  add_article (fixture->store, "long",
               &(Text) { "Bên con", "Tóm tắt.", "", body->str }, NULL);

  hits = search (fixture, "duoi nuoc", KIOSK_LANG_VI);
  snippet = hit (hits, 0)->snippet;
  assert_valid_markup (snippet);
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_nonnull (strstr (snippet, "con bị <b>đuối</b> <b>nước</b>, gọi 115"));
  g_assert_cmpuint (g_utf8_strlen (snippet, -1), <, 200);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (2000, 'a');
  g_autofree char *many_words = NULL;
  const char *queries[] = {
    "\"", "\"\"", "*", "(", ")", "NEAR(a b)", "NEAR", "a OR", "OR", "AND", "NOT", "a AND NOT b",
    "-x", "x -", ":", "title:nước", "{title}: a", "^a", "a^", "a + b", "nước*", "'", "\\",
    "😀", "trẻ 😀 em", "\x01\x02\x1b[0m", "\xff\xfe", "tr\xc3", "e\xcc\x81", "\xcc\x81",
    "𞤀𞤁", "ⅷ", "=nước", "\"=nước\"", "a\"b", "ĐƯỜNG\tDÂY\nNÓNG", "ａｂｃ", "١٢٣",
    long_text,
  };
  GString *words = g_string_new (NULL);

  add_vietnamese_set (fixture->store);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (words, "tre%u ", i);
  many_words = g_string_free (words, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_unref (search (fixture, queries[i], KIOSK_LANG_VI));
  g_ptr_array_unref (search (fixture, many_words, KIOSK_LANG_EN));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  const char *queries[] = { "", " ", "\t\n", "!!!", "\"*\"", "😀😀", "-", "\xff" };

  add_vietnamese_set (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = search (fixture, queries[i], KIOSK_LANG_VI);
      g_autofree char *match = kiosk_search_build_match (queries[i]);

      g_assert_cmpuint (hits->len, ==, 0);
      g_assert_null (match);
    }
}

static void
test_build_match (void)
{
  struct {
    const char *text;
    const char *match;
  } cases[] = {
    { "tre e", "\"tre\" AND \"e\"*" },
    { "Trẻ  EM*", "(\"trẻ\" OR \"=trẻ\") AND \"em\"*" },
    { "NEAR(a b)", "\"near\" AND \"a\" AND \"b\"*" },
    { "a OR -b", "\"a\" AND \"or\" AND \"b\"*" },
    { "\"x\" : ^y", "\"x\" AND \"y\"*" },
    { "e\xcc\x81m", "(\"ém\"* OR \"=ém\"*)" },
    { "x\xffy", "\"x\" AND \"y\"*" },
    { "1 2 3 4 5 6 7 8 9",
      "\"1\" AND \"2\" AND \"3\" AND \"4\" AND \"5\" AND \"6\" AND \"7\" AND \"8\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = kiosk_search_build_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static void
test_build_match_long_word (void)
{
  g_autofree char *text = g_strnfill (2000, 'a');
  g_autofree char *match = kiosk_search_build_match (text);
  g_autofree char *expected_word = g_strnfill (32, 'a');
  g_autofree char *expected = g_strdup_printf ("\"%s\"*", expected_word);

  g_assert_cmpstr (match, ==, expected);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_vietnamese_set (fixture->store);
  hits = search (fixture, "drowning", KIOSK_LANG_EN);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "drowning");
  g_assert_cmpint (hit (hits, 0)->lang, ==, KIOSK_LANG_EN);
  g_assert_cmpstr (hit (hits, 0)->title, ==, "Preventing drowning");
  g_assert_nonnull (strstr (hit (hits, 0)->snippet, "<b>Drowning</b>"));

  /* Found in English, shown under the Vietnamese title on a Vietnamese screen. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "drown", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (hit (hits, 0)->lang, ==, KIOSK_LANG_EN);
  g_assert_cmpstr (hit (hits, 0)->title, ==, "Phòng tránh đuối nước");
}

/* Both languages match "111": one hit, from the row in the asked language. */
static void
test_one_hit_per_article (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_vietnamese_set (fixture->store);
  hits = search (fixture, "111", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (hit (hits, 0)->lang, ==, KIOSK_LANG_VI);
  g_assert_cmpstr (hit (hits, 0)->title, ==, "Đường dây nóng 111");

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "111", KIOSK_LANG_EN);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (hit (hits, 0)->lang, ==, KIOSK_LANG_EN);
  g_assert_cmpstr (hit (hits, 0)->title, ==, "Hotline 111");
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%02u", i);
      g_autofree char *body = g_strnfill (i + 1, 'x');
      g_autofree char *text = g_strdup_printf ("An toàn cho trẻ %s", body);

      add_article (fixture->store, id, &(Text) { "Tiêu đề", "Tóm tắt", "", text },
                   &(Text) { "Title", "Summary", "", "Safety for children" });
    }

  hits = kiosk_store_search (fixture->store, "an toan", KIOSK_LANG_VI, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 7);
  for (guint i = 1; i < hits->len; i++)
    g_assert_cmpfloat (hit (hits, i - 1)->score, <=, hit (hits, i)->score);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = kiosk_store_search (fixture->store, "an toan", KIOSK_LANG_VI, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = kiosk_store_search (fixture->store, "safety", KIOSK_LANG_VI, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 30);
}

static void
test_triggers (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  add_vietnamese_set (fixture->store);
  exec_ok (fixture->store,
           "UPDATE article_texts SET body = 'Mặc áo phao khi đi thuyền.'"
           " WHERE lang = 'vi' AND article = (SELECT rowid FROM articles WHERE id = 'drowning')");

  hits = search (fixture, "ao phao", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "drowning");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "lang le", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 0);

  exec_ok (fixture->store,
           "DELETE FROM article_texts"
           " WHERE article = (SELECT rowid FROM articles WHERE id = 'drowning');"
           "DELETE FROM articles WHERE id = 'drowning'");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "ao phao", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "drowning", KIOSK_LANG_EN);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "duong day", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* FTS5's own highlight() over the same tokenizer: marks where the words are, exact
 * forms in the index or not. */
static char *
highlight_body (KioskStore *store,
                const char *match)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = kiosk_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT highlight (article_search, 3, '[', ']')"
                                       " FROM article_search WHERE article_search MATCH ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* An import holding the write lock neither blocks a search nor shows it half done. */
static void
test_reader_during_write (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KioskStore) writer = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  add_vietnamese_set (fixture->store);
  writer = kiosk_store_open (kiosk_store_get_path (fixture->store), KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_store_begin_write (writer, &error));
  add_article (writer, "new", &(Text) { "Áo phao mới", "", "", "Mặc áo phao." }, NULL);

  start = g_get_monotonic_time ();
  hits = search (fixture, "ao phao", KIOSK_LANG_VI);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  g_assert_cmpuint (hits->len, ==, 0);

  g_assert_true (kiosk_store_commit (writer, &error));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "ao phao", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "new");
}

static GPtrArray *
index_terms (KioskStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = kiosk_store_get_db (store);

  exec_ok (store, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms"
                  " USING fts5vocab ('main', 'article_search', 'row')");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT term FROM temp.terms", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (terms, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return terms;
}

static gboolean
has_term (GPtrArray  *terms,
          const char *term)
{
  return g_ptr_array_find_with_equal_func (terms, term, g_str_equal, NULL);
}

/* Đ has no decomposition; upper case must fold like lower case, and the exact form is
 * kept beside the folded one. */
static void
test_tokenizer (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  add_article (fixture->store, "upper",
               &(Text) { "ĐƯỜNG DÂY NÓNG", "ĐỪNG SỢ", "", "Đi đâu cũng được. Plain ascii." },
               NULL);
  terms = index_terms (fixture->store);
  g_assert_true (has_term (terms, "duong"));
  g_assert_true (has_term (terms, "dung"));
  g_assert_true (has_term (terms, "di"));
  g_assert_true (has_term (terms, "ĐƯỜNG"));
  g_assert_true (has_term (terms, "ĐI"));
  g_assert_false (has_term (terms, "đường"));
  g_assert_false (has_term (terms, "PLAIN"));
  for (guint i = 0; i < terms->len; i++)
    g_assert_null (strstr (g_ptr_array_index (terms, i), "đ"));

  hits = search (fixture, "đường dây", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "upper");
  g_assert_cmpfloat (hit (hits, 0)->score, <, -1000);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "di dau", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (hit (hits, 0)->snippet, ==, "<b>Đi</b> <b>đâu</b> cũng được. Plain ascii.");
}

static void
test_highlight_offsets (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folded = NULL;
  g_autofree char *exact = NULL;

  add_vietnamese_set (fixture->store);
  folded = highlight_body (fixture->store, "duoi");
  g_assert_cmpstr (folded, ==, "[Đuối] nước xảy ra nhanh và lặng lẽ.");
  exact = highlight_body (fixture->store, "\"=đuối\" \"lang\"");
  g_assert_cmpstr (exact, ==, "[Đuối] nước xảy ra nhanh và [lặng] lẽ.");
}

/* Text stored decomposed (NFD) still meets words typed composed, and the other way. */
static void
test_decomposed (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *title = g_utf8_normalize ("Nuôi dưỡng trẻ nhỏ", -1, G_NORMALIZE_NFD);
  g_autofree char *typed = g_utf8_normalize ("dưỡng", -1, G_NORMALIZE_NFD);
  g_autoptr(GPtrArray) hits = NULL;

  add_article (fixture->store, "nfd", &(Text) { title, "", "", "Thân." }, NULL);
  add_article (fixture->store, "nfc", &(Text) { "Đường đi", "", "", "Thân." }, NULL);

  hits = search (fixture, "duong", KIOSK_LANG_VI);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, "dưỡng", KIOSK_LANG_VI);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "nfd");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture, typed, KIOSK_LANG_VI);
  g_assert_cmpstr (hit (hits, 0)->article_id, ==, "nfd");
}

#define ADD_TEST(path, func) \
  g_test_add ("/kiosk/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("folded-drowning", test_folded_drowning);
  ADD_TEST ("folded-uppercase", test_folded_uppercase);
  ADD_TEST ("folded-words", test_folded_words);
  ADD_TEST ("prefix", test_prefix);
  ADD_TEST ("exact-accents", test_exact_accents);
  ADD_TEST ("title-first", test_title_first);
  ADD_TEST ("snippet-markup", test_snippet_markup);
  ADD_TEST ("snippet-offsets", test_snippet_offsets);
  ADD_TEST ("snippet-window", test_snippet_window);
  ADD_TEST ("hostile", test_hostile);
  ADD_TEST ("empty", test_empty);
  ADD_TEST ("english", test_english);
  ADD_TEST ("one-hit-per-article", test_one_hit_per_article);
  ADD_TEST ("limit", test_limit);
  ADD_TEST ("triggers", test_triggers);
  ADD_TEST ("reader-during-write", test_reader_during_write);
  ADD_TEST ("tokenizer", test_tokenizer);
  ADD_TEST ("highlight-offsets", test_highlight_offsets);
  ADD_TEST ("decomposed", test_decomposed);
  g_test_add_func ("/kiosk/search/build-match", test_build_match);
  g_test_add_func ("/kiosk/search/build-match-long-word", test_build_match_long_word);

  return g_test_run ();
}
