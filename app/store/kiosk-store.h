/* kiosk-store.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "kiosk-types.h"

G_BEGIN_DECLS

#define KIOSK_STORE_SCHEMA_VERSION 5

#define KIOSK_STORE_ERROR (kiosk_store_error_quark ())

typedef enum {
  KIOSK_STORE_ERROR_OPEN,
  KIOSK_STORE_ERROR_CORRUPT,
  KIOSK_STORE_ERROR_TOO_NEW,
  KIOSK_STORE_ERROR_BUSY,
  KIOSK_STORE_ERROR_FULL,
  KIOSK_STORE_ERROR_NOT_FOUND,
  KIOSK_STORE_ERROR_FAILED,
} KioskStoreError;

/* A reader waits at most a moment for a writer; a writer (import, sync) waits longer. */
typedef enum {
  KIOSK_STORE_READER,
  KIOSK_STORE_WRITER,
} KioskStoreRole;

typedef struct {
  char *id;
  char *source;
  int   position;
  char *icon;
  char *title[2];
  char *summary[2];
} KioskTopic;

typedef struct {
  char  *id;
  char  *source;
  char  *topic;
  int    position;
  char  *updated;
  char  *basis;
  char  *title[2];
  char  *summary[2];
  char  *tags[2];     /* comma-separated, as shown */
  char  *body[2];     /* NULL in listings; filled by kiosk_store_get_article() */
} KioskArticle;

typedef struct {
  char     *id;
  char     *source;
  int       position;
  char     *number;
  gboolean  national;
  gboolean  free_of_charge;
  char     *name[2];
  char     *purpose[2];
  char     *hours[2];
} KioskHotline;

typedef struct {
  char   *id;
  char   *url;
  gboolean enabled;
  gint64  version;
  char   *manifest_sha256;
  char   *etag;
  char   *name[2];
  char   *public_url;
  gint64  last_attempt;   /* unix seconds, 0 = never */
  gint64  last_success;
  char   *last_result;    /* a sentence for people, or NULL */
} KioskSource;

/* One sync of one source: a row of the sync log. */
typedef struct {
  gint64    id;
  char     *source;
  gint64    started;    /* unix seconds */
  gint64    finished;   /* 0 while running, or when the sync was cut short */
  gboolean  ok;
  gint64    version;    /* the version held afterwards */
  gint64    objects;    /* objects downloaded */
  gint64    bytes;      /* bytes downloaded */
  char     *message;    /* what happened, for people */
} KioskSyncLogEntry;

typedef struct {
  guint topics;
  guint articles;
  guint hotlines;
  guint media;
} KioskStoreCounts;

#define KIOSK_TYPE_STORE (kiosk_store_get_type ())
G_DECLARE_FINAL_TYPE (KioskStore, kiosk_store, KIOSK, STORE, GObject)

GQuark        kiosk_store_error_quark        (void);
char         *kiosk_store_default_path       (void);
/* Where a sync keeps the verified downloads of @source_id until they are applied. */
char         *kiosk_store_staging_path       (const char        *source_id);

KioskStore   *kiosk_store_open               (const char        *path,
                                              KioskStoreRole     role,
                                              GError           **error);
KioskStore   *kiosk_store_open_at_version    (const char        *path,
                                              int                version,
                                              GError           **error);
sqlite3      *kiosk_store_get_db             (KioskStore        *self);
const char   *kiosk_store_get_path           (KioskStore        *self);
int           kiosk_store_get_schema_version (KioskStore        *self);
gboolean      kiosk_store_migrate            (KioskStore        *self,
                                              int                target,
                                              GError           **error);

gboolean      kiosk_store_exec               (KioskStore        *self,
                                              const char        *sql,
                                              GError           **error);
gboolean      kiosk_store_begin_write        (KioskStore        *self,
                                              GError           **error);
gboolean      kiosk_store_commit             (KioskStore        *self,
                                              GError           **error);
void          kiosk_store_rollback           (KioskStore        *self);
gboolean      kiosk_store_set_error          (KioskStore        *self,
                                              int                rc,
                                              GError           **error);

gboolean      kiosk_store_get_counts         (KioskStore        *self,
                                              KioskStoreCounts  *counts,
                                              GError           **error);
GPtrArray    *kiosk_store_list_topics        (KioskStore        *self,
                                              GError           **error);
GPtrArray    *kiosk_store_list_articles      (KioskStore        *self,
                                              const char        *topic,
                                              GError           **error);
KioskArticle *kiosk_store_get_article        (KioskStore        *self,
                                              const char        *id,
                                              GError           **error);
GPtrArray    *kiosk_store_list_hotlines      (KioskStore        *self,
                                              GError           **error);
GBytes       *kiosk_store_get_media          (KioskStore        *self,
                                              const char        *name,
                                              char             **mime,
                                              GError           **error);
/* A picture's SHA-256 (hex) and type, without reading its bytes. */
gboolean      kiosk_store_find_media         (KioskStore        *self,
                                              const char        *name,
                                              char             **sha256,
                                              char             **mime,
                                              GError           **error);
GPtrArray    *kiosk_store_list_sources       (KioskStore        *self,
                                              GError           **error);
KioskSource  *kiosk_store_get_source         (KioskStore        *self,
                                              const char        *id,
                                              GError           **error);

gboolean      kiosk_store_trust_key          (KioskStore        *self,
                                              const char        *key_base64,
                                              GError           **error);
GPtrArray    *kiosk_store_list_trusted_keys  (KioskStore        *self,
                                              GError           **error);

gboolean      kiosk_store_add_source         (KioskStore        *self,
                                              const char        *id,
                                              const char        *url,
                                              const char * const *keys,
                                              GError           **error);
gboolean      kiosk_store_set_source_enabled (KioskStore        *self,
                                              const char        *id,
                                              gboolean           enabled,
                                              GError           **error);
GPtrArray    *kiosk_store_list_source_keys   (KioskStore        *self,
                                              const char        *id,
                                              GError           **error);
gint64        kiosk_store_begin_sync_log     (KioskStore        *self,
                                              const char        *source,
                                              GError           **error);
gboolean      kiosk_store_finish_sync_log    (KioskStore        *self,
                                              const KioskSyncLogEntry *entry,
                                              const char        *etag,
                                              GError           **error);
GPtrArray    *kiosk_store_list_sync_log      (KioskStore        *self,
                                              guint              limit,
                                              GError           **error);

void          kiosk_topic_free               (KioskTopic        *topic);
void          kiosk_article_free             (KioskArticle      *article);
void          kiosk_hotline_free             (KioskHotline      *hotline);
void          kiosk_source_free              (KioskSource       *source);
void          kiosk_sync_log_entry_free      (KioskSyncLogEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTopic, kiosk_topic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskArticle, kiosk_article_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskHotline, kiosk_hotline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSource, kiosk_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSyncLogEntry, kiosk_sync_log_entry_free)

G_END_DECLS
