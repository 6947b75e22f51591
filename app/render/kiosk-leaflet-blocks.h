/* kiosk-leaflet-blocks.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printable blocks of an article body, made from its cmark tree. Text comes out as
 * Pango markup with every character from the article escaped; raw HTML is gone.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KIOSK_BLOCK_TITLE,
  KIOSK_BLOCK_SUMMARY,
  KIOSK_BLOCK_HEADING,
  KIOSK_BLOCK_PARAGRAPH,
  KIOSK_BLOCK_ITEM,
  KIOSK_BLOCK_CALLOUT,
  KIOSK_BLOCK_IMAGE,
  KIOSK_BLOCK_RULE,
} KioskBlockKind;

typedef struct {
  KioskBlockKind  kind;
  int             level;    /* heading level, or how deep a list item is nested (0 = top) */
  char           *markup;   /* Pango markup; NULL for images and rules */
  char           *marker;   /* a list item's bullet or number */
  char           *image;    /* an image's media name */
  char           *alt;
} KioskBlock;

KioskBlock *kiosk_block_new              (KioskBlockKind  kind,
                                          const char     *markup);
void        kiosk_block_free             (KioskBlock     *block);

/* Every block of a Markdown body, in reading order. */
GPtrArray  *kiosk_leaflet_blocks_parse   (const char     *markdown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskBlock, kiosk_block_free)

G_END_DECLS
