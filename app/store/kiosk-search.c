/* kiosk-search.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type over article_search (migration 2 in kiosk-schema.c).
 *
 * Exact accents. A person who types "đường" means the road, not "dưỡng" (to nurture),
 * though both fold to "duong". The tokenizer indexes every marked word a second time in
 * its exact form, colocated with the folded one (kiosk-fold-tokenizer.c), and each
 * marked word of the query becomes ("đường" OR "=đường"): the same rows match, and the
 * rank function sees in each row whether the exact form is there, so rows with more of
 * the typed words as typed come first. Re-ranking the first few candidates by their
 * text instead would read and scan each candidate's text on every keystroke, and could
 * only reorder what bm25 had already picked: in a store full of "dưỡng", the articles
 * about roads might never be among them. The price is paid at import, for Vietnamese
 * text only: on bench/search's 10,000 articles the store grows by a fifth and takes
 * half as long again to write. Words typed without marks are matched folded only.
 *
 * Cost. FTS5's bm25() for one row reads every position of every phrase and looks the
 * row's length up in %_docsize: about 1 µs. A prefix of one or two letters matches
 * nearly every row, so ranking them all takes 20–30 ms on 20,000 rows. kiosk_rank()
 * instead gives every matching row a cheap key — how many words are there with their
 * marks, then the weighted hits in title, summary and tags, the body counted once —
 * and computes the real bm25 (FTS5's formula and constants, columns weighted 10, 4, 4,
 * 1) only for a row whose key beats the worst of the best 4 × limit so far. So the
 * result is the best candidates by key, ordered by exact words, then bm25: a row whose
 * only strength is many hits in a long body can lose its place to one with the word in
 * its title, which is what a person scanning titles expects anyway.
 *
 * The scan is driven by SQL, but its result is a C heap handed to the rank function
 * as a pointer, so there is no SQL sort. Snippets are cut here too, for the rows
 * returned only, with the same tokenizer: asking FTS5 for snippet() row by row ("MATCH
 * ? AND rowid = ?") would expand a four-letter prefix again for every row. All of it
 * runs in one read transaction: an import committing meanwhile is either all in the
 * results or not at all.
 */

#define G_LOG_DOMAIN "kiosk-search"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kiosk-fold-tokenizer.h"
#include "kiosk-search.h"
#include "kiosk-store-private.h"

#define MAX_WORDS          8
#define MAX_WORD_CHARS     32
#define MAX_TEXT_BYTES     1024
#define MAX_PHRASES        (2 * MAX_WORDS)
#define MAX_LIMIT          250
#define CANDIDATES_PER_HIT 4

#define BM25_K1            1.2
#define BM25_B             0.75
#define BODY_COLUMN        3
#define EXACT_TIER         1000.0

#define SNIPPET_TOKENS     16
#define SNIPPET_CONTEXT    3

#define RANKING_POINTER    "kiosk-search-ranking"

/* title, summary, tags, body */
static const double column_weight[] = { 10.0, 4.0, 4.0, 1.0 };

/* What a person typed, as words and as an FTS5 expression. */
typedef struct {
  GPtrArray *words;
  char      *match;
  guint      n_phrases;
  gboolean   phrase_exact[MAX_PHRASES];   /* or the folded form */
} Query;

typedef struct {
  char     *text;      /* lower-cased, NFC */
  gboolean  prefix;
  gboolean  marked;    /* carries a mark or đ, so it is also matched exactly */
} Word;

typedef struct {
  guint   exact;       /* words found with their marks */
  double  key;         /* the cheap part of the rank: higher is better */
  double  score;       /* lower is better */
  gint64  docid;
} Candidate;

/* The state kiosk_rank() fills in during one scan. */
typedef struct {
  const Query *query;
  gboolean     ready;
  gboolean     layout_ok;   /* FTS5 numbered the phrases the way the query did */
  int          n_phrases;
  double       idf[MAX_PHRASES];
  double       avgdl;
  Candidate   *heap;        /* min-heap on (exact, key) */
  guint        len;
  guint        capacity;
} Ranking;

/* One article to show: the row in the asked language when it matched too. */
typedef struct {
  gint64     article;
  gint64     docid;
  KioskLang  lang;
  double     score;
} Pick;

