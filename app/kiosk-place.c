/* kiosk-place.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-place.h"

KioskPlace *
kiosk_place_new (KioskPageKind  kind,
                 const char    *id)
{
  KioskPlace *place = g_new0 (KioskPlace, 1);

  place->kind = kind;
  place->id = g_strdup (id);
  return place;
}

KioskPlace *
kiosk_place_copy (const KioskPlace *place)
{
  g_return_val_if_fail (place != NULL, NULL);
  return kiosk_place_new (place->kind, place->id);
}

gboolean
kiosk_place_equal (const KioskPlace *a,
                   const KioskPlace *b)
{
  return a->kind == b->kind && g_strcmp0 (a->id, b->id) == 0;
}

void
kiosk_place_free (KioskPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->id);
  g_free (place);
}
