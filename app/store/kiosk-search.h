/* kiosk-search.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kiosk-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *article_id;
  char      *topic;
  KioskLang  lang;      /* the language the hit was found in */
  char      *title;     /* in the language asked for */
  char      *snippet;   /* Pango markup: escaped text, matches in <b>…</b> */
  double     score;     /* lower is better, as FTS5's rank */
} KioskSearchHit;

/* Whatever a person typed becomes a safe FTS5 expression: every word a quoted
 * token, the last one a prefix. Returns NULL when nothing in @text is searchable. */
char      *kiosk_search_build_match (const char  *text);

/* The best @limit articles for @text, in @lang's titles and snippets. An empty or
 * unsearchable @text gives an empty array, never an error. */
GPtrArray *kiosk_store_search       (KioskStore  *store,
                                     const char  *text,
                                     KioskLang    lang,
                                     guint        limit,
                                     GError     **error);

void       kiosk_search_hit_free    (KioskSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskSearchHit, kiosk_search_hit_free)

G_END_DECLS