/* What each store's connection needs once: the rank function and a tokenizer. */
typedef struct {
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} SearchContext;

typedef struct {
  int       start;
  int       end;
  int       word;      /* the query word it matches, or -1 */
  gboolean  exact;     /* and matches it as typed */
} Token;

typedef struct {
  char     *text;      /* folded */
  int       len;
  guint     word;
  gboolean  prefix;
  char     *exact;     /* the word as typed, when it has marks to compare */
} QueryToken;

/* Words and the match expression */

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

static gboolean
has_marks (const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);

  for (const char *p = nfd; p != NULL && *p != 0; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || c == 0x0111)
        return TRUE;
    }
  return FALSE;
}

static Word *
word_new (const char *text,
          gboolean    truncated)
{
  Word *word = g_new0 (Word, 1);

  word->text = g_strdup (text);
  word->prefix = truncated;
  word->marked = has_marks (text);
  return word;
}

/* Words are runs of letters and digits (with any marks that follow, for text typed
 * decomposed); everything else — FTS5 operators, quotes, emoji, control characters,
 * broken bytes — only separates words. A word cut at MAX_WORD_CHARS becomes a prefix. */
static GPtrArray *
split_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  g_autofree char *valid = g_utf8_make_valid (text, strnlen (text, MAX_TEXT_BYTES));
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autoptr(GString) word = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = nfc; words->len < MAX_WORDS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || (chars > 0 && g_unichar_ismark (c)))
        {
          if (chars++ < MAX_WORD_CHARS)
            g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (chars > 0)
        g_ptr_array_add (words, word_new (word->str, chars > MAX_WORD_CHARS));
      g_string_truncate (word, 0);
      chars = 0;
      if (c == 0)
        break;
    }

  /* Search as you type: the last word is still being typed. */
  if (words->len > 0)
    ((Word *) g_ptr_array_index (words, words->len - 1))->prefix = TRUE;
  return g_steal_pointer (&words);
}

