/* kiosk-media.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-media"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "kiosk-media.h"
#include "kiosk-repo-format.h"
#include "kiosk-rsvg.h"

/* Drawn pictures older than this are drawn again on their next use. */
#define CACHE_MAX_AGE_DAYS 30

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GdkTexture *
render_svg (GBytes  *data,
            int      width,
            GError **error)
{
  g_autoptr(GObject) handle = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  gdouble svg_width, svg_height;
  RsvgRectangle viewport;
  int height;

  /* librsvg 2.54 has no autoptr for its handle; it is a plain GObject. */
  handle = G_OBJECT (kiosk_svg_new (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                    error));
  if (handle == NULL)
    return NULL;
  if (!kiosk_svg_size ((RsvgHandle *) handle, &svg_width, &svg_height))
    svg_width = svg_height = 1;

  height = MAX (1, (int) (width * svg_height / svg_width + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  viewport = (RsvgRectangle) { 0, 0, width, height };
  if (!kiosk_svg_draw ((RsvgHandle *) handle, cr, &viewport, error))
    return NULL;
  return texture_from_surface (surface);
}

/* ---- drawn SVG kept as PNG in the user's cache ---- */

static char *
cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "pictures", NULL);
}

/* Named by what is drawn (the picture's SHA-256, as the store keeps it) and how wide:
 * a changed picture has another name, so a file never needs checking against the
 * store, and a kept picture is found without reading the drawing from the store. */
static char *
cache_path (const char *sha256,
            int         width)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  if (!kiosk_sha256_hex_is_valid (sha256))
    return NULL;
  dir = cache_dir ();
  name = g_strdup_printf ("%s-%d.png", sha256, width);
  return g_build_filename (dir, name, NULL);
}

static GdkTexture *
load_cached (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = gdk_texture_new_from_file (file, &error);

  if (texture == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_debug ("Drawn picture %s: %s", path, error->message);
  return texture;
}

typedef struct {
  GdkTexture *texture;
  char       *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->texture);
  g_free (job->path);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (job->texture);
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autoptr(GError) error = NULL;

  /* g_file_set_contents() renames a complete file into place: a reader never sees
   * half a picture, and two writers of one picture write the same bytes. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Drawn pictures not kept in %s: %s", dir, g_strerror (errno));
  else if (!g_file_set_contents (job->path, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                 &error))
    g_debug ("Drawn picture not kept: %s", error->message);
}

/* Off the main thread: compressing a full-width picture takes longer than drawing
 * it. A picture that could not be kept is simply drawn again next time. */
static void
save_cached (GdkTexture *texture,
             const char *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  SaveJob *job = g_new0 (SaveJob, 1);

  job->texture = g_object_ref (texture);
  job->path = g_strdup (path);
  g_task_set_source_tag (task, save_cached);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static GdkTexture *
load_svg (KioskStore  *store,
          const char  *name,
          const char  *sha256,
          int          width,
          GError     **error)
{
  g_autofree char *path = cache_path (sha256, width);
  g_autoptr(GBytes) data = NULL;
  GdkTexture *texture = path != NULL ? load_cached (path) : NULL;

  if (texture != NULL)
    return texture;
  data = kiosk_store_get_media (store, name, NULL, error);
  if (data == NULL)
    return NULL;
  texture = render_svg (data, width, error);
  if (texture != NULL && path != NULL)
    save_cached (texture, path);
  return texture;
}

static void
prune_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autofree char *path = cache_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  gint64 oldest = g_get_real_time () / G_USEC_PER_SEC - CACHE_MAX_AGE_DAYS * 24 * 3600;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && st.st_mtime < oldest)
        g_unlink (file);
    }
}

void
kiosk_media_prune_cache (void)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, kiosk_media_prune_cache);
  g_task_run_in_thread (task, prune_thread);
}

/* ---- pictures read ahead by another thread ---- */

G_LOCK_DEFINE_STATIC (ahead);
static GHashTable *ahead; /* "width/name" → GdkTexture, under the ahead lock */

static char *
ahead_key (const char *name,
           int         width)
{
  return g_strdup_printf ("%d/%s", width, name);
}

static GdkTexture *
take_read_ahead (const char *name,
                 int         width)
{
  g_autofree char *key = ahead_key (name, width);
  gpointer texture = NULL;

  G_LOCK (ahead);
  if (ahead != NULL)
    g_hash_table_steal_extended (ahead, key, NULL, &texture);
  G_UNLOCK (ahead);
  return texture;
}

void
kiosk_media_read_ahead (KioskStore *store,
                        const char *name,
                        int         width)
{
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  g_return_if_fail (KIOSK_IS_STORE (store));
  g_return_if_fail (name != NULL);

  texture = kiosk_media_load_texture (store, name, width, &error);
  if (texture == NULL)
    {
      /* Loaded again, and its error shown, where the picture is wanted. */
      g_debug ("Picture %s not read ahead: %s", name, error->message);
      return;
    }
  G_LOCK (ahead);
  if (ahead == NULL)
    ahead = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_replace (ahead, ahead_key (name, width), texture);
  G_UNLOCK (ahead);
}

void
kiosk_media_forget_read_ahead (void)
{
  G_LOCK (ahead);
  g_clear_pointer (&ahead, g_hash_table_unref);
  G_UNLOCK (ahead);
}

GdkTexture *
kiosk_media_load_texture (KioskStore  *store,
                          const char  *name,
                          int          width,
                          GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *mime = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (width > 0, NULL);

  if ((texture = take_read_ahead (name, width)) != NULL)
    return texture;
  if (!kiosk_store_find_media (store, name, &sha256, &mime, error))
    return NULL;
  if (g_strcmp0 (mime, "image/svg+xml") == 0)
    return load_svg (store, name, sha256, width, error);
  data = kiosk_store_get_media (store, name, NULL, error);
  if (data == NULL)
    return NULL;
  return gdk_texture_new_from_bytes (data, error);
}
