/* kiosk-commune-page.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-contacts.h"
#include "kiosk-settings.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_COMMUNE_PAGE (kiosk_commune_page_get_type ())
G_DECLARE_FINAL_TYPE (KioskCommunePage, kiosk_commune_page, KIOSK, COMMUNE_PAGE, GtkWidget)

/* The console's commune section: name and address (settings) and the local contacts
 * (hotline rows of the store at @store's path), with an on-screen keyboard that
 * types into the field in use. Actions: commune.save, commune.remove (i: a
 * KioskContactKind), commune.hide-keyboard. ::content-changed after contacts are
 * saved. */
GtkWidget   *kiosk_commune_page_new          (KioskStore       *store,
                                              KioskSettings    *settings,
                                              KioskLang         lang);
GtkEditable *kiosk_commune_page_get_field    (KioskCommunePage *self,
                                              const char       *name);
GtkEditable *kiosk_commune_page_get_number   (KioskCommunePage *self,
                                              KioskContactKind  kind);
GtkEditable *kiosk_commune_page_get_person   (KioskCommunePage *self,
                                              KioskContactKind  kind);
/* The last sentence about saving, or "". */
const char  *kiosk_commune_page_get_status   (KioskCommunePage *self);
gboolean     kiosk_commune_page_is_saving    (KioskCommunePage *self);

G_END_DECLS