/* Words hold only letters, digits and marks, but quote as FTS5 wants all the same. */
static void
append_phrase (GString    *match,
               const char *marker,
               const Word *word)
{
  g_string_append_c (match, '"');
  g_string_append (match, marker);
  for (const char *p = word->text; *p != 0; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
  if (word->prefix)
    g_string_append_c (match, '*');
}

static void
query_add_phrase (Query    *query,
                  gboolean  exact)
{
  query->phrase_exact[query->n_phrases++] = exact;
}

static void
query_free (Query *query)
{
  g_ptr_array_unref (query->words);
  g_free (query->match);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

/* Phrases are numbered in the order they appear, as FTS5 numbers them. The AND is
 * spelled out: FTS5 joins bare phrases implicitly, but not parenthesised groups. */
static Query *
query_new (const char *text)
{
  g_autoptr(Query) query = g_new0 (Query, 1);
  g_autoptr(GString) match = g_string_new (NULL);
  const char exact_marker[] = { KIOSK_FOLD_EXACT_MARKER, 0 };

  query->words = split_words (text);
  if (query->words->len == 0)
    return NULL;

  for (guint i = 0; i < query->words->len; i++)
    {
      const Word *word = g_ptr_array_index (query->words, i);

      if (i > 0)
        g_string_append (match, " AND ");
      if (word->marked)
        g_string_append_c (match, '(');
      append_phrase (match, "", word);
      query_add_phrase (query, FALSE);
      if (word->marked)
        {
          g_string_append (match, " OR ");
          append_phrase (match, exact_marker, word);
          g_string_append_c (match, ')');
          query_add_phrase (query, TRUE);
        }
    }
  query->match = g_string_free (g_steal_pointer (&match), FALSE);
  return g_steal_pointer (&query);
}

char *
kiosk_search_build_match (const char *text)
{
  g_autoptr(Query) query = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  query = query_new (text);
  return query != NULL ? g_steal_pointer (&query->match) : NULL;
}

/* The rank function */

static gboolean
candidate_below (const Candidate *a,
                 const Candidate *b)
{
  return a->exact < b->exact || (a->exact == b->exact && a->key < b->key);
}

static void
heap_sift_down (Ranking *ranking,
                guint    i)
{
  Candidate *heap = ranking->heap;

  for (;;)
    {
      guint least = i, left = 2 * i + 1, right = left + 1;
      Candidate tmp;

      if (left < ranking->len && candidate_below (&heap[left], &heap[least]))
        least = left;
      if (right < ranking->len && candidate_below (&heap[right], &heap[least]))
        least = right;
      if (least == i)
        return;
      tmp = heap[i];
      heap[i] = heap[least];
      heap[least] = tmp;
      i = least;
    }
}

static void
heap_push (Ranking         *ranking,
           const Candidate *candidate)
{
  Candidate *heap = ranking->heap;
  guint i;

  if (ranking->len == ranking->capacity)
    {
      heap[0] = *candidate;
      heap_sift_down (ranking, 0);
      return;
    }

  i = ranking->len++;
  heap[i] = *candidate;
  while (i > 0 && candidate_below (&heap[i], &heap[(i - 1) / 2]))
    {
      Candidate tmp = heap[i];

      heap[i] = heap[(i - 1) / 2];
      heap[(i - 1) / 2] = tmp;
      i = (i - 1) / 2;
    }
}

static gboolean
is_exact_phrase (const Ranking *ranking,
                 int            phrase)
{
  return ranking->layout_ok && ranking->query->phrase_exact[phrase];
}

typedef struct {
  sqlite3_int64 hits;
  sqlite3_int64 enough;
} PhraseCount;

static int
count_phrase_cb (const Fts5ExtensionApi *api,
                 Fts5Context            *fts,
                 void                   *user_data)
{
  PhraseCount *count = user_data;

  /* bm25 gives a phrase in half the rows or more the same tiny weight: stop there. */
  return ++count->hits >= count->enough ? SQLITE_DONE : SQLITE_OK;
}

/* The inverse document frequency of each word, as FTS5's bm25() computes it. */
static int
ranking_prepare (Ranking                 *ranking,
                 const Fts5ExtensionApi  *api,
                 Fts5Context             *fts)
{
  sqlite3_int64 rows = 0, tokens = 0;
  int rc;

  ranking->ready = TRUE;
  ranking->n_phrases = MIN (api->xPhraseCount (fts), MAX_PHRASES);
  ranking->layout_ok = ranking->n_phrases == (int) ranking->query->n_phrases;
  if ((rc = api->xRowCount (fts, &rows)) != SQLITE_OK ||
      (rc = api->xColumnTotalSize (fts, -1, &tokens)) != SQLITE_OK)
    return rc;
  ranking->avgdl = rows > 0 ? (double) tokens / rows : 1.0;

  for (int i = 0; i < ranking->n_phrases; i++)
    {
      PhraseCount count = { 0, (rows + 1) / 2 };
      double idf;

      /* One word's weight orders nothing: save a pass over its rows. */
      ranking->idf[i] = 1.0;
      if (is_exact_phrase (ranking, i) || ranking->query->words->len == 1)
        continue;
      if ((rc = api->xQueryPhrase (fts, i, &count, count_phrase_cb)) != SQLITE_OK)
        return rc;
      idf = log ((rows - count.hits + 0.5) / (count.hits + 0.5));
      ranking->idf[i] = idf > 0 ? idf : 1e-6;
    }
  return SQLITE_OK;
}

static double
column_weight_of (int column)
{
  return column >= 0 && column < (int) G_N_ELEMENTS (column_weight) ? column_weight[column] : 1.0;
}

/* Weighted hits in title, summary and tags; the body's positions are not read. */
static double
head_hits (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           int                     phrase)
{
  Fts5PhraseIter iter;
  double hits = 0;
  int column, offset;

  for (api->xPhraseFirst (fts, phrase, &iter, &column, &offset);
       column >= 0;
       api->xPhraseNext (fts, &iter, &column, &offset))
    {
      hits += column_weight_of (column);
      if (column >= BODY_COLUMN)
        break;
    }
  return hits;
}

static double
all_hits (const Fts5ExtensionApi *api,
          Fts5Context            *fts,
          int                     phrase)
{
  Fts5PhraseIter iter;
  double hits = 0;
  int column, offset;

  for (api->xPhraseFirst (fts, phrase, &iter, &column, &offset);
       column >= 0;
       api->xPhraseNext (fts, &iter, &column, &offset))
    hits += column_weight_of (column);
  return hits;
}

static gboolean
phrase_present (const Fts5ExtensionApi *api,
                Fts5Context            *fts,
                int                     phrase)
{
  Fts5PhraseIter iter;
  int column;

  api->xPhraseFirstColumn (fts, phrase, &iter, &column);
  return column >= 0;
}

static int
ranking_bm25 (const Ranking           *ranking,
              const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              double                  *bm25)
{
  int size = 0;
  int rc = api->xColumnSize (fts, -1, &size);
  double norm = BM25_K1 * (1 - BM25_B + BM25_B * size / ranking->avgdl);

  *bm25 = 0;
  for (int i = 0; i < ranking->n_phrases; i++)
    {
      double hits;

      if (is_exact_phrase (ranking, i))
        continue;
      hits = all_hits (api, fts, i);
      *bm25 += ranking->idf[i] * hits * (BM25_K1 + 1) / (hits + norm);
    }
  return rc;
}

static int
ranking_add_row (Ranking                 *ranking,
                 const Fts5ExtensionApi  *api,
                 Fts5Context             *fts)
{
  Candidate candidate = { 0, 0, 0, api->xRowid (fts) };
  double bm25;
  int rc;

  for (int i = 0; i < ranking->n_phrases; i++)
    {
      if (is_exact_phrase (ranking, i))
        candidate.exact += phrase_present (api, fts, i);
      else
        candidate.key += ranking->idf[i] * head_hits (api, fts, i);
    }

  /* Ties keep the row already there: enough rows share the best key on short prefixes
   * that taking them all would cost what bm25 for every row costs. */
  if (ranking->len == ranking->capacity && !candidate_below (&ranking->heap[0], &candidate))
    return SQLITE_OK;

  if ((rc = ranking_bm25 (ranking, api, fts, &bm25)) != SQLITE_OK)
    return rc;
  candidate.score = -bm25 - EXACT_TIER * candidate.exact;
  heap_push (ranking, &candidate);
  return SQLITE_OK;
}

static int
rank_row_cb (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             void                   *user_data)
{
  return ranking_add_row (user_data, api, fts);
}

/* A query of one phrase — a single word typed without marks, the commonest and, as a
 * short prefix, the broadest — is ranked in one go from its first row, through
 * xQueryPhrase(), which walks the same rows without a trip through SQL for each. */
static int
rank_from_row (Ranking                 *ranking,
               const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               gboolean                *done)
{
  int rc = ranking->ready ? SQLITE_OK : ranking_prepare (ranking, api, fts);

  if (rc != SQLITE_OK)
    return rc;
  *done = ranking->n_phrases == 1;
  if (*done)
    return api->xQueryPhrase (fts, 0, ranking, rank_row_cb);
  return ranking_add_row (ranking, api, fts);
}

/* Called for each row the query matches; true once it has seen them all. */
static void
kiosk_rank (const Fts5ExtensionApi  *api,
            Fts5Context             *fts,
            sqlite3_context         *context,
            int                      n_args,
            sqlite3_value          **args)
{
  Ranking *ranking = n_args == 1 ? sqlite3_value_pointer (args[0], RANKING_POINTER) : NULL;
  gboolean done = FALSE;
  int rc;

  if (ranking == NULL)
    {
      sqlite3_result_error (context, "kiosk_rank() needs the ranking it fills", -1);
      return;
    }

  rc = rank_from_row (ranking, api, fts, &done);
  if (rc != SQLITE_OK)
    sqlite3_result_error_code (context, rc);
  else
    sqlite3_result_int (context, done);
}

/* The connection's search context */

static void
search_context_free (SearchContext *context)
{
  if (context->tokenizer != NULL)
    context->methods.xDelete (context->tokenizer);
  g_free (context);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  return api;
}

static SearchContext *
search_context_new (sqlite3  *db,
                    GError  **error)
{
  SearchContext *context = g_new0 (SearchContext, 1);
  fts5_api *api = get_fts5_api (db);
  void *user_data = NULL;

  if (api == NULL ||
      api->xCreateFunction (api, "kiosk_rank", NULL, kiosk_rank, NULL) != SQLITE_OK ||
      api->xFindTokenizer (api, KIOSK_FOLD_TOKENIZER, &user_data, &context->methods) != SQLITE_OK ||
      context->methods.xCreate (user_data, NULL, 0, &context->tokenizer) != SQLITE_OK)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("Search is not available: %s"), sqlite3_errmsg (db));
      search_context_free (context);
      return NULL;
    }
  return context;
}

