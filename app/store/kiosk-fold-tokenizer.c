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

typedef struct {
  void *ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
  char buffer[256];
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

/* unicode61 has already lower-cased the token, so Đ arrives as đ (U+0111: C4 91). */
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
  char *out;
  int n = 0;

  if (memchr (token, 0xC4, len) == NULL)
    return call->x_token (call->ctx, flags, token, len, start, end);

  out = len <= (int) sizeof call->buffer ? call->buffer : (heap = g_malloc (len));
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

  return call->x_token (call->ctx, flags, out, n, start, end);
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
  FoldCall call = { ctx, x_token, { 0 } };

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
