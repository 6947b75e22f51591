/* kiosk-folder-chooser.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff and admins save leaflets and counts to, and import content from, a USB stick:
 * every folder chooser of the app opens there first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-folder-chooser.h"

static void
open_on_first_mount (GtkFileChooser *chooser)
{
  g_autoptr(GVolumeMonitor) volumes = g_volume_monitor_get ();
  GList *mounts = g_volume_monitor_get_mounts (volumes);

  if (mounts != NULL)
    {
      g_autoptr(GFile) root = g_mount_get_root (mounts->data);

      gtk_file_chooser_set_current_folder (chooser, root, NULL);
    }
  g_list_free_full (mounts, g_object_unref);
}

GtkFileChooserNative *
kiosk_folder_chooser_show (GtkWidget  *owner,
                           const char *title,
                           const char *accept_label,
                           GCallback   on_response)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  root = gtk_widget_get_root (owner);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept_label,
                                         _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  open_on_first_mount (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", on_response, owner, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}
