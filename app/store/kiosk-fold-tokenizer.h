/* kiosk-fold-tokenizer.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define KIOSK_FOLD_TOKENIZER "kiosk_fold"

/* A query phrase that starts with this matches the exact, marked form of its words:
 * "=đường" finds "đường" but not "duong" or "dưỡng". */
#define KIOSK_FOLD_EXACT_MARKER '='

gboolean kiosk_fold_tokenizer_register (sqlite3  *db,
                                        GError  **error);

G_END_DECLS
