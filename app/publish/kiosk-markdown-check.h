/* kiosk-markdown-check.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a body may point at (sets of ids), and which style rules apply to it: @sections
 * are the `##` headings every article has, in order, NULL-terminated. */
typedef struct
{
  GHashTable        *articles;
  GHashTable        *topics;
  GHashTable        *media;
  const char *const *sections;
  gboolean           lint;
} KioskBodyRules;

/* What the check learns about a body: its words as the lint counts them, and the media
 * ids its images use, each once. */
typedef struct
{
  guint      n_words;
  GPtrArray *media;
} KioskBodyInfo;

#define KIOSK_BODY_MIN_WORDS     250
#define KIOSK_BODY_MAX_WORDS     700
#define KIOSK_SENTENCE_MAX_WORDS 30

void kiosk_body_info_init  (KioskBodyInfo        *info);
void kiosk_body_info_clear (KioskBodyInfo        *info);

void kiosk_markdown_check  (const char           *body,
                            const char           *file,
                            guint                 first_line,
                            const KioskBodyRules *rules,
                            KioskBodyInfo        *info,
                            GPtrArray            *diagnostics);

G_END_DECLS
