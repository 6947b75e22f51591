/* kiosk-publish-changes.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changes files a kiosk asks for first, so one changed article costs one small
 * signed file and one object rather than the whole manifest.
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-manifest.h"
#include "kiosk-publish-changes.h"
#include "kiosk-repo-format.h"

GBytes *
kiosk_publish_read_body (const char *path)
{
  g_autofree char *contents = NULL;
  const char *body;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL) ||
      !g_str_has_prefix (contents, KIOSK_MANIFEST_MAGIC "\n") ||
      (body = g_strstr_len (contents, len, "\n\n")) == NULL)
    return NULL;
  body += 2;
  return g_bytes_new (body, contents + len - body);
}

static gint
compare_desc (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The bases of the changes files already there, newest first. */
static GArray *
list_bases (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GArray *bases = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *stem = g_strndup (name, strcspn (name, "."));
      guint64 base;

      if (g_str_has_suffix (name, ".signed") && g_strcmp0 (name + strlen (stem), ".signed") == 0 &&
          g_ascii_string_to_unsigned (stem, 10, 1, G_MAXINT64, &base, NULL))
        g_array_append_val (bases, base);
    }
  g_array_sort (bases, compare_desc);
  return bases;
}

static char *
changes_path (const char *dir,
              gint64      base)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".signed", base);

  return g_build_filename (dir, name, NULL);
}

static gboolean
write_signed (const char    *path,
              const char    *body,
              const guint8  *secret_key,
              GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autofree char *envelope = NULL;
  gsize len;

  envelope = kiosk_manifest_envelope_sign (bytes, secret_key, &len);
  return g_file_set_contents (path, envelope, len, error);
}

/* A delta nearly as large as the manifest saves nothing: such a kiosk gets a 404 and
 * the full manifest. */
static gboolean
worth_keeping (const char *body,
               GBytes     *target)
{
  return strlen (body) <= g_bytes_get_size (target) / 2;
}

static gboolean
recompose (const char    *dir,
           gint64         base,
           gboolean       keep,
           GBytes        *previous,
           GBytes        *target,
           const guint8  *secret_key,
           GError       **error)
{
  g_autofree char *path = changes_path (dir, base);
  g_autoptr(GBytes) old = kiosk_publish_read_body (path);
  g_autofree char *body = NULL;

  if (keep && old != NULL)
    body = kiosk_changes_body_build (previous, target, old, NULL);
  if (body != NULL && worth_keeping (body, target))
    return write_signed (path, body, secret_key, error);
  g_unlink (path);
  return TRUE;
}

gboolean
kiosk_publish_changes (const char    *output_dir,
                       GBytes        *previous,
                       GBytes        *target,
                       gint64         version,
                       const guint8  *secret_key,
                       GError       **error)
{
  g_autofree char *dir = g_build_filename (output_dir, "changes", NULL);
  g_autofree char *empty_path = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GArray) bases = NULL;

  g_return_val_if_fail (target != NULL && secret_key != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Each earlier base gets the previous → new difference over what it had. */
  bases = list_bases (dir);
  for (guint i = 0; i < bases->len; i++)
    if (!recompose (dir, g_array_index (bases, gint64, i),
                    previous != NULL && i + 1 < KIOSK_PUBLISH_CHANGES_KEEP,
                    previous, target, secret_key, error))
      return FALSE;

  empty = kiosk_changes_body_build (target, target, NULL, error);
  empty_path = changes_path (dir, version);
  return empty != NULL && write_signed (empty_path, empty, secret_key, error);
}
