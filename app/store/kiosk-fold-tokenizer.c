/* kiosk-fold-tokenizer.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FTS5's unicode61 tokenizer with remove_diacritics 2 folds every Vietnamese tone and
 * vowel mark, but not đ/Đ, which has no Unicode decomposition: "duoi nuoc" would miss
 * "đuối nước". This tokenizer wraps unicode61 and rewrites đ to d in each token it
 * emits, at index and at query time alike. Offsets are those of the original text, so
 * highlight() and snippet() still mark the right characters.
 *
 * A document's words that carry marks are also indexed in their exact form, colocated
 * with the folded one, so search can rank "đường" above "dưỡng" when that is what a
 * person typed: see kiosk-search.c. Exact forms are stored upper-cased — a folded token
 * is always lower-case — so the two never share a term or a prefix-index entry, and a
 * folded prefix such as "tr*" reads no exact forms. A query phrase asks for exact forms
 * by starting with KIOSK_FOLD_EXACT_MARKER, which no word a person types can contain.
 *
 * FTS5 deletes a row from the index by tokenizing its old text again, so once a store
 * is released, any change to what this emits needs a migration that rebuilds
 * article_search.
 */

#define G_LOG_DOMAIN "kiosk-store"

#include "config.h"

#include <string.h>

#include "kiosk-fold-tokenizer.h"
#include "kiosk-store.h"

typedef struct {
  fts5_tokenizer  inner;
  Fts5Tokenizer  *inner_instance;
} FoldTokenizer;

typedef enum {
  EMIT_FOLDED,            /* plain queries, highlight(), snippet() */
  EMIT_FOLDED_AND_EXACT,  /* documents */
  EMIT_EXACT,             /* a query phrase starting with the exact marker */
} EmitMode;

typedef struct {
  void       *ctx;
  int       (*x_token) (void *, int, const char *, int, int, int);
  const char *text;
  EmitMode    mode;
  char        buffer[256];
} FoldCall;

static int
fold_create (void            *user_data,
             const char     **argv,
             int              argc,
             Fts5Tokenizer  **out)
{
  fts5_api *api = user_data;
  g_autofree const char **inner_argv = g_new0 (const char *, argc + 3);
  FoldTokenizer *self;
  void *inner_data = NULL;
  int rc;

  self = g_new0 (FoldTokenizer, 1);
  rc = api->xFindTokenizer (api, "unicode61", &inner_data, &self->inner);
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }

  inner_argv[0] = "remove_diacritics";
  inner_argv[1] = "2";
  for (int i = 0; i < argc; i++)
    inner_argv[i + 2] = argv[i];

  rc = self->inner.xCreate (inner_data, inner_argv, argc + 2, &self->inner_instance);
  if (rc != SQLITE_OK)
    {
      g_free (self);
      return rc;
    }

  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
fold_delete (Fts5Tokenizer *tokenizer)
{
  FoldTokenizer *self = (FoldTokenizer *) tokenizer;

  self->inner.xDelete (self->inner_instance);
  g_free (self);
}

/* unicode61 has already lower-cased the token, so Đ arrives as đ (U+0111: C4 91).
 * Returns @token itself when there is no đ, else a copy in @buffer or in *@heap. */
static const char *
fold_d (const char  *token,
        int          len,
        char        *buffer,
        gsize        size,
        char       **heap,
        int         *out_len)
{
  char *out;
  int n = 0;

  *out_len = len;
  if (memchr (token, 0xC4, len) == NULL)
    return token;

  out = len <= (int) size ? buffer : (*heap = g_malloc (len));
  for (int i = 0; i < len; i++)
    {
      if ((guchar) token[i] == 0xC4 && i + 1 < len &&
          ((guchar) token[i + 1] == 0x91 || (guchar) token[i + 1] == 0x90))
        {
          out[n++] = 'd';
          i++;
        }
      else
        {
          out[n++] = token[i];
        }
    }
  *out_len = n;
  return out;
}

static gboolean
is_ascii (const char *text,
          int         len)
{
  for (int i = 0; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @text is sure to be in NFC already: Latin letters precomposed, as Vietnamese
 * is written, and no combining mark (U+0300–U+036F). Such text needs no normalising,
 * which would cost more than the rest of the indexing. */
static gboolean
is_plain_nfc (const char *text,
              int         len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF)))
        return FALSE;
    }
  return TRUE;
}

