/* kiosk-publish-changes.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIOSK_PUBLISH_CHANGES_KEEP 32

/* Writes changes/<base>.signed in @output_dir for every kept base, leading to the
 * manifest body @target, composed over the changes files written last time, and the
 * empty changes/<new version>.signed (docs/repository-format.md, "Changes files").
 * @previous is the body of the manifest being replaced, or NULL on a first publish. */
gboolean kiosk_publish_changes (const char    *output_dir,
                                GBytes        *previous,
                                GBytes        *target,
                                gint64         version,
                                const guint8  *secret_key,
                                GError       **error);

/* The signed body of an envelope file, unverified (the publisher's own output). */
GBytes  *kiosk_publish_read_body (const char  *path);

G_END_DECLS
