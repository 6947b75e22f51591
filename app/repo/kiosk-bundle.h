/* kiosk-bundle.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kiosk-importer.h"

G_BEGIN_DECLS

/* The folder holding the bundled repository/ and bundled.pub: the install folder, or
 * $GOC_TRE_EM_BUNDLED_DIR (the build tree, tests). */
char              *kiosk_bundle_get_dir   (void);

/* Imports the repository installed with the app when the store holds an older
 * version of it or none. Returns a result with up_to_date set when nothing was due. */
KioskImportResult *kiosk_bundle_ensure    (KioskStore     *store,
                                           GCancellable   *cancellable,
                                           GError        **error);

G_END_DECLS
