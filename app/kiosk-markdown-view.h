/* kiosk-markdown-view.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_MARKDOWN_VIEW (kiosk_markdown_view_get_type ())
G_DECLARE_FINAL_TYPE (KioskMarkdownView, kiosk_markdown_view, KIOSK, MARKDOWN_VIEW, GtkWidget)

/* An article body, built as GTK widgets from cmark's tree: headings, paragraphs,
 * emphasis, lists, block quotes as call-out boxes, images from @store, links to
 * articles and topics (they emit ::link-activated with the URI, "article:ID" or
 * "topic:ID"), and tel: numbers shown as numbers. Raw HTML and any other link or
 * image scheme are dropped. */
GtkWidget *kiosk_markdown_view_new          (KioskStore        *store);
void       kiosk_markdown_view_set_markdown (KioskMarkdownView *self,
                                             const char        *markdown);

G_END_DECLS
