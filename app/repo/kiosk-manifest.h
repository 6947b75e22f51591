/* kiosk-manifest.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-types.h"

G_BEGIN_DECLS

#define KIOSK_IMPORT_ERROR (kiosk_import_error_quark ())

/* Every way an import can be refused; each has its own sentence for people. */
typedef enum {
  KIOSK_IMPORT_ERROR_NOT_FOUND,
  KIOSK_IMPORT_ERROR_MALFORMED,
  KIOSK_IMPORT_ERROR_UNTRUSTED,
  KIOSK_IMPORT_ERROR_BAD_SIGNATURE,
  KIOSK_IMPORT_ERROR_ROLLBACK,
  KIOSK_IMPORT_ERROR_SAME_VERSION,
  KIOSK_IMPORT_ERROR_EXPIRED,
  KIOSK_IMPORT_ERROR_BAD_NAME,
  KIOSK_IMPORT_ERROR_OBJECT_MISSING,
  KIOSK_IMPORT_ERROR_OBJECT_SIZE,
  KIOSK_IMPORT_ERROR_OBJECT_HASH,
  KIOSK_IMPORT_ERROR_OBJECT_INVALID,
  KIOSK_IMPORT_ERROR_CONFLICT,
  KIOSK_IMPORT_ERROR_STORE,
} KioskImportError;

typedef enum {
  KIOSK_OBJECT_HOTLINES,
  KIOSK_OBJECT_TOPIC,
  KIOSK_OBJECT_ARTICLE,
  KIOSK_OBJECT_MEDIA,
} KioskObjectKind;

typedef struct {
  char            *id;
  KioskObjectKind  kind;
  char            *sha256;
  gint64           size;
} KioskManifestObject;

typedef struct {
  char       *repository;
  gint64      version;
  GDateTime  *created;
  GDateTime  *expires;
  char       *name[2];
  char       *public_url;
  GPtrArray  *objects;        /* KioskManifestObject */
  char       *sha256;         /* of the signed body */
  char       *signed_by;      /* the trusted key (base64) whose signature verified */
} KioskManifest;

GQuark         kiosk_import_error_quark     (void);

const char    *kiosk_object_kind_to_string  (KioskObjectKind  kind);

/* Verifies @envelope (the bytes of manifest.signed) against @trusted_keys (base64
 * strings) and only then parses it. */
KioskManifest *kiosk_manifest_new_verified  (GBytes          *envelope,
                                             GStrv            trusted_keys,
                                             GError         **error);
gboolean       kiosk_manifest_is_expired    (KioskManifest   *self,
                                             GDateTime       *now);
void           kiosk_manifest_free          (KioskManifest   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskManifest, kiosk_manifest_free)

G_END_DECLS