/* One per store, made on its first search: the rank function belongs to the store's
 * own connection. */
static SearchContext *
get_search_context (KioskStore  *store,
                    GError     **error)
{
  static GQuark quark;
  SearchContext *context;

  if (quark == 0)
    quark = g_quark_from_static_string ("kiosk-search-context");

  context = g_object_get_qdata (G_OBJECT (store), quark);
  if (context == NULL)
    {
      context = search_context_new (kiosk_store_get_db (store), error);
      if (context != NULL)
        g_object_set_qdata_full (G_OBJECT (store), quark, context,
                                 (GDestroyNotify) search_context_free);
    }
  return context;
}

/* Ranking */

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return (x->docid > y->docid) - (x->docid < y->docid);
}

/* The best @capacity rows for @query, best first. */
static GArray *
rank_rows (KioskStore   *store,
           const Query  *query,
           guint         capacity,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree Candidate *heap = g_new (Candidate, capacity);
  Ranking ranking = { .query = query, .heap = heap, .capacity = capacity };
  GArray *rows;
  int rc;

  stmt = kiosk_store_prepare (store,
                              "SELECT 1 FROM article_search"
                              " WHERE article_search MATCH ?1 AND kiosk_rank (article_search, "
                              "?2) LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query->match, -1, SQLITE_STATIC);
  sqlite3_bind_pointer (stmt, 2, &ranking, RANKING_POINTER, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      kiosk_store_set_error (store, rc, error);
      return NULL;
    }

  rows = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), ranking.len);
  g_array_append_vals (rows, heap, ranking.len);
  g_array_sort (rows, compare_candidates);
  return rows;
}

