/* kiosk-leaflet-cli.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only GIO types here: kiosk-cli.c, which has no Pango or cairo, includes it.
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-types.h"

G_BEGIN_DECLS

/* --leaflet, --output, --paper, --print, --copies and --printer. */
void     kiosk_leaflet_cli_add_options (GApplication *app);

/* Whether @options ask for a leaflet or a print. */
gboolean kiosk_leaflet_cli_handles     (GVariantDict *options);

/* Writes or prints the leaflet @options ask for, from @store; returns the exit status. */
int      kiosk_leaflet_cli_run         (GVariantDict *options,
                                        KioskStore   *store);

G_END_DECLS
