/* kiosk-test-repo.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds signed repositories by hand, byte for byte, so importer tests can also make
 * the broken and hostile ones no publisher would write.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KioskTestRepo KioskTestRepo;

KioskTestRepo *kiosk_test_repo_new          (const char    *repository_id);
void           kiosk_test_repo_free         (KioskTestRepo *repo);

/* The base64 public key, and a fresh second key pair for "unknown key" cases. */
const char    *kiosk_test_repo_public_key   (KioskTestRepo *repo);
void           kiosk_test_repo_use_new_key  (KioskTestRepo *repo);

void           kiosk_test_repo_set_version  (KioskTestRepo *repo,
                                             gint64         version);
void           kiosk_test_repo_set_expires  (KioskTestRepo *repo,
                                             gint64         unix_time);

/* Content helpers: a topic, an article in both languages, the hotlines, a media file. */
void           kiosk_test_repo_add_topic    (KioskTestRepo *repo,
                                             const char    *id,
                                             const char    *title_vi);
void           kiosk_test_repo_add_article  (KioskTestRepo *repo,
                                             const char    *id,
                                             const char    *topic,
                                             const char    *title_vi,
                                             const char    *body_vi);
void           kiosk_test_repo_add_media    (KioskTestRepo *repo,
                                             const char    *id,
                                             const char    *bytes);
void           kiosk_test_repo_remove       (KioskTestRepo *repo,
                                             const char    *id);

/* Any object, with explicit bytes and the manifest's claims about them. */
void           kiosk_test_repo_add_raw      (KioskTestRepo *repo,
                                             const char    *kind,
                                             const char    *id,
                                             GBytes        *bytes,
                                             const char    *claimed_sha256,
                                             gint64         claimed_size);

/* Writes manifest.signed and objects/ into @dir (created if needed). */
void           kiosk_test_repo_write        (KioskTestRepo *repo,
                                             const char    *dir);
/* The manifest body that would be signed; tests may replace it before signing. */
char          *kiosk_test_repo_manifest_body (KioskTestRepo *repo);
void           kiosk_test_repo_write_signed_body (KioskTestRepo *repo,
                                                  const char    *dir,
                                                  const char    *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestRepo, kiosk_test_repo_free)

G_END_DECLS