/* Writes the case-mapped characters of NFC text @nfc to @out, which has room for four
 * bytes per byte of @nfc (one character maps to one character of at most four bytes);
 * returns the length written. */
static int
map_case (const char *nfc,
          int         len,
          gboolean    upper,
          char       *out)
{
  int n = 0;

  for (const char *p = nfc; p < nfc + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n += g_unichar_to_utf8 (upper ? g_unichar_toupper (c) : g_unichar_tolower (c), out + n);
    }
  return n;
}

/* The upper-cased NFC form of the text that became @folded, or NULL when it carries
 * no mark, i.e. its lower-cased form is the folded token itself. Case is mapped one
 * character at a time, so the result does not depend on the locale. */
static char *
exact_form (const char *text,
            int         len,
            const char *folded,
            int         folded_len)
{
  g_autofree char *normalized = NULL;
  g_autofree char *heap = NULL;
  const char *nfc = text;
  char buffer[256];
  char *lower, *upper;
  gsize size;
  int nfc_len = len;
  int n;

  if (is_ascii (text, len))
    return NULL;
  if (!is_plain_nfc (text, len))
    {
      if ((normalized = g_utf8_normalize (text, len, G_NORMALIZE_NFC)) == NULL)
        return NULL;
      nfc = normalized;
      nfc_len = strlen (normalized);
    }

  size = 4 * (gsize) nfc_len + 1;
  lower = size <= sizeof buffer ? buffer : (heap = g_malloc (size));
  n = map_case (nfc, nfc_len, FALSE, lower);
  if (n == folded_len && memcmp (lower, folded, n) == 0)
    return NULL;

  upper = g_malloc (size);
  upper[map_case (nfc, nfc_len, TRUE, upper)] = '\0';
  return upper;
}

static int
fold_token_cb (void       *user_data,
               int         flags,
               const char *token,
               int         len,
               int         start,
               int         end)
{
  FoldCall *call = user_data;
  g_autofree char *heap = NULL;
  g_autofree char *exact = NULL;
  const char *folded;
  int n, rc;

  folded = fold_d (token, len, call->buffer, sizeof call->buffer, &heap, &n);
  if (call->mode == EMIT_FOLDED)
    return call->x_token (call->ctx, flags, folded, n, start, end);

  exact = exact_form (call->text + start, end - start, folded, n);
  if (call->mode == EMIT_EXACT)
    return exact != NULL ? call->x_token (call->ctx, flags, exact, strlen (exact), start, end)
                         : call->x_token (call->ctx, flags, folded, n, start, end);

  rc = call->x_token (call->ctx, flags, folded, n, start, end);
  if (rc != SQLITE_OK || exact == NULL)
    return rc;
  return call->x_token (call->ctx, flags | FTS5_TOKEN_COLOCATED, exact, strlen (exact),
                        start, end);
}

static int
fold_tokenize (Fts5Tokenizer *tokenizer,
               void          *ctx,
               int            flags,
               const char    *text,
               int            len,
               int (*x_token) (void *, int, const char *, int, int, int))
{
  FoldTokenizer *self = (FoldTokenizer *) tokenizer;
  FoldCall call = { ctx, x_token, text, EMIT_FOLDED, { 0 } };

  if (flags & FTS5_TOKENIZE_DOCUMENT)
    {
      call.mode = EMIT_FOLDED_AND_EXACT;
    }
  else if ((flags & FTS5_TOKENIZE_QUERY) && len > 0 && text[0] == KIOSK_FOLD_EXACT_MARKER)
    {
      call.mode = EMIT_EXACT;
      call.text = ++text;
      len--;
    }

  return self->inner.xTokenize (self->inner_instance, &call, flags, text, len, fold_token_cb);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

gboolean
kiosk_fold_tokenizer_register (sqlite3  *db,
                               GError  **error)
{
  static fts5_tokenizer methods = { fold_create, fold_delete, fold_tokenize };
  fts5_api *api;

  g_return_val_if_fail (db != NULL, FALSE);

  api = get_fts5_api (db);
  if (api == NULL || api->iVersion < 2)
    {
      g_set_error_literal (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_OPEN,
                           "SQLite was built without FTS5");
      return FALSE;
    }

  if (api->xCreateTokenizer (api, KIOSK_FOLD_TOKENIZER, api, &methods, NULL) != SQLITE_OK)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_OPEN,
                   "Could not register the search tokenizer: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
