/* kiosk-content-source.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kiosk-types.h"

G_BEGIN_DECLS

typedef enum
{
  KIOSK_CONTENT_SOURCE_NONE = 0,
  KIOSK_CONTENT_SOURCE_LINT = 1 << 0,
} KioskContentSourceFlags;

typedef struct
{
  char     *id;
  char     *number;
  gboolean  national;
  gboolean  free;
  char     *name[KIOSK_N_LANGS];
  char     *purpose[KIOSK_N_LANGS];
  char     *hours[KIOSK_N_LANGS];
} KioskSourceHotline;

typedef struct
{
  char   *id;
  gint64  order;
  char   *icon;
  char   *title[KIOSK_N_LANGS];
  char   *summary[KIOSK_N_LANGS];
} KioskSourceTopic;

typedef struct
{
  char   *title;
  char   *summary;
  GStrv   tags;
  char   *body;
  guint   n_words;
} KioskSourceText;

typedef struct
{
  char            *id;
  char            *topic;
  gint64           order;
  char            *updated;
  char            *basis;
  KioskSourceText  text[KIOSK_N_LANGS];
  GStrv            media;
} KioskSourceArticle;

typedef struct
{
  char   *id;
  GBytes *bytes;
} KioskSourceMedia;

#define KIOSK_TYPE_CONTENT_SOURCE (kiosk_content_source_get_type ())

G_DECLARE_FINAL_TYPE (KioskContentSource, kiosk_content_source, KIOSK, CONTENT_SOURCE, GObject)


KioskContentSource *kiosk_content_source_new               (const char              *path);
gboolean            kiosk_content_source_load              (KioskContentSource      *self,
                                                            KioskContentSourceFlags  flags,
                                                            GError                 **error);

const char         *kiosk_content_source_get_path          (KioskContentSource      *self);
const char         *kiosk_content_source_get_repository_id (KioskContentSource      *self);
const char         *kiosk_content_source_get_name          (KioskContentSource      *self,
                                                            KioskLang                lang);
const char         *kiosk_content_source_get_public_url    (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_hotlines      (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_topics        (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_articles      (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_media         (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_diagnostics   (KioskContentSource      *self);
GPtrArray          *kiosk_content_source_get_inputs        (KioskContentSource      *self);

G_END_DECLS
