/* kiosk-publisher.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kiosk-content-source.h"
#include "kiosk-diagnostic.h"

G_BEGIN_DECLS

#define KIOSK_PUBLISH_DEFAULT_EXPIRES_DAYS 365

typedef struct
{
  gint64 version;
  guint  n_objects;
  guint  n_written;
  guint  n_removed;
} KioskPublishResult;

gboolean kiosk_publisher_generate_key (const char          *path,
                                       char               **public_key,
                                       GError             **error);
gboolean kiosk_publisher_load_key     (const char          *path,
                                       guint8              *secret_key,
                                       GError             **error);

GBytes  *kiosk_publisher_topic_object    (const KioskSourceTopic   *topic);
GBytes  *kiosk_publisher_article_object  (const KioskSourceArticle *article);
GBytes  *kiosk_publisher_hotlines_object (GPtrArray                *hotlines);

gboolean kiosk_publisher_publish      (KioskContentSource  *source,
                                       const guint8        *secret_key,
                                       const char          *output_dir,
                                       guint                expires_days,
                                       GDateTime           *now,
                                       KioskPublishResult  *result,
                                       GError             **error);

G_END_DECLS
