/* kiosk-store.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-store"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "kiosk-fold-tokenizer.h"
#include "kiosk-repo-format.h"
#include "kiosk-schema.h"
#include "kiosk-store-private.h"
#include "kiosk-store.h"

struct _KioskStore
{
  GObject  parent_instance;

  /* owned */
  sqlite3 *db;
  char    *path;
};

G_DEFINE_TYPE (KioskStore, kiosk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (kiosk-store-error-quark, kiosk_store_error)

static void
kiosk_store_finalize (GObject *object)
{
  KioskStore *self = (KioskStore *) object;

  sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (kiosk_store_parent_class)->finalize (object);
}

static void
kiosk_store_class_init (KioskStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kiosk_store_finalize;
}

static void
kiosk_store_init (KioskStore *self)
{
}

char *
kiosk_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "store.sqlite", NULL);
}

char *
kiosk_store_staging_path (const char *source_id)
{
  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "staging", source_id, NULL);
}

/* Maps an sqlite result code to a sentence a person can act on. */
gboolean
kiosk_store_set_error (KioskStore  *self,
                       int          rc,
                       GError     **error)
{
  const char *detail = self ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FULL,
                   _("The disk is full, so nothing was changed. Free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_BUSY,
                   _("The content is being updated right now. Try again in a moment."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_CORRUPT,
                   _("The content database is damaged (%s)."), detail);
      break;
    default:
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("The content database failed: %s"), detail);
      break;
    }
  return FALSE;
}

