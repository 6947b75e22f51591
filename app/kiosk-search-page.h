/* kiosk-search-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_SEARCH_PAGE (kiosk_search_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskSearchPage, kiosk_search_page, KIOSK, SEARCH_PAGE, GtkWidget)

/* Search as you type (debounced), results with highlighted snippets, and an
 * on-screen keyboard so a kiosk without a keyboard can search. A result runs
 * win.show-article; with no results it suggests topics (win.show-topic) and shows
 * the hotline (win.hotline). ::searched (guint n_results) says a search's results
 * were seen: once per query, not per key, and without the query. */
GtkWidget  *kiosk_search_page_new      (KioskStore      *store,
                                        KioskLang        lang);
const char *kiosk_search_page_get_text (KioskSearchPage *self);
void        kiosk_search_page_set_text (KioskSearchPage *self,
                                        const char      *text);
/* Runs a pending debounced search now (tests, and the keyboard's Enter key); the
 * search on screen counts at once. */
void        kiosk_search_page_flush    (KioskSearchPage *self);
/* Number of result rows shown. */
guint       kiosk_search_page_get_n_results (KioskSearchPage *self);
/* Empties the text, the results and the scroll position: the idle reset. */
void        kiosk_search_page_reset    (KioskSearchPage *self);
/* Puts the keyboard focus in the search field. */
void        kiosk_search_page_focus    (KioskSearchPage *self);

G_END_DECLS
