/* kiosk-store-private.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of app/store that run their own SQL on the store's connection.
 */

#pragma once

#include "kiosk-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Prepares @sql on the store's connection; on failure sets a sentence for people. */
sqlite3_stmt *kiosk_store_prepare      (KioskStore      *self,
                                        const char      *sql,
                                        GError         **error);

/* Steps @stmt to the end, turning each row into an element with @row_func. */
GPtrArray    *kiosk_store_collect_rows (KioskStore      *self,
                                        sqlite3_stmt    *stmt,
                                        gpointer       (*row_func) (sqlite3_stmt *),
                                        GDestroyNotify   free_func,
                                        GError         **error);

G_END_DECLS