gboolean
kiosk_store_exec (KioskStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return kiosk_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
kiosk_store_begin_write (KioskStore  *self,
                         GError     **error)
{
  return kiosk_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
kiosk_store_commit (KioskStore  *self,
                    GError     **error)
{
  return kiosk_store_exec (self, "COMMIT", error);
}

void
kiosk_store_rollback (KioskStore *self)
{
  g_return_if_fail (KIOSK_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
kiosk_store_prepare (KioskStore  *self,
                     const char  *sql,
                     GError     **error)
                     {
                     sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      kiosk_store_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

GPtrArray *
kiosk_store_collect_rows (KioskStore      *self,
                          sqlite3_stmt    *stmt,
                          gpointer       (*row_func) (sqlite3_stmt *),
                          GDestroyNotify   free_func,
                          GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_func (stmt));
  if (rc != SQLITE_DONE)
    {
      kiosk_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

int
kiosk_store_get_schema_version (KioskStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), -1);

  stmt = kiosk_store_prepare (self, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Each step runs in its own transaction together with the new user_version, so a
 * crash between steps leaves a store at a known version. */
gboolean
kiosk_store_migrate (KioskStore  *self,
                     int          target,
                     GError     **error)
{
  int current;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (target >= 0 && target <= KIOSK_STORE_SCHEMA_VERSION, FALSE);

  current = kiosk_store_get_schema_version (self);
  if (current < 0)
    return kiosk_store_set_error (self, sqlite3_errcode (self->db), error);
  if (current > KIOSK_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_TOO_NEW,
                   _("The content database was written by a newer version of Góc Trẻ Em."));
      return FALSE;
    }

  for (int version = current + 1; version <= target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      if (!kiosk_store_begin_write (self, error))
        return FALSE;
      if (!kiosk_store_exec (self, kiosk_schema_migration (version), error) ||
          !kiosk_store_exec (self, bump, error) ||
          !kiosk_store_commit (self, error))
        {
          kiosk_store_rollback (self);
          return FALSE;
        }
      g_debug ("Store %s migrated to schema %d", self->path, version);
    }
  return TRUE;
}

static gboolean
configure_connection (KioskStore      *self,
                      KioskStoreRole   role,
                      GError         **error)
{
  sqlite3_busy_timeout (self->db, role == KIOSK_STORE_WRITER ? 5000 : 200);
  sqlite3_extended_result_codes (self->db, TRUE);

  if (!kiosk_fold_tokenizer_register (self->db, error))
    return FALSE;

  /* WAL lets the screen read while an import writes; NORMAL sync is still safe
   * against a crash in WAL mode (a power cut may lose the last commit, never
   * corrupt). mmap trims search latency on the kiosk's small disk cache. */
  return kiosk_store_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA mmap_size = 268435456;",
                           error);
}

static KioskStore *
open_connection (const char      *path,
                 KioskStoreRole   role,
                 GError         **error)
{
  g_autoptr(KioskStore) self = g_object_new (KIOSK_TYPE_STORE, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), dir, g_strerror (errno));
      return NULL;
    }

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_OPEN,
                   _("Could not open the content database %s: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!configure_connection (self, role, error))
    return NULL;
  return g_steal_pointer (&self);
}

KioskStore *
kiosk_store_open (const char      *path,
                  KioskStoreRole   role,
                  GError         **error)
{
  g_autoptr(KioskStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = open_connection (path, role, error);
  if (self == NULL || !kiosk_store_migrate (self, KIOSK_STORE_SCHEMA_VERSION, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* For migration tests: a store left at an earlier schema version. */
KioskStore *
kiosk_store_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(KioskStore) self = open_connection (path, KIOSK_STORE_WRITER, error);

  if (self == NULL || !kiosk_store_migrate (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

sqlite3 *
kiosk_store_get_db (KioskStore *self)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  return self->db;
}

const char *
kiosk_store_get_path (KioskStore *self)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  return self->path;
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

static guint
count_rows (KioskStore  *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = kiosk_store_prepare (self, sql, error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

gboolean
kiosk_store_get_counts (KioskStore        *self,
                        KioskStoreCounts  *counts,
                        GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  counts->topics = count_rows (self, "SELECT count(*) FROM topics", &local_error);
  counts->articles = count_rows (self, "SELECT count(*) FROM articles", &local_error);
  counts->hotlines = count_rows (self, "SELECT count(*) FROM hotlines", &local_error);
  counts->media = count_rows (self, "SELECT count(*) FROM media", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gpointer
topic_from_row (sqlite3_stmt *stmt)
{
  KioskTopic *topic = g_new0 (KioskTopic, 1);

  topic->id = column_strdup (stmt, 0);
  topic->source = column_strdup (stmt, 1);
  topic->position = sqlite3_column_int (stmt, 2);
  topic->icon = column_strdup (stmt, 3);
  topic->title[KIOSK_LANG_VI] = column_strdup (stmt, 4);
  topic->title[KIOSK_LANG_EN] = column_strdup (stmt, 5);
  topic->summary[KIOSK_LANG_VI] = column_strdup (stmt, 6);
  topic->summary[KIOSK_LANG_EN] = column_strdup (stmt, 7);
  return topic;
}

GPtrArray *
kiosk_store_list_topics (KioskStore  *self,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self,
                              "SELECT id, source, position, icon, title_vi, title_en, "
                              "summary_vi, summary_en"
                              " FROM topics ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (self, stmt, topic_from_row,
                                   (GDestroyNotify) kiosk_topic_free, error);
}

/* Columns 0–6 are the article, then per language: title, summary, tags[, body]. */
#define ARTICLE_SELECT \
  "SELECT a.id, a.source, a.topic, a.position, a.updated, a.basis, a.rowid," \
  " v.title, v.summary, v.tags, e.title, e.summary, e.tags"

#define ARTICLE_JOIN \
  " FROM articles a" \
  " JOIN article_texts v ON v.article = a.rowid AND v.lang = 'vi'" \
  " JOIN article_texts e ON e.article = a.rowid AND e.lang = 'en'"

static gpointer
article_from_row (sqlite3_stmt *stmt)
{
  KioskArticle *article = g_new0 (KioskArticle, 1);

  article->id = column_strdup (stmt, 0);
  article->source = column_strdup (stmt, 1);
  article->topic = column_strdup (stmt, 2);
  article->position = sqlite3_column_int (stmt, 3);
  article->updated = column_strdup (stmt, 4);
  article->basis = column_strdup (stmt, 5);
  for (int lang = KIOSK_LANG_VI; lang <= KIOSK_LANG_EN; lang++)
    {
      article->title[lang] = column_strdup (stmt, 7 + 3 * lang);
      article->summary[lang] = column_strdup (stmt, 8 + 3 * lang);
      article->tags[lang] = column_strdup (stmt, 9 + 3 * lang);
    }
  return article;
}

GPtrArray *
kiosk_store_list_articles (KioskStore  *self,
                           const char  *topic,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self,
                              ARTICLE_SELECT ARTICLE_JOIN
                              " WHERE ?1 IS NULL OR a.topic = ?1 ORDER BY a.topic, a.position, "
                              "a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, topic, -1, SQLITE_TRANSIENT);
  return kiosk_store_collect_rows (self, stmt, article_from_row,
                                   (GDestroyNotify) kiosk_article_free, error);
}

KioskArticle *
kiosk_store_get_article (KioskStore  *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  KioskArticle *article;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = kiosk_store_prepare (self,
                              ARTICLE_SELECT ", v.body, e.body" ARTICLE_JOIN " WHERE a.id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                   _("There is no article “%s”."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      kiosk_store_set_error (self, rc, error);
      return NULL;
    }

  article = article_from_row (stmt);
  article->body[KIOSK_LANG_VI] = column_strdup (stmt, 13);
  article->body[KIOSK_LANG_EN] = column_strdup (stmt, 14);
  return article;
}

static gpointer
hotline_from_row (sqlite3_stmt *stmt)
{
  KioskHotline *hotline = g_new0 (KioskHotline, 1);

  hotline->id = column_strdup (stmt, 0);
  hotline->source = column_strdup (stmt, 1);
  hotline->position = sqlite3_column_int (stmt, 2);
  hotline->number = column_strdup (stmt, 3);
  hotline->national = sqlite3_column_int (stmt, 4);
  hotline->free_of_charge = sqlite3_column_int (stmt, 5);
  for (int lang = KIOSK_LANG_VI; lang <= KIOSK_LANG_EN; lang++)
    {
      hotline->name[lang] = column_strdup (stmt, 6 + lang);
      hotline->purpose[lang] = column_strdup (stmt, 8 + lang);
      hotline->hours[lang] = column_strdup (stmt, 10 + lang);
    }
  return hotline;
}

/* National numbers first (111 leads the list), then each source's local ones. */
GPtrArray *
kiosk_store_list_hotlines (KioskStore  *self,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self,
                              "SELECT id, source, position, number, national, free, name_vi, "
                              "name_en,"
                              " purpose_vi, purpose_en, hours_vi, hours_en FROM hotlines"
                              " ORDER BY national DESC, source, position",
                              error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (self, stmt, hotline_from_row,
                                   (GDestroyNotify) kiosk_hotline_free, error);
}

/* The row of the picture called @name, from @sql with the name as ?1; NULL, with the
 * reason, when there is none. */
static sqlite3_stmt *
media_row (KioskStore  *self,
           const char  *sql,
           const char  *name,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = kiosk_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                 _("The picture “%s” is missing."), name);
  else
    kiosk_store_set_error (self, rc, error);
  return NULL;
}

GBytes *
kiosk_store_get_media (KioskStore  *self,
                       const char  *name,
                       char       **mime,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = media_row (self,
                    "SELECT m.mime, m.data FROM media_names n JOIN media m ON m.sha256 = n.sha256"
                    " WHERE n.name = ?1 LIMIT 1",
                    name, error);
  if (stmt == NULL)
    return NULL;
  if (mime != NULL)
    *mime = column_strdup (stmt, 0);
  return g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
}

gboolean
kiosk_store_find_media (KioskStore  *self,
                        const char  *name,
                        char       **sha256,
                        char       **mime,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* The picture's bytes are left where they are: a blob is only read when asked for. */
  stmt = media_row (self,
                    "SELECT m.sha256, m.mime FROM media_names n JOIN media m ON m.sha256 = n.sha256"
                    " WHERE n.name = ?1 LIMIT 1",
                    name, error);
  if (stmt == NULL)
    return FALSE;
  if (sha256 != NULL)
    *sha256 = column_strdup (stmt, 0);
  if (mime != NULL)
    *mime = column_strdup (stmt, 1);
  return TRUE;
}

#define SOURCE_SELECT \
  "SELECT id, url, enabled, version, manifest_sha256, etag, name_vi, name_en, public_url," \
  " last_attempt, last_success, last_result FROM sources"

static gpointer
source_from_row (sqlite3_stmt *stmt)
{
  KioskSource *source = g_new0 (KioskSource, 1);

  source->id = column_strdup (stmt, 0);
  source->url = column_strdup (stmt, 1);
  source->enabled = sqlite3_column_int (stmt, 2);
  source->version = sqlite3_column_int64 (stmt, 3);
  source->manifest_sha256 = column_strdup (stmt, 4);
  source->etag = column_strdup (stmt, 5);
  source->name[KIOSK_LANG_VI] = column_strdup (stmt, 6);
  source->name[KIOSK_LANG_EN] = column_strdup (stmt, 7);
  source->public_url = column_strdup (stmt, 8);
  source->last_attempt = sqlite3_column_int64 (stmt, 9);
  source->last_success = sqlite3_column_int64 (stmt, 10);
  source->last_result = column_strdup (stmt, 11);
  return source;
}

GPtrArray *
kiosk_store_list_sources (KioskStore  *self,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self, SOURCE_SELECT " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (self, stmt, source_from_row,
                                   (GDestroyNotify) kiosk_source_free, error);
}

KioskSource *
kiosk_store_get_source (KioskStore  *self,
                        const char  *id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = kiosk_store_prepare (self, SOURCE_SELECT " WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return source_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_NOT_FOUND,
                 _("There is no content source “%s”."), id);
  else
    kiosk_store_set_error (self, rc, error);
  return NULL;
}

gboolean
kiosk_store_trust_key (KioskStore  *self,
                       const char  *key_base64,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guchar *raw = NULL;
  g_autofree char *canonical = NULL;
  gsize len = 0;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (key_base64 != NULL, FALSE);

  raw = g_base64_decode (key_base64, &len);
  if (len != KIOSK_KEY_SIZE)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("“%s” is not a publisher key: a key is 32 bytes written in base64."),
                   key_base64);
      return FALSE;
    }
  canonical = g_base64_encode (raw, len);

  stmt = kiosk_store_prepare (self,
                              "INSERT INTO trusted_keys (key, added) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO NOTHING",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, canonical, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return kiosk_store_set_error (self, rc, error);
  return TRUE;
}

static gpointer
key_from_row (sqlite3_stmt *stmt)
{
  return column_strdup (stmt, 0);
}

GPtrArray *
kiosk_store_list_trusted_keys (KioskStore  *self,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self, "SELECT key FROM trusted_keys ORDER BY added", error);
  if (stmt == NULL)
    return NULL;
  return kiosk_store_collect_rows (self, stmt, key_from_row, g_free, error);
}

static void
free_pair (char *pair[2])
{
  g_free (pair[0]);
  g_free (pair[1]);
}

void
kiosk_topic_free (KioskTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->id);
  g_free (topic->source);
  g_free (topic->icon);
  free_pair (topic->title);
  free_pair (topic->summary);
  g_free (topic);
}

void
kiosk_article_free (KioskArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->id);
  g_free (article->source);
  g_free (article->topic);
  g_free (article->updated);
  g_free (article->basis);
  free_pair (article->title);
  free_pair (article->summary);
  free_pair (article->tags);
  free_pair (article->body);
  g_free (article);
}

void
kiosk_hotline_free (KioskHotline *hotline)
{
  if (hotline == NULL)
    return;
  g_free (hotline->id);
  g_free (hotline->source);
  g_free (hotline->number);
  free_pair (hotline->name);
  free_pair (hotline->purpose);
  free_pair (hotline->hours);
  g_free (hotline);
}

void
kiosk_source_free (KioskSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  g_free (source->url);
  g_free (source->manifest_sha256);
  g_free (source->etag);
  free_pair (source->name);
  g_free (source->public_url);
  g_free (source->last_result);
  g_free (source);
}

/* ---- content sources for sync, and the sync log ---- */

/* Runs @stmt to the end and frees it; FALSE with @error set on failure. */
static gboolean
step_done (KioskStore    *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) owned = stmt;
  int rc;

  if (owned == NULL)
    return FALSE;
  rc = sqlite3_step (owned);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return kiosk_store_set_error (self, rc, error);
  return TRUE;
}

static char *
canonical_key (const char  *key_base64,
               GError     **error)
{
  g_autofree guchar *raw = NULL;
  gsize len = 0;

  raw = g_base64_decode (key_base64, &len);
  if (len != KIOSK_KEY_SIZE)
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("“%s” is not a publisher key: a key is 32 bytes written in base64."),
                   key_base64);
      return NULL;
    }
  return g_base64_encode (raw, len);
}

static gboolean
check_source_url (const char  *url,
                  GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri != NULL && (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0) &&
      g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
      g_uri_get_query (uri) == NULL && g_uri_get_userinfo (uri) == NULL)
    return TRUE;
  g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
               _("“%s” is not an address the kiosk can sync from: it must start with http:// or https:// and name a server."),
               url);
  return FALSE;
}

