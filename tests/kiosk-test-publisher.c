/* kiosk-test-publisher.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kiosk-manifest.h"
#include "kiosk-test-publisher.h"
#include "kiosk-test-util.h"

struct _KioskTestPublisher {
  KioskTestRepo *repo;        /* borrowed */
  char          *root;
  char          *scratch;
  gint64         version;
  GBytes        *published;   /* manifest body of the last publish */
  GArray        *bases;       /* gint64 */
  GPtrArray     *changes;     /* GBytes: from bases[i] to the published version */
};

KioskTestPublisher *
kiosk_test_publisher_new (KioskTestRepo *repo,
                          const char    *root)
{
  KioskTestPublisher *self = g_new0 (KioskTestPublisher, 1);

  self->repo = repo;
  self->root = g_strdup (root);
  self->scratch = kiosk_test_mkdtemp ("scratch");
  self->bases = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  return self;
}

void
kiosk_test_publisher_free (KioskTestPublisher *self)
{
  kiosk_test_rm_rf (self->scratch);
  g_free (self->scratch);
  g_free (self->root);
  g_clear_pointer (&self->published, g_bytes_unref);
  g_array_unref (self->bases);
  g_ptr_array_unref (self->changes);
  g_free (self);
}

gint64
kiosk_test_publisher_version (KioskTestPublisher *self)
{
  return self->version;
}

void
kiosk_test_publisher_write_signed (KioskTestPublisher *self,
                                   KioskTestRepo      *signer,
                                   const char         *path,
                                   const char         *body)
{
  g_autofree char *from = g_build_filename (self->scratch, "manifest.signed", NULL);
  g_autofree char *to = g_build_filename (self->root, path, NULL);
  g_autofree char *dir = g_path_get_dirname (to);

  kiosk_test_repo_write_signed_body (signer, self->scratch, body);
  g_mkdir_with_parents (dir, 0755);
  g_assert_cmpint (g_rename (from, to), ==, 0);
}

static GBytes *
build_changes (GBytes *base,
               GBytes *target,
               GBytes *previous)
{
  g_autoptr(GError) error = NULL;
  char *body = kiosk_changes_body_build (base, target, previous, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (body, strlen (body));
}

void
kiosk_test_publisher_publish (KioskTestPublisher *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  kiosk_test_repo_set_version (self->repo, ++self->version);
  text = kiosk_test_repo_manifest_body (self->repo);
  body = g_bytes_new (text, strlen (text));
  kiosk_test_repo_write_signed_body (self->repo, self->root, text);

  for (guint i = 0; self->published != NULL && i < self->changes->len; i++)
    g_ptr_array_add (changes, build_changes (self->published, body, self->changes->pdata[i]));
  g_array_append_val (self->bases, self->version);
  g_ptr_array_add (changes, build_changes (body, body, NULL));

  g_clear_pointer (&self->published, g_bytes_unref);
  self->published = g_bytes_ref (body);
  g_ptr_array_unref (self->changes);
  self->changes = g_steal_pointer (&changes);

  for (guint i = 0; i < self->changes->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("changes/%" G_GINT64_FORMAT ".signed",
                                               g_array_index (self->bases, gint64, i));

      kiosk_test_publisher_write_signed (self, self->repo, path,
                                         g_bytes_get_data (self->changes->pdata[i], NULL));
    }
}

char *
kiosk_test_publisher_changes_body (KioskTestPublisher *self,
                                   gint64              base)
{
  for (guint i = 0; i < self->bases->len; i++)
    if (g_array_index (self->bases, gint64, i) == base)
      return g_strndup (g_bytes_get_data (self->changes->pdata[i], NULL),
                        g_bytes_get_size (self->changes->pdata[i]));
  g_assert_not_reached ();
}

char *
kiosk_test_publisher_object_sha (KioskTestPublisher *self,
                                 const char         *id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *objects;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (self->published, NULL),
                                             g_bytes_get_size (self->published), NULL));
  objects = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "objects");
  for (guint i = 0; i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);

      if (g_str_equal (json_object_get_string_member (object, "id"), id))
        return g_strdup (json_object_get_string_member (object, "sha256"));
    }
  g_assert_not_reached ();
}
