/* kiosk-topic-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_TOPIC_PAGE (kiosk_topic_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskTopicPage, kiosk_topic_page, KIOSK, TOPIC_PAGE, GtkWidget)

/* A topic's articles as cards (title and a one-line summary); a card runs
 * win.show-article with the article's id. */
GtkWidget *kiosk_topic_page_new (KioskStore *store,
                                 KioskLang   lang,
                                 const char *topic_id);

G_END_DECLS