/* A key may be trusted for every source (added with --trust-key) or pinned to one;
 * pinning it to a second source would widen what it may sign, so that is refused. */
static gboolean
pin_key (KioskStore  *self,
         const char  *id,
         const char  *key_base64,
         GError     **error)
{
  g_autofree char *key = canonical_key (key_base64, error);
  g_autoptr(sqlite3_stmt) owner = NULL;
  sqlite3_stmt *insert;

  if (key == NULL || (owner = kiosk_store_prepare (self,
                                                   "SELECT source FROM trusted_keys WHERE key = ?1",
                                                   error)) == NULL)
                                                   return FALSE;
  sqlite3_bind_text (owner, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (owner) == SQLITE_ROW)
    {
      const char *source = (const char *) sqlite3_column_text (owner, 0);

      if (source == NULL || g_str_equal (source, id))
        return TRUE;
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("This key already belongs to the source %s; a key can be pinned to one source only."),
                   source);
      return FALSE;
    }

  insert = kiosk_store_prepare (self,
                                "INSERT INTO trusted_keys (key, source, added) VALUES (?1, ?2, ?3)",
                                error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, g_get_real_time () / G_USEC_PER_SEC);
  return step_done (self, insert, error);
}

static gboolean
upsert_source (KioskStore  *self,
               const char  *id,
               const char  *url,
               GError     **error)
{
  sqlite3_stmt *stmt = kiosk_store_prepare (self,
                                            "INSERT INTO sources (id, url, enabled) VALUES (?1, "
                                            "?2, 1)"
                                            " ON CONFLICT (id) DO UPDATE SET url = ?2, enabled = 1,"
                                            " etag = CASE WHEN url IS ?2 THEN etag END",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, url, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gboolean
add_source_rows (KioskStore         *self,
                 const char         *id,
                 const char         *url,
                 const char * const *keys,
                 GError            **error)
{
  if (!upsert_source (self, id, url, error))
    return FALSE;
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!pin_key (self, id, keys[i], error))
      return FALSE;
  return TRUE;
}

gboolean
kiosk_store_add_source (KioskStore         *self,
                        const char         *id,
                        const char         *url,
                        const char * const *keys,
                        GError            **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && url != NULL, FALSE);

  if (!kiosk_repo_id_is_valid (id))
    {
      g_set_error (error, KIOSK_STORE_ERROR, KIOSK_STORE_ERROR_FAILED,
                   _("“%s” is not a source id: use 1 to 64 of a-z, 0-9, “.” and “-”."), id);
      return FALSE;
    }
  if (!check_source_url (url, error) || !kiosk_store_begin_write (self, error))
    return FALSE;

  if (!add_source_rows (self, id, url, keys, error) || !kiosk_store_commit (self, error))
    {
      kiosk_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
kiosk_store_set_source_enabled (KioskStore  *self,
                                const char  *id,
                                gboolean     enabled,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = kiosk_store_prepare (self, "UPDATE sources SET enabled = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, enabled ? 1 : 0);
  return step_done (self, stmt, error);
}

GPtrArray *
kiosk_store_list_source_keys (KioskStore  *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = kiosk_store_prepare (self,
                              "SELECT key FROM trusted_keys WHERE source = ?1 OR source IS NULL "
                              "ORDER BY added",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return kiosk_store_collect_rows (self, stmt, key_from_row, g_free, error);
}

gint64
kiosk_store_begin_sync_log (KioskStore  *self,
                            const char  *source,
                            GError     **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *attempt;
  sqlite3_stmt *log;

  g_return_val_if_fail (KIOSK_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  attempt = kiosk_store_prepare (self, "UPDATE sources SET last_attempt = ?2 WHERE id = ?1", error);
  if (attempt == NULL)
    return 0;
  sqlite3_bind_text (attempt, 1, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (attempt, 2, now);
  if (!step_done (self, attempt, error))
    return 0;

  log = kiosk_store_prepare (self, "INSERT INTO sync_log (source, started) VALUES (?1, ?2)", error);
  if (log == NULL)
    return 0;
  sqlite3_bind_text (log, 1, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (log, 2, now);
  if (!step_done (self, log, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
update_sync_log (KioskStore               *self,
                 const KioskSyncLogEntry  *entry,
                 GError                  **error)
{
  sqlite3_stmt *stmt = kiosk_store_prepare (self,
                                            "UPDATE sync_log SET finished = ?2, ok = ?3, version "
                                            "= ?4,"
                                            " objects = ?5, bytes = ?6, message = ?7 WHERE id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->id);
  sqlite3_bind_int64 (stmt, 2, entry->finished);
  sqlite3_bind_int (stmt, 3, entry->ok);
  sqlite3_bind_int64 (stmt, 4, entry->version);
  sqlite3_bind_int64 (stmt, 5, entry->objects);
  sqlite3_bind_int64 (stmt, 6, entry->bytes);
  sqlite3_bind_text (stmt, 7, entry->message, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gboolean
update_source_result (KioskStore               *self,
                      const KioskSyncLogEntry  *entry,
                      const char               *etag,
                      GError                  **error)
{
  sqlite3_stmt *stmt = kiosk_store_prepare (self,
                                            "UPDATE sources SET last_result = ?2, etag = ?3,"
                                            " last_success = CASE WHEN ?4 THEN ?5 ELSE "
                                            "last_success END"
                                            " WHERE id = ?1",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entry->message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, etag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, entry->ok);
  sqlite3_bind_int64 (stmt, 5, entry->finished);
  return step_done (self, stmt, error);
}

/* Records how a sync ended: the log row begun by kiosk_store_begin_sync_log (), the
 * source's last result and the ETag to send next time, in one transaction. The log
 * keeps its newest 1000 rows. */
gboolean
kiosk_store_finish_sync_log (KioskStore               *self,
                             const KioskSyncLogEntry  *entry,
                             const char               *etag,
                             GError                  **error)
{
  g_return_val_if_fail (KIOSK_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry->source != NULL, FALSE);

  if (!kiosk_store_begin_write (self, error))
    return FALSE;
  if (!update_sync_log (self, entry, error) ||
      !update_source_result (self, entry, etag, error) ||
      !kiosk_store_exec (self,
                         "DELETE FROM sync_log WHERE id <="
                         " (SELECT id FROM sync_log ORDER BY id DESC LIMIT 1 OFFSET 1000)",
                         error) ||
      !kiosk_store_commit (self, error))
    {
      kiosk_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gpointer
sync_log_from_row (sqlite3_stmt *stmt)
{
  KioskSyncLogEntry *entry = g_new0 (KioskSyncLogEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->source = column_strdup (stmt, 1);
  entry->started = sqlite3_column_int64 (stmt, 2);
  entry->finished = sqlite3_column_int64 (stmt, 3);
  entry->ok = sqlite3_column_int (stmt, 4);
  entry->version = sqlite3_column_int64 (stmt, 5);
  entry->objects = sqlite3_column_int64 (stmt, 6);
  entry->bytes = sqlite3_column_int64 (stmt, 7);
  entry->message = column_strdup (stmt, 8);
  return entry;
}

/* Newest first. A row without a finish time is a sync that was cut short. */
GPtrArray *
kiosk_store_list_sync_log (KioskStore  *self,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (self), NULL);

  stmt = kiosk_store_prepare (self,
                              "SELECT id, source, started, finished, ok, version, objects, "
                              "bytes, message"
                              " FROM sync_log ORDER BY id DESC LIMIT ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit);
  return kiosk_store_collect_rows (self, stmt, sync_log_from_row,
                                   (GDestroyNotify) kiosk_sync_log_entry_free,
                       error);
}

void
kiosk_sync_log_entry_free (KioskSyncLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->source);
  g_free (entry->message);
  g_free (entry);
}