static Pick *
find_pick (GArray *picks,
           gint64  article)
{
  for (guint i = 0; i < picks->len; i++)
    if (g_array_index (picks, Pick, i).article == article)
      return &g_array_index (picks, Pick, i);
  return NULL;
}

/* Which article and language row @docid is. */
static int
lookup_row (sqlite3_stmt *stmt,
            gint64        docid,
            Pick         *pick)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, docid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      pick->article = sqlite3_column_int64 (stmt, 0);
      pick->lang = kiosk_lang_from_string ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return rc;
}

/* One pick per article, in the order of its best row; the row shown is the one in
 * @lang when that matched too, so the snippet is in the language of the screen. */
static GArray *
pick_articles (KioskStore  *store,
               GArray      *rows,
               KioskLang    lang,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) picks = g_array_sized_new (FALSE, FALSE, sizeof (Pick), rows->len);

  stmt = kiosk_store_prepare (store,
                              "SELECT article, lang FROM article_texts WHERE docid = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const Candidate *row = &g_array_index (rows, Candidate, i);
      Pick pick = { 0, row->docid, KIOSK_LANG_VI, row->score };
      Pick *shown;
      int rc = lookup_row (stmt, row->docid, &pick);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          kiosk_store_set_error (store, rc, error);
          return NULL;
        }
      if (rc == SQLITE_DONE)
        continue;

      if ((shown = find_pick (picks, pick.article)) == NULL)
        g_array_append_val (picks, pick);
      else if (pick.lang == lang)
        *shown = (Pick) { shown->article, pick.docid, pick.lang, shown->score };
    }
  return g_steal_pointer (&picks);
}

/* Snippets */

static void
query_token_free (QueryToken *token)
{
  g_free (token->text);
  g_free (token->exact);
  g_free (token);
}

