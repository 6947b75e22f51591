/* kiosk-usb-monitor.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-importer.h"

G_BEGIN_DECLS

/* Where on a stick a repository may be: its root, or this folder at the root. */
#define KIOSK_USB_FOLDER "goc-tre-em"

#define KIOSK_TYPE_USB_MONITOR (kiosk_usb_monitor_get_type ())
G_DECLARE_FINAL_TYPE (KioskUsbMonitor, kiosk_usb_monitor, KIOSK, USB_MONITOR, GObject)

/* Watches for removable volumes (GVolumeMonitor) that hold a content repository:
 * :repository is the last one found, NULL once its stick is gone. ::probed (root,
 * repository or NULL) follows every look at a mount or folder. */
KioskUsbMonitor *kiosk_usb_monitor_new            (void);
GFile           *kiosk_usb_monitor_get_repository (KioskUsbMonitor *self);
/* The stick's name, for people ("KINGSTON"). */
const char      *kiosk_usb_monitor_get_name       (KioskUsbMonitor *self);

/* Looks for a repository under @root, as for a stick just mounted (what the
 * mount-added handler calls); also the way in for a folder chosen by hand. */
void             kiosk_usb_monitor_offer          (KioskUsbMonitor *self,
                                                   GFile           *root,
                                                   const char      *name);
/* Forgets the repository (it was imported, or refused). */
void             kiosk_usb_monitor_clear          (KioskUsbMonitor *self);

/* The repository under @root, or NULL: blocking I/O, for worker threads. */
GFile           *kiosk_usb_find_repository        (GFile           *root,
                                                   GCancellable    *cancellable);

/* Verifies the repository at @repo against the pinned keys of the store at
 * @store_path and, unless @flags has KIOSK_IMPORT_DRY_RUN, applies it: the importer's
 * one code path, in a worker thread with its own writer connection. */
void               kiosk_usb_import_async          (const char          *store_path,
                                                    GFile               *repo,
                                                    KioskImportFlags     flags,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
KioskImportResult *kiosk_usb_import_finish         (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
