/* kiosk-importer.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-manifest.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

typedef enum {
  KIOSK_IMPORT_DEFAULT = 0,
  /* Verify everything and count the changes, but apply nothing (the USB preview). */
  KIOSK_IMPORT_DRY_RUN = 1 << 0,
} KioskImportFlags;

typedef struct {
  char    *source;
  gint64   old_version;
  gint64   new_version;
  gboolean up_to_date;
  guint    articles_added;
  guint    articles_updated;
  guint    articles_removed;
  guint    objects_read;     /* objects whose bytes were read and hashed */
  guint64  bytes_read;
} KioskImportResult;

/* Verifies the repository in @repo (a folder or file:// location holding
 * manifest.signed and objects/) against the store's pinned keys plus @extra_keys,
 * then applies it in one transaction. On any error the store is as it was. */
KioskImportResult *kiosk_import_repository       (KioskStore         *store,
                                                  GFile              *repo,
                                                  GStrv               extra_keys,
                                                  KioskImportFlags    flags,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

/* The same with the manifest bytes already in hand and the objects in @objects_dir
 * (HTTP sync hands over its staging folder). */
KioskImportResult *kiosk_import_manifest         (KioskStore         *store,
                                                  GBytes             *envelope,
                                                  GFile              *objects_dir,
                                                  GStrv               extra_keys,
                                                  KioskImportFlags    flags,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

/* The objects of @manifest that the store does not hold yet, by hash. */
GPtrArray         *kiosk_import_missing_objects  (KioskStore         *store,
                                                  KioskManifest      *manifest,
                                                  GError            **error);

/* The version and expiry checks of an import, for a manifest verified ahead of a
 * download, so nothing is fetched for content that would be refused. */
gboolean           kiosk_import_check_manifest   (KioskStore         *store,
                                                  KioskManifest      *manifest,
                                                  gboolean           *up_to_date,
                                                  GError            **error);

/* The full manifest a verified delta leads to from what the store holds; fails with
 * KIOSK_IMPORT_ERROR_WRONG_BASE when the store does not hold the delta's base. */
KioskManifest     *kiosk_import_resolve_changes  (KioskStore         *store,
                                                  KioskChanges       *changes,
                                                  GError            **error);

/* Like kiosk_import_manifest () for a changes file (a signed delta): verified, turned
 * into the full manifest it leads to, then applied the same way, in one transaction
 * that also checks the store still holds the delta's base. */
KioskImportResult *kiosk_import_changes          (KioskStore         *store,
                                                  GBytes             *envelope,
                                                  GFile              *objects_dir,
                                                  GStrv               extra_keys,
                                                  KioskImportFlags    flags,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

/* Removes a source's content, its pinned keys and its settings in one transaction.
 * The sync log keeps its history. */
gboolean           kiosk_import_remove_source    (KioskStore         *store,
                                                  const char         *id,
                                                  GError            **error);

void               kiosk_import_result_free      (KioskImportResult  *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskImportResult, kiosk_import_result_free)

G_END_DECLS
