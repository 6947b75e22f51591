/* kiosk-place.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KIOSK_PAGE_HOME,
  KIOSK_PAGE_TOPIC,
  KIOSK_PAGE_ARTICLE,
  KIOSK_PAGE_SEARCH,
  KIOSK_PAGE_HOTLINE,
  KIOSK_PAGE_ADMIN,     /* the admin console: only with an admin session */
  KIOSK_PAGE_SETUP,     /* the set-up wizard: first run, or an admin re-running it */
} KioskPageKind;

/* Where a person is: a screen and, for topics and articles, which one. History is a
 * list of places, not of widgets, so going back rebuilds a screen from the store. */
typedef struct {
  KioskPageKind  kind;
  char          *id;
} KioskPlace;

KioskPlace *kiosk_place_new   (KioskPageKind     kind,
                               const char       *id);
KioskPlace *kiosk_place_copy  (const KioskPlace *place);
gboolean    kiosk_place_equal (const KioskPlace *a,
                               const KioskPlace *b);
void        kiosk_place_free  (KioskPlace       *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskPlace, kiosk_place_free)

G_END_DECLS