static int
query_token_cb (void       *user_data,
                int         flags,
                const char *token,
                int         len,
                int         start,
                int         end)
{
  GPtrArray *tokens = user_data;
  QueryToken *query_token = g_new0 (QueryToken, 1);

  query_token->text = g_strndup (token, len);
  query_token->len = len;
  g_ptr_array_add (tokens, query_token);
  return SQLITE_OK;
}

/* The folded tokens of the query's words, as the index holds them; a marked word of
 * one token also keeps its exact form, so the snippet can show where it is. */
static GPtrArray *
query_tokens (SearchContext *context,
              const Query   *query)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) query_token_free);

  for (guint i = 0; i < query->words->len; i++)
    {
      const Word *word = g_ptr_array_index (query->words, i);
      guint first = tokens->len;

      context->methods.xTokenize (context->tokenizer, tokens, FTS5_TOKENIZE_QUERY,
                                  word->text, strlen (word->text), query_token_cb);
      for (guint j = first; j < tokens->len; j++)
        {
          QueryToken *token = g_ptr_array_index (tokens, j);

          token->word = i;
          token->prefix = word->prefix && j == tokens->len - 1;
          if (word->marked && tokens->len == first + 1)
            token->exact = g_strdup (word->text);
        }
    }
  return tokens;
}

typedef struct {
  const char *text;
  GArray     *tokens;
  GPtrArray  *query;
  guint       n_words;
  guint       stop_at;
  gboolean    stopped;
} TextTokenCall;

/* Lower-cased NFC, as split_words() leaves what a person typed. */
static gboolean
is_exact_match (const char       *text,
                int               len,
                const QueryToken *query)
{
  g_autofree char *nfc = g_utf8_normalize (text, len, G_NORMALIZE_NFC);
  g_autoptr(GString) lower = g_string_new (NULL);

  for (const char *p = nfc; p != NULL && *p != 0; p = g_utf8_next_char (p))
    g_string_append_unichar (lower, g_unichar_tolower (g_utf8_get_char (p)));
  return query->prefix ? g_str_has_prefix (lower->str, query->exact)
                       : g_str_equal (lower->str, query->exact);
}

static void
match_token (Token            *token,
             const char       *folded,
             int               len,
             const char       *text,
             const QueryToken *query)
{
  if ((query->prefix ? len < query->len : len != query->len) ||
      memcmp (folded, query->text, query->len) != 0)
    return;

  token->word = query->word;
  token->exact = query->exact == NULL ||
                 is_exact_match (text + token->start, token->end - token->start, query);
}

/* A window's worth: each word in it counts once, and once more where it appears as
 * it was typed, marks and all. */
static guint
window_score (GArray *tokens,
              guint   start,
              guint   end)
{
  guint any = 0, exact = 0, score = 0;

  for (guint i = start; i < MIN (end, tokens->len); i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (token->word < 0)
        continue;
      any |= 1u << token->word;
      if (token->exact)
        exact |= 1u << token->word;
    }
  for (; any != 0; any &= any - 1)
    score++;
  for (; exact != 0; exact &= exact - 1)
    score++;
  return score;
}

static guint
window_start (guint match)
{
  return match > SNIPPET_CONTEXT ? match - SNIPPET_CONTEXT : 0;
}

static int
text_token_cb (void       *user_data,
               int         flags,
               const char *folded,
               int         len,
               int         start,
               int         end)
{
  TextTokenCall *call = user_data;
  Token token = { start, end, -1, FALSE };
  guint index = call->tokens->len;

  if (flags & FTS5_TOKEN_COLOCATED)
    return SQLITE_OK;
  if (index >= call->stop_at)
    {
      call->stopped = TRUE;
      return SQLITE_DONE;
    }

  for (guint i = 0; i < call->query->len && token.word < 0; i++)
    match_token (&token, folded, len, call->text, g_ptr_array_index (call->query, i));
  g_array_append_val (call->tokens, token);

  /* Once a window holds every word as typed, no later one can beat it: read only as
   * far as that window reaches. */
  if (token.word >= 0 && call->stop_at == G_MAXUINT)
    {
      guint first = index + SNIPPET_CONTEXT + 1 > SNIPPET_TOKENS ?
                    index + SNIPPET_CONTEXT + 1 - SNIPPET_TOKENS : 0;

      if (window_score (call->tokens, first, index + 1) == 2 * call->n_words)
        call->stop_at = index + SNIPPET_TOKENS;
    }
  return SQLITE_OK;
}

