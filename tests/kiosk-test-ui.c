/* kiosk-test-ui.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-bundle.h"
#include "kiosk-text.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

static KioskStore *bundled_store;

static void
free_bundled_store (void)
{
  g_clear_object (&bundled_store);
}

void
kiosk_test_ui_init (int    *argc,
                    char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      exit (77);
    }
  kiosk_application_load_styles ();
}

KioskStore *
kiosk_test_ui_bundled_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *path = NULL;

  if (bundled_store != NULL)
    return bundled_store;

  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  path = g_build_filename (kiosk_test_init_dirs (), "ui-store.sqlite", NULL);
  bundled_store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  result = kiosk_bundle_ensure (bundled_store, NULL, &error);
  g_assert_no_error (error);
  atexit (free_bundled_store);
  return bundled_store;
}

static gboolean
stop_waiting_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
kiosk_test_ui_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, stop_waiting_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
kiosk_test_ui_wait_until (gboolean (*done) (gpointer),
                          gpointer   data,
                          guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget);
}

/* The text a widget shows, if it is a label or the kiosk's own wrapping text. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (KIOSK_IS_TEXT (widget))
    return kiosk_text_get_text (KIOSK_TEXT (widget));
  return NULL;
}

GtkWidget *
kiosk_test_ui_find_label (GtkWidget  *root,
                          const char *text)
{
  if (!is_shown (root))
    return NULL;
  if (shown_text (root) != NULL && strstr (shown_text (root), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
kiosk_test_ui_find_type (GtkWidget *root,
                         GType      type)
{
  if (!is_shown (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_test_ui_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect (GtkWidget *widget,
         GString   *out)
{
  if (!is_shown (widget))
    return;
  if (shown_text (widget) != NULL)
    {
      g_string_append (out, shown_text (widget));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, out);
}

char *
kiosk_test_ui_collect_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect (root, out);
  return g_string_free (out, FALSE);
}

gboolean
kiosk_test_ui_action_enabled (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *target)
{
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_button_new ());
  g_autoptr(GVariant) owned_target = target ? g_variant_ref_sink (target) : NULL;
  gboolean enabled;

  gtk_widget_set_visible (probe, FALSE);
  gtk_widget_set_parent (probe, widget);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (probe), owned_target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action_name);
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

void
kiosk_test_ui_set_pins (KioskSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kiosk_session_set_pins_async (session, KIOSK_TEST_ADMIN_PIN, KIOSK_TEST_STAFF_PIN, NULL,
                                got_result_cb, &result);
  g_assert_true (kiosk_test_ui_wait_until (has_result, &result, 30000));
  g_assert_true (kiosk_session_set_pins_finish (session, result, &error));
  g_assert_no_error (error);
}

KioskRole
kiosk_test_ui_log_in (KioskSession  *session,
                      const char    *pin,
                      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_session_log_in_async (session, pin, NULL, got_result_cb, &result);
  g_assert_true (kiosk_test_ui_wait_until (has_result, &result, 30000));
  return kiosk_session_log_in_finish (session, result, error);
}

void
kiosk_test_ui_screenshot (GtkWidget  *widget,
                          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* What kiosk-window.c does for the visitor's text size: 17 px at 100%. */
void
kiosk_test_ui_set_text_size (int percent)
{
  static GtkCssProvider *provider;
  g_autofree char *css = g_strdup_printf ("window.kiosk { font-size: %dpx; }", 17 * percent / 100);

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_css_provider_load_from_data (provider, css, -1);
}

gboolean
kiosk_test_ui_is_laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

/* A page gets the height it gets in the app, under the window's header (two rows of
 * 48 px buttons and padding: 158 px at 1024×600). */
GtkWidget *
kiosk_test_ui_header_stand_in (void)
{
  GtkWidget *header = gtk_label_new ("Góc Trẻ Em");

  gtk_widget_set_size_request (header, -1, 158);
  return header;
}

/* What gtk_widget_measure() counts around the content box: CSS margin, border and
 * padding, and the margin properties. */
static void
box_extra (GtkWidget *widget,
           int       *horizontal,
           int       *vertical)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);
  *horizontal = margin.left + margin.right + border.left + border.right + padding.left +
                padding.right + gtk_widget_get_margin_start (widget) +
                gtk_widget_get_margin_end (widget);
  *vertical = margin.top + margin.bottom + border.top + border.bottom + padding.top +
              padding.bottom + gtk_widget_get_margin_top (widget) +
              gtk_widget_get_margin_bottom (widget);
}

char *
kiosk_test_ui_find_squeezed (GtkWidget *root)
{
  int extra_width, extra_height, width, height, min_width, min_height;

  if (!gtk_widget_get_mapped (root) || !gtk_widget_get_child_visible (root))
    return NULL;

  box_extra (root, &extra_width, &extra_height);
  width = gtk_widget_get_width (root) + extra_width;
  height = gtk_widget_get_height (root) + extra_height;
  gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (root, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  /* A scrollable shows part of what it holds; what it holds must still fit. */
  if (!GTK_IS_SCROLLABLE (root) && (width < min_width || height < min_height))
    {
      const char *text = shown_text (root);

      return g_strdup_printf ("%s “%s” got %d×%d but needs %d×%d", G_OBJECT_TYPE_NAME (root),
                              text != NULL ? text : gtk_widget_get_name (root),
                              width, height, min_width, min_height);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = kiosk_test_ui_find_squeezed (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}
