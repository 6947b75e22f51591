/* kiosk-article-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_ARTICLE_PAGE (kiosk_article_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskArticlePage, kiosk_article_page, KIOSK, ARTICLE_PAGE, GtkWidget)

/* One article in a readable column, read from the store once: content that changes
 * while someone reads stays as it was until they move on. Links to other articles
 * and topics run win.show-article and win.show-topic. */
GtkWidget  *kiosk_article_page_new    (KioskStore       *store,
                                       KioskLang         lang,
                                       const char       *article_id);
const char *kiosk_article_page_get_id (KioskArticlePage *self);

G_END_DECLS
