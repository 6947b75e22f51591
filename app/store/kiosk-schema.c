/* kiosk-schema.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-schema.h"
#include "kiosk-store.h"

/* 1: the content itself. Article text is one row per language so that the search
 * index (step 2) can use it as its external content table without a copy. */
static const char migration_1[] =
  "CREATE TABLE sources ("
  "  id TEXT PRIMARY KEY,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  manifest_sha256 TEXT,"
  "  name_vi TEXT, name_en TEXT,"
  "  public_url TEXT,"
  "  applied_at INTEGER"
  ");"
  "CREATE TABLE objects ("
  "  source TEXT NOT NULL REFERENCES sources (id),"
  "  kind TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  PRIMARY KEY (source, kind, id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE topics ("
  "  id TEXT PRIMARY KEY,"
  "  source TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  icon TEXT,"
  "  title_vi TEXT NOT NULL, title_en TEXT NOT NULL,"
  "  summary_vi TEXT NOT NULL, summary_en TEXT NOT NULL"
  ");"
  "CREATE TABLE articles ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  source TEXT NOT NULL,"
  "  topic TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  updated TEXT,"
  "  basis TEXT"
  ");"
  "CREATE INDEX articles_by_topic ON articles (topic, position);"
  "CREATE TABLE article_texts ("
  "  docid INTEGER PRIMARY KEY,"
  "  article INTEGER NOT NULL,"
  "  lang TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  summary TEXT NOT NULL,"
  "  tags TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  UNIQUE (article, lang)"
  ");"
  "CREATE TABLE media ("
  "  sha256 TEXT PRIMARY KEY,"
  "  mime TEXT NOT NULL,"
  "  data BLOB NOT NULL"
  ");"
  "CREATE TABLE media_names ("
  "  source TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  PRIMARY KEY (source, name)"
  ") WITHOUT ROWID;"
  "CREATE TABLE hotlines ("
  "  source TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  number TEXT NOT NULL,"
  "  national INTEGER NOT NULL,"
  "  free INTEGER NOT NULL,"
  "  name_vi TEXT NOT NULL, name_en TEXT NOT NULL,"
  "  purpose_vi TEXT NOT NULL, purpose_en TEXT NOT NULL,"
  "  hours_vi TEXT NOT NULL, hours_en TEXT NOT NULL,"
  "  PRIMARY KEY (source, id)"
  ");";

/* 2: full-text search over article_texts, kept in step by triggers. */
static const char migration_2[] =
  "CREATE VIRTUAL TABLE article_search USING fts5 ("
  "  title, summary, tags, body,"
  "  content='article_texts', content_rowid='docid',"
  "  tokenize='kiosk_fold', prefix='1 2 3'"
  ");"
  "CREATE TRIGGER article_texts_ai AFTER INSERT ON article_texts BEGIN"
  "  INSERT INTO article_search (rowid, title, summary, tags, body)"
  "  VALUES (new.docid, new.title, new.summary, new.tags, new.body);"
  "END;"
  "CREATE TRIGGER article_texts_ad AFTER DELETE ON article_texts BEGIN"
  "  INSERT INTO article_search (article_search, rowid, title, summary, tags, body)"
  "  VALUES ('delete', old.docid, old.title, old.summary, old.tags, old.body);"
  "END;"
  "CREATE TRIGGER article_texts_au AFTER UPDATE ON article_texts BEGIN"
  "  INSERT INTO article_search (article_search, rowid, title, summary, tags, body)"
  "  VALUES ('delete', old.docid, old.title, old.summary, old.tags, old.body);"
  "  INSERT INTO article_search (rowid, title, summary, tags, body)"
  "  VALUES (new.docid, new.title, new.summary, new.tags, new.body);"
  "END;"
  "INSERT INTO article_search (article_search) VALUES ('rebuild');";

/* 3: what sync needs: where a source lives, whether to follow it, what happened last
 * time, the keys a kiosk trusts, and a short history. */
static const char migration_3[] =
  "ALTER TABLE sources ADD COLUMN url TEXT;"
  "ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE sources ADD COLUMN etag TEXT;"
  "ALTER TABLE sources ADD COLUMN last_attempt INTEGER;"
  "ALTER TABLE sources ADD COLUMN last_success INTEGER;"
  "ALTER TABLE sources ADD COLUMN last_result TEXT;"
  "CREATE TABLE trusted_keys ("
  "  key TEXT PRIMARY KEY,"
  "  source TEXT,"
  "  added INTEGER NOT NULL"
  ");"
  "CREATE TABLE sync_log ("
  "  id INTEGER PRIMARY KEY,"
  "  source TEXT NOT NULL,"
  "  started INTEGER NOT NULL,"
  "  finished INTEGER,"
  "  ok INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER,"
  "  objects INTEGER NOT NULL DEFAULT 0,"
  "  bytes INTEGER NOT NULL DEFAULT 0,"
  "  message TEXT"
  ");";

/* 4: what the commune keeps on the kiosk besides content. PINs only as Argon2id hashes,
 * and the keypad's lockout, so neither is in dconf (which every local user can read)
 * and a restart does not undo a lockout. Usage counts are anonymous: whole days for the
 * totals, whole months per topic or article, no time of day and no search text. */
static const char migration_4[] =
  "CREATE TABLE pins ("
  "  role TEXT PRIMARY KEY CHECK (role IN ('admin', 'staff')),"
  "  hash TEXT NOT NULL,"
  "  changed INTEGER NOT NULL"
  ");"
  "CREATE TABLE pin_lockout ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  failures INTEGER NOT NULL DEFAULT 0,"
  "  lockouts INTEGER NOT NULL DEFAULT 0,"
  "  locked_until INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO pin_lockout (id) VALUES (1);"
  "CREATE TABLE usage_days ("
  "  day TEXT PRIMARY KEY,"
  "  topic_views INTEGER NOT NULL DEFAULT 0,"
  "  article_views INTEGER NOT NULL DEFAULT 0,"
  "  searches INTEGER NOT NULL DEFAULT 0,"
  "  zero_result_searches INTEGER NOT NULL DEFAULT 0,"
  "  leaflets_printed INTEGER NOT NULL DEFAULT 0"
  ") WITHOUT ROWID;"
  "CREATE TABLE usage_items ("
  "  month TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('topic', 'article')),"
  "  id TEXT NOT NULL,"
  "  views INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (month, kind, id)"
  ") WITHOUT ROWID;";

/* 5: room for the search index to gather a whole sync in memory. FTS5 writes out what
 * an import has indexed each time a megabyte of it has piled up, then merges the pieces;
 * with 16 MB, a thousand articles are written out once, at the end. The memory is only
 * taken while an import writes. */
static const char migration_5[] =
  "INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 16777216);";

const char *
kiosk_schema_migration (int version)
{
  static const char *steps[] = { NULL, migration_1, migration_2, migration_3, migration_4,
                                 migration_5 };

  G_STATIC_ASSERT (G_N_ELEMENTS (steps) == KIOSK_STORE_SCHEMA_VERSION + 1);
  g_return_val_if_fail (version >= 1 && version <= KIOSK_STORE_SCHEMA_VERSION, NULL);
  return steps[version];
}
