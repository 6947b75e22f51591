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
  /* A delta (changes file) for a version other than the one the store holds. */
  KIOSK_IMPORT_ERROR_WRONG_BASE,
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

/* A signed delta, changes/<base>.signed (docs/repository-format.md, "Changes"): what
 * differs between the manifest of version @base and the one of @version. */
typedef struct {
  char       *repository;
  gint64      base;
  char       *base_sha256;      /* of the base manifest's signed body */
  gint64      version;
  char       *manifest_sha256;  /* of the new manifest's signed body */
  GDateTime  *created;
  GDateTime  *expires;
  char       *name[2];
  char       *public_url;
  char       *objects_digest;   /* kiosk_manifest_objects_digest () of the new list */
  GPtrArray  *changed;          /* KioskManifestObject */
  GPtrArray  *removed;          /* KioskManifestObject without sha256 and size */
  char       *signed_by;
} KioskChanges;

KioskChanges  *kiosk_changes_new_verified   (GBytes          *envelope,
                                             GStrv            trusted_keys,
                                             GError         **error);
void           kiosk_changes_free           (KioskChanges    *self);

/* The full manifest of @changes->version: @held (KioskManifestObject, the objects of
 * the base version) with the changes applied, checked against the signed digest.
 * Objects taken over from @held keep their size as given. */
KioskManifest *kiosk_manifest_new_from_changes (KioskChanges  *changes,
                                                GPtrArray     *held,
                                                GError       **error);

/* SHA-256 (hex) of the lines "<kind> <id> <sha256>\n" of @objects in byte order: what
 * a delta promises the full object list will be. */
char          *kiosk_manifest_objects_digest (GPtrArray      *objects);

KioskManifestObject *kiosk_manifest_object_new  (KioskObjectKind  kind,
                                                 const char      *id,
                                                 const char      *sha256,
                                                 gint64           size);
void                 kiosk_manifest_object_free (KioskManifestObject *object);

/* Publisher side: the body of the changes file leading from the manifest body @base
 * to the manifest body @target (both exactly as signed, and the publisher's own, so
 * not verified). With @previous, the body of a changes file from an older version to
 * @base, the result leads from that older version to @target instead. */
char          *kiosk_changes_body_build     (GBytes          *base,
                                             GBytes          *target,
                                             GBytes          *previous,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskChanges, kiosk_changes_free)

G_END_DECLS
