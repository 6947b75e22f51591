/* kiosk-test-util.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

/* Points XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME at a fresh temporary folder,
 * removed when the test program exits, and returns that folder. Call it from main()
 * before g_test_init's tests run. */
const char *kiosk_test_init_dirs  (void);

/* A new empty temporary folder under the test's own folder. */
char       *kiosk_test_mkdtemp    (const char *name);

/* Recursively copies or removes a folder. */
void        kiosk_test_copy_tree  (const char *from,
                                   const char *to);
void        kiosk_test_rm_rf      (const char *path);

/* Path of a file in the source or build tree. */
char       *kiosk_test_source_path (const char *relative);
char       *kiosk_test_build_path  (const char *relative);

/* The store's content and integrity as one string, to compare before and after. */
char       *kiosk_test_dump_store  (KioskStore *store);

G_END_DECLS
