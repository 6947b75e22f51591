/* kiosk-home-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_HOME_PAGE (kiosk_home_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskHomePage, kiosk_home_page, KIOSK, HOME_PAGE, GtkWidget)

/* The first screen: a way into search and one large tile per topic. A tile runs
 * win.show-topic with the topic's id. */
GtkWidget *kiosk_home_page_new    (KioskStore    *store,
                                   KioskLang      lang);
void       kiosk_home_page_reload (KioskHomePage *self);
/* In any thread, before the page is made: reads what its tiles will show, so the
 * page is quicker to make (kiosk_media_read_ahead()). */
void       kiosk_home_page_read_ahead (KioskStore *store);
void       kiosk_home_page_reset  (KioskHomePage *self);
/* Says why there is nothing to show, when the content could not be prepared. */
void       kiosk_home_page_show_problem (KioskHomePage *self,
                                         const char    *message);

G_END_DECLS
