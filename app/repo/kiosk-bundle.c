/* kiosk-bundle.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content shipped with the app is an ordinary signed repository. It is signed
 * at build time with a key made for that build; the key is trusted only for this
 * folder, never for a USB stick or a server, so it pins nothing a stranger can use.
 */

#define G_LOG_DOMAIN "kiosk-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-bundle.h"

char *
kiosk_bundle_get_dir (void)
{
  const char *dir = g_getenv ("GOC_TRE_EM_BUNDLED_DIR");

  return g_strdup (dir != NULL && dir[0] != '\0' ? dir : PKGDATADIR);
}

static char *
load_bundle_key (const char  *dir,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "bundled.pub", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_set_error (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_NOT_FOUND,
                   _("The content installed with Góc Trẻ Em is missing (%s). Reinstall the app."),
                   path);
      return NULL;
    }
  return g_strdup (g_strstrip (contents));
}

KioskImportResult *
kiosk_bundle_ensure (KioskStore    *store,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *dir = kiosk_bundle_get_dir ();
  g_autofree char *repo_path = g_build_filename (dir, "repository", NULL);
  g_autoptr(GFile) repo = g_file_new_for_path (repo_path);
  g_autofree char *key = NULL;
  char *keys[2] = { NULL, NULL };

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  key = load_bundle_key (dir, error);
  if (key == NULL)
    return NULL;
  keys[0] = key;

  /* A bundled repository older than what the kiosk holds (a sync brought newer
   * content of the same channel) is no error: the newer content stays. */
  return kiosk_import_repository (store, repo, keys, KIOSK_IMPORT_DEFAULT, cancellable, error);
}