/* Markdown's marks out, link targets dropped, every run of blanks one space: what
 * is left reads as a sentence in a one-line snippet. */
static char *
plain_text (const char *markdown)
{
  g_autofree char *valid = g_utf8_make_valid (markdown, -1);
  GString *out = g_string_sized_new (strlen (valid));
  gboolean line_start = TRUE;

  for (const char *p = valid; *p != 0; p++)
    {
      const char *close;

      switch (*p)
        {
        case ']':
          if (p[1] == '(' && (close = strchr (p, ')')) != NULL)
            p = close;
          break;
        case '\n': case '\r': case '\t': case ' ':
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          line_start = line_start || *p == '\n';
          break;
        case '*': case '#': case '`': case '[':
          break;
        case '!':
          if (p[1] != '[')
            g_string_append_c (out, *p);
          line_start = FALSE;
          break;
        case '>': case '-': case '+':
          if (!line_start)
            g_string_append_c (out, *p);
          break;
        default:
          g_string_append_c (out, *p);
          line_start = FALSE;
          break;
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  char     *text;
  GArray   *tokens;
  gboolean  complete;   /* every token of the text was read */
  guint     start;
  guint     score;
} Excerpt;

static void
excerpt_clear (Excerpt *excerpt)
{
  g_free (excerpt->text);
  g_array_unref (excerpt->tokens);
}

/* The best window of SNIPPET_TOKENS tokens, the earliest of equals, with a little
 * context before its first hit and never cut short at the end of the text. */
static void
excerpt_find_window (Excerpt *excerpt)
{
  GArray *tokens = excerpt->tokens;
  guint last_start = tokens->len > SNIPPET_TOKENS ? tokens->len - SNIPPET_TOKENS : 0;

  excerpt->start = 0;
  excerpt->score = 0;
  for (guint m = 0; m < tokens->len; m++)
    {
      guint start, score;

      if (g_array_index (tokens, Token, m).word < 0)
        continue;
      start = MIN (window_start (m), last_start);
      score = window_score (tokens, start, start + SNIPPET_TOKENS);
      if (score > excerpt->score)
        {
          excerpt->score = score;
          excerpt->start = start;
        }
    }
}

static void
excerpt_init (Excerpt       *excerpt,
              SearchContext *context,
              GPtrArray     *query,
              guint          n_words,
              const char    *markdown)
{
  TextTokenCall call;

  excerpt->text = plain_text (markdown != NULL ? markdown : "");
  excerpt->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  call = (TextTokenCall) { excerpt->text, excerpt->tokens, query, n_words, G_MAXUINT, FALSE };
  context->methods.xTokenize (context->tokenizer, &call, FTS5_TOKENIZE_AUX, excerpt->text,
                              strlen (excerpt->text), text_token_cb);
  excerpt->complete = !call.stopped;
  excerpt_find_window (excerpt);
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

static char *
excerpt_markup (const Excerpt *excerpt)
{
  GArray *tokens = excerpt->tokens;
  guint start = excerpt->start;
  guint end = MIN (tokens->len, start + SNIPPET_TOKENS);
  GString *out = g_string_new (start > 0 ? "…" : "");

  for (guint i = start; i < end; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (i > start)
        {
          const Token *previous = &g_array_index (tokens, Token, i - 1);

          append_escaped (out, excerpt->text + previous->end, token->start - previous->end);
        }
      if (token->word >= 0)
        g_string_append (out, "<b>");
      append_escaped (out, excerpt->text + token->start, token->end - token->start);
      if (token->word >= 0)
        g_string_append (out, "</b>");
    }
  if (end < tokens->len || !excerpt->complete)
    g_string_append (out, "…");
  else if (end > 0)
    append_escaped (out, excerpt->text + g_array_index (tokens, Token, end - 1).end, -1);
  return g_string_free (out, FALSE);
}

/* From the summary, unless the body shows more of what was typed. */
static char *
make_snippet (SearchContext *context,
              GPtrArray     *query,
              guint          n_words,
              const char    *summary,
              const char    *body)
{
  Excerpt from_summary, from_body;
  char *snippet;

  excerpt_init (&from_summary, context, query, n_words, summary);
  if (from_summary.score == 2 * n_words)
    {
      snippet = excerpt_markup (&from_summary);
      excerpt_clear (&from_summary);
      return snippet;
    }

  excerpt_init (&from_body, context, query, n_words, body);
  snippet = excerpt_markup (from_body.score > from_summary.score ? &from_body : &from_summary);
  excerpt_clear (&from_summary);
  excerpt_clear (&from_body);
  return snippet;
}

/* Hits */

void
kiosk_search_hit_free (KioskSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->article_id);
  g_free (hit->topic);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static KioskSearchHit *
hit_from_row (sqlite3_stmt  *stmt,
              const Pick    *pick,
              SearchContext *context,
              GPtrArray     *query,
              guint          n_words)
{
  KioskSearchHit *hit = g_new0 (KioskSearchHit, 1);
  const char *title = (const char *) sqlite3_column_text (stmt, 2);

  hit->article_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  hit->topic = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  hit->title = g_strdup (title != NULL ? title : (const char *) sqlite3_column_text (stmt, 3));
  hit->lang = pick->lang;
  hit->score = pick->score;
  hit->snippet = make_snippet (context, query, n_words,
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5));
  return hit;
}

static GPtrArray *
make_hits (KioskStore     *store,
           SearchContext  *context,
           const Query    *query,
           GArray         *picks,
           KioskLang       lang,
           guint           limit,
           GError        **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) tokens = query_tokens (context, query);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kiosk_store_prepare (store,
                              "SELECT a.id, a.topic, asked.title, shown.title, shown.summary, "
                              "shown.body"
                              " FROM article_texts shown JOIN articles a ON a.rowid = shown.article"
                              " LEFT JOIN article_texts asked ON asked.article = shown.article"
                              "  AND asked.lang = ?2"
                              " WHERE shown.docid = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 2, kiosk_lang_to_string (lang), -1, SQLITE_STATIC);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_search_hit_free);
  for (guint i = 0; i < picks->len && hits->len < limit; i++)
    {
      const Pick *pick = &g_array_index (picks, Pick, i);
      int rc;

      sqlite3_bind_int64 (stmt, 1, pick->docid);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (hits, hit_from_row (stmt, pick, context, tokens, query->words->len));
      else if (rc != SQLITE_DONE)
        {
          kiosk_store_set_error (store, rc, error);
          return NULL;
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&hits);
}

/* One snapshot for the whole search, so that ranking, picking and snippets see the
 * same content while an import commits, and the shared lock is taken once. A caller
 * already inside a transaction has its snapshot already. */
static gboolean
begin_read (KioskStore  *store,
            gboolean    *began,
            GError     **error)
{
  *began = sqlite3_get_autocommit (kiosk_store_get_db (store));
  return !*began || kiosk_store_exec (store, "BEGIN", error);
}

static void
end_read (KioskStore *store,
          gboolean    began)
{
  if (began)
    kiosk_store_rollback (store);
}

static GPtrArray *
search_snapshot (KioskStore     *store,
                 SearchContext  *context,
                 const Query    *query,
                 KioskLang       lang,
                 guint           limit,
                 GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) picks = NULL;

  rows = rank_rows (store, query, limit * CANDIDATES_PER_HIT, error);
  if (rows == NULL)
    return NULL;
  picks = pick_articles (store, rows, lang, error);
  if (picks == NULL)
    return NULL;
  return make_hits (store, context, query, picks, lang, limit, error);
}

GPtrArray *
kiosk_store_search (KioskStore  *store,
                    const char  *text,
                    KioskLang    lang,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(Query) query = NULL;
  SearchContext *context;
  GPtrArray *hits;
  gboolean began;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limit = MIN (limit, MAX_LIMIT);
  query = query_new (text);
  if (query == NULL || limit == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_search_hit_free);

  context = get_search_context (store, error);
  if (context == NULL || !begin_read (store, &began, error))
    return NULL;
  hits = search_snapshot (store, context, query, lang, limit, error);
  end_read (store, began);
  return hits;
}
