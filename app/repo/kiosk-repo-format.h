/* kiosk-repo-format.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits from docs/repository-format.md; the publisher and the importer share them. */
#define KIOSK_MANIFEST_MAGIC          "goc-tre-em-manifest 1"
#define KIOSK_MANIFEST_FILE           "manifest.signed"
#define KIOSK_OBJECTS_DIR             "objects"
#define KIOSK_MANIFEST_MAX_SIZE       (16 * 1024 * 1024)
#define KIOSK_MANIFEST_MAX_SIGNATURES 8
#define KIOSK_MANIFEST_MAX_OBJECTS    100000
#define KIOSK_OBJECT_MAX_SIZE         (8 * 1024 * 1024)
#define KIOSK_MEDIA_MAX_SIZE          (2 * 1024 * 1024)
#define KIOSK_KEY_SIZE                32
#define KIOSK_SECRET_KEY_SIZE         64
#define KIOSK_SIGNATURE_SIZE          64

gboolean  kiosk_repo_id_is_valid          (const char *id);
gboolean  kiosk_object_id_is_valid        (const char *id);
gboolean  kiosk_media_id_is_valid         (const char *id);
gboolean  kiosk_sha256_hex_is_valid       (const char *hex);
char     *kiosk_sha256_hex                (const guint8 *data,
                                           gsize         len);

char     *kiosk_manifest_envelope_sign    (GBytes       *body,
                                           const guint8 *secret_key,
                                           gsize        *out_len);

G_END_DECLS
