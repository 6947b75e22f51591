/* kiosk-sources.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

/* Adding, turning off and removing the sources the kiosk syncs from, shared by the
 * set-up wizard, the console's sync page and the command line. */

/* What the store would refuse in a source's name, address and key, as one translated
 * sentence for the person who typed them; NULL when all three are right. */
const char *kiosk_sources_check_fields       (const char          *id,
                                              const char          *url,
                                              const char          *key);

/* Removes source @id with its content and keys in one transaction on @writer, then
 * its half-downloaded objects in the staging folder. */
gboolean    kiosk_sources_remove             (KioskStore          *writer,
                                              const char          *id,
                                              GError             **error);

/* Each opens its own writer connection on the store at @store_path and writes in a
 * worker thread; the reader's connection is never written on. */
void        kiosk_sources_add_async          (const char          *store_path,
                                              const char          *id,
                                              const char          *url,
                                              const char          *key,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    kiosk_sources_add_finish         (GAsyncResult        *result,
                                              GError             **error);
void        kiosk_sources_set_enabled_async  (const char          *store_path,
                                              const char          *id,
                                              gboolean             enabled,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    kiosk_sources_set_enabled_finish (GAsyncResult        *result,
                                              GError             **error);
void        kiosk_sources_remove_async       (const char          *store_path,
                                              const char          *id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    kiosk_sources_remove_finish      (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
