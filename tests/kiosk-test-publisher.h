/* kiosk-test-publisher.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishes a KioskTestRepo into a served folder the way goc-tre-em-publish does:
 * objects, manifest.signed, and a changes file from every earlier version it has
 * published to the new one (docs/repository-format.md, "Changes").
 */

#pragma once

#include "kiosk-test-repo.h"

G_BEGIN_DECLS

typedef struct _KioskTestPublisher KioskTestPublisher;

KioskTestPublisher *kiosk_test_publisher_new      (KioskTestRepo      *repo,
                                                   const char         *root);
void                kiosk_test_publisher_free     (KioskTestPublisher *self);

/* Raises the version by one and publishes the repository as it is now. */
void                kiosk_test_publisher_publish  (KioskTestPublisher *self);
gint64              kiosk_test_publisher_version  (KioskTestPublisher *self);

/* Signs @body with the repository's key into @root/@path (hostile files too). */
void                kiosk_test_publisher_write_signed (KioskTestPublisher *self,
                                                       KioskTestRepo      *signer,
                                                       const char         *path,
                                                       const char         *body);
/* The changes body from @base to the published version, as last written. */
char               *kiosk_test_publisher_changes_body (KioskTestPublisher *self,
                                                       gint64              base);
/* The sha256 of the object @id in the published manifest. */
char               *kiosk_test_publisher_object_sha   (KioskTestPublisher *self,
                                                       const char         *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestPublisher, kiosk_test_publisher_free)

G_END_DECLS
