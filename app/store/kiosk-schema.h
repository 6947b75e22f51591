/* kiosk-schema.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SQL that takes the store from version N-1 to version N, for N = 1 …
 * KIOSK_STORE_SCHEMA_VERSION. Released steps never change; a new need is a new step. */
const char *kiosk_schema_migration (int version);

G_END_DECLS
