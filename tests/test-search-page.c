/* test-search-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-keyboard.h"
#include "kiosk-resources.h"
#include "kiosk-search-page.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

static const char * const drowning_articles[] = {
  "injury-drowning-home",
  "injury-drowning-first-aid",
};

typedef struct {
  GtkWindow       *window;
  KioskSearchPage *page;
  KioskKeyboard   *keyboard;
  char            *last_action;
  char            *last_target;
} Fixture;

static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       data)
{
  Fixture *fixture = data;

  g_free (fixture->last_action);
  g_free (fixture->last_target);
  fixture->last_action = g_strdup (g_action_get_name (G_ACTION (action)));
  fixture->last_target = parameter ? g_variant_dup_string (parameter, NULL) : NULL;
}

/* The window's actions, as kiosk-window.c provides them, recorded. */
static void
add_window_actions (Fixture *fixture)
{
  static const GActionEntry entries[] = {
    { "show-article", record_action_cb, "s", NULL, NULL, { 0 } },
    { "show-topic", record_action_cb, "s", NULL, NULL, { 0 } },
    { "hotline", record_action_cb, NULL, NULL, NULL, { 0 } },
    { "back", record_action_cb, NULL, NULL, NULL, { 0 } },
    { "home", record_action_cb, NULL, NULL, NULL, { 0 } },
    { "search", record_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries),
                                   fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
}

static void
open_window (Fixture   *fixture,
             KioskLang  lang,
             int        width,
             int        height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "kiosk");
  /* A size request as well as a default size: a portrait window may be taller than
   * the test's screen, and a page that needs more room than the screen has shows up
   * as a window larger than asked for. */
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_widget_set_size_request (box, width, height);
  add_window_actions (fixture);

  page = kiosk_search_page_new (kiosk_test_ui_bundled_store (), lang);
  fixture->page = g_object_ref (KIOSK_SEARCH_PAGE (page));
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->page), TRUE);
  gtk_box_append (GTK_BOX (box), kiosk_test_ui_header_stand_in ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  g_assert_true (kiosk_test_ui_wait_until (kiosk_test_ui_is_laid_out, fixture->page, 5000));

  fixture->keyboard = KIOSK_KEYBOARD (kiosk_test_ui_find_type (GTK_WIDGET (fixture->page),
                                                               KIOSK_TYPE_KEYBOARD));
  g_assert_nonnull (fixture->keyboard);
  kiosk_search_page_focus (fixture->page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  open_window (fixture, KIOSK_LANG_VI, 1366, 768);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  g_free (fixture->last_action);
  g_free (fixture->last_target);
}

static void
collect_buttons (GtkWidget  *root,
                 const char *action,
                 GPtrArray  *out)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_BUTTON (root) &&
      (action == NULL ||
       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, action, out);
}

static GPtrArray *
buttons (Fixture    *fixture,
         const char *action)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (fixture->page), action, out);
  return out;
}

static GtkWidget *
find_key (Fixture    *fixture,
          const char *action,
          const char *target)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (fixture->keyboard), action, keys);
  for (guint i = 0; i < keys->len; i++)
    {
      GVariant *value = gtk_actionable_get_action_target_value (keys->pdata[i]);

      if (target == NULL || g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)
        return keys->pdata[i];
    }
  g_assert_not_reached ();
}

static void
tap (Fixture    *fixture,
     const char *action,
     const char *target)
{
  g_signal_emit_by_name (find_key (fixture, action, target), "clicked");
}

static void
type_on_keyboard (Fixture    *fixture,
                  const char *text)
{
  for (const char *p = text; *p != 0; p++)
    {
      char key[2] = { *p, 0 };

      tap (fixture, "osk.type", key);
    }
}

static gboolean
screen_shows (Fixture    *fixture,
              const char *text)
{
  g_autofree char *shown = kiosk_test_ui_collect_text (GTK_WIDGET (fixture->page));

  return strstr (shown, text) != NULL;
}

static void
wait_for_layout (void)
{
  kiosk_test_ui_wait (100);
}

static void
test_keyboard_search (Fixture       *fixture,
                      gconstpointer  data)
{
  KioskStore *store = kiosk_test_ui_bundled_store ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KioskArticle) opened = NULL;
  gboolean found = FALSE;

  type_on_keyboard (fixture, "duoi nuoc");
  g_assert_cmpstr (kiosk_search_page_get_text (fixture->page), ==, "duoi nuoc");
  kiosk_search_page_flush (fixture->page);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), >, 0);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), <=, 20);
  wait_for_layout ();

  for (guint i = 0; i < G_N_ELEMENTS (drowning_articles); i++)
    {
      g_autoptr(KioskArticle) article = kiosk_store_get_article (store, drowning_articles[i], NULL);

      g_assert_nonnull (article);
      found |= screen_shows (fixture, article->title[KIOSK_LANG_VI]);
    }
  g_assert_true (found);

  results = buttons (fixture, "win.show-article");
  g_assert_cmpuint (results->len, ==, kiosk_search_page_get_n_results (fixture->page));
  g_signal_emit_by_name (results->pdata[0], "clicked");
  g_assert_cmpstr (fixture->last_action, ==, "show-article");
  g_assert_nonnull (fixture->last_target);
  opened = kiosk_store_get_article (store, fixture->last_target, NULL);
  g_assert_nonnull (opened);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KioskArticle) article = kiosk_store_get_article (kiosk_test_ui_bundled_store (),
                                                             "injury-drowning-home", NULL);

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->page);
  open_window (fixture, KIOSK_LANG_EN, 1366, 768);

  kiosk_search_page_set_text (fixture->page, "drowning");
  kiosk_search_page_flush (fixture->page);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), >, 0);
  wait_for_layout ();
  g_assert_true (screen_shows (fixture, article->title[KIOSK_LANG_EN]));
}

static gboolean
has_results (gpointer page)
{
  return kiosk_search_page_get_n_results (page) > 0;
}

static void
test_debounce (Fixture       *fixture,
               gconstpointer  data)
{
  kiosk_search_page_set_text (fixture->page, "duoi");
  /* Not on every key: the search waits for a pause in the typing... */
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), ==, 0);
  /* ...but not for long. */
  g_assert_true (kiosk_test_ui_wait_until (has_results, fixture->page, 2000));
}

static void
test_backspace_and_clear (Fixture       *fixture,
                          gconstpointer  data)
{
  type_on_keyboard (fixture, "duoi nuocx");
  tap (fixture, "osk.backspace", NULL);
  g_assert_cmpstr (kiosk_search_page_get_text (fixture->page), ==, "duoi nuoc");
  tap (fixture, "osk.enter", NULL);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), >, 0);

  /* Clearing goes straight back to the hint, without waiting. */
  tap (fixture, "osk.clear", NULL);
  g_assert_cmpstr (kiosk_search_page_get_text (fixture->page), ==, "");
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), ==, 0);
  wait_for_layout ();
  g_assert_true (screen_shows (fixture, "Type a word with the keyboard below."));
  g_assert_false (screen_shows (fixture, "Nothing found"));
}

static void
test_no_results (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) hotline = NULL;
  g_autoptr(GPtrArray) topics = NULL;

  kiosk_search_page_set_text (fixture->page, "xqzwv");
  kiosk_search_page_flush (fixture->page);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), ==, 0);
  wait_for_layout ();
  g_assert_true (screen_shows (fixture, "Nothing found for “xqzwv”."));

  hotline = buttons (fixture, "win.hotline");
  g_assert_cmpuint (hotline->len, ==, 1);
  g_assert_true (screen_shows (fixture, "111"));
  g_signal_emit_by_name (hotline->pdata[0], "clicked");
  g_assert_cmpstr (fixture->last_action, ==, "hotline");

  topics = buttons (fixture, "win.show-topic");
  g_assert_cmpuint (topics->len, >=, 3);
  g_signal_emit_by_name (topics->pdata[0], "clicked");
  g_assert_cmpstr (fixture->last_action, ==, "show-topic");
  g_assert_nonnull (fixture->last_target);
}

static void
test_hostile_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) long_words = g_string_new (NULL);
  const char *texts[] = {
    "\"", "\"\"\"", "*", "duoi*", "\"duoi", "NEAR(duoi nuoc)", "duoi OR nuoc", "AND",
    "title:duoi", "^duoi", "-", "(", ")", "'; DROP TABLE articles; --", "<b>duoi</b>",
    "&amp; <", "🙂", "🙂🙂 đuối", "👨‍👩‍👧", "\t\n", "   ", "\xe2\x80\x8b",
    "ĐUỐI NƯỚC", "đ", NULL, NULL,
  };

  for (int i = 0; i < 2000; i++)
    g_string_append_c (long_text, 'a' + i % 26);
  for (int i = 0; i < 400; i++)
    g_string_append (long_words, "duoi ");
  texts[G_N_ELEMENTS (texts) - 2] = long_text->str;
  texts[G_N_ELEMENTS (texts) - 1] = long_words->str;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      kiosk_search_page_set_text (fixture->page, texts[i]);
      kiosk_search_page_flush (fixture->page);
      g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), <=, 20);
      g_assert_cmpint (g_utf8_strlen (kiosk_search_page_get_text (fixture->page), -1), <=, 200);
      wait_for_layout ();
    }

  /* And the page still works after all that. */
  kiosk_search_page_set_text (fixture->page, "duoi nuoc");
  kiosk_search_page_flush (fixture->page);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), >, 0);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;

  type_on_keyboard (fixture, "tre");
  kiosk_search_page_flush (fixture->page);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), >, 3);
  wait_for_layout ();

  scroller = GTK_SCROLLED_WINDOW (kiosk_test_ui_find_type (GTK_WIDGET (fixture->page),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* A pending search must not bring the last visitor's words back after a reset. */
  type_on_keyboard (fixture, "x");
  kiosk_search_page_reset (fixture->page);
  g_assert_cmpstr (kiosk_search_page_get_text (fixture->page), ==, "");
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  kiosk_test_ui_wait (400);
  g_assert_cmpuint (kiosk_search_page_get_n_results (fixture->page), ==, 0);
  g_assert_true (screen_shows (fixture, "Type a word with the keyboard below."));
  g_assert_false (screen_shows (fixture, "tre"));
}

static void
assert_buttons_named (Fixture *fixture)
{
  g_autoptr(GPtrArray) all = buttons (fixture, NULL);

  g_assert_cmpuint (all->len, >, 0);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *button = all->pdata[i];

      /* The header is not this page's. */
      if (gtk_widget_get_ancestor (button, KIOSK_TYPE_SEARCH_PAGE) == NULL)
        continue;
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_cmpint (gtk_widget_get_height (button), >=, 48);
      g_assert_cmpint (gtk_widget_get_width (button), >=, 48);
    }
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry = kiosk_test_ui_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY);

  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  kiosk_search_page_set_text (fixture->page, "duoi nuoc");
  kiosk_search_page_flush (fixture->page);
  wait_for_layout ();
  assert_buttons_named (fixture);

  kiosk_search_page_set_text (fixture->page, "xqzwv");
  kiosk_search_page_flush (fixture->page);
  wait_for_layout ();
  assert_buttons_named (fixture);
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("search-page-%s.png", name);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), file, NULL);

  kiosk_test_ui_wait (300);
  kiosk_test_ui_screenshot (GTK_WIDGET (fixture->window), path);
  g_test_message ("Screenshot: %s", path);
}

static void
take_screenshots (Fixture    *fixture,
                  const char *size)
{
  g_autofree char *results = g_strconcat (size, "-results", NULL);
  g_autofree char *none = g_strconcat (size, "-none", NULL);
  g_autofree char *hint = g_strconcat (size, "-hint", NULL);

  screenshot (fixture, hint);
  type_on_keyboard (fixture, "duoi nuoc");
  kiosk_search_page_flush (fixture->page);
  screenshot (fixture, results);
  kiosk_search_page_set_text (fixture->page, "xqzwv");
  kiosk_search_page_flush (fixture->page);
  screenshot (fixture, none);
}

typedef struct {
  int         width;
  int         height;
  int         text_size;
  gboolean    high_contrast;
  const char *name;
} Shot;

static const Shot shots[] = {
  { 1366, 768, 100, FALSE, "1366x768" },
  { 1080, 1920, 100, FALSE, "1080x1920" },
  { 1024, 600, 100, FALSE, "1024x600" },
  { 1024, 600, 200, FALSE, "1024x600-200" },
  { 1080, 1920, 200, FALSE, "1080x1920-200" },
  { 1366, 768, 100, TRUE, "1366x768-contrast" },
};

static void
take_shot (Fixture    *fixture,
           const Shot *shot)
{
  kiosk_test_ui_set_text_size (shot->text_size);
  open_window (fixture, KIOSK_LANG_VI, shot->width, shot->height);
  if (shot->high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (fixture->window), "high-contrast");
  take_screenshots (fixture, shot->name);

  /* Nothing may push the window past the screen, at any text size. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, shot->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), <=, shot->height);
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      gtk_window_destroy (fixture->window);
      g_clear_object (&fixture->page);
      take_shot (fixture, &shots[i]);
    }
  kiosk_test_ui_set_text_size (100);
}

int
main (int   argc,
      char *argv[])
{
  /* Links the app's resources in from the static library. */
  g_assert_nonnull (kiosk_get_resource ());
  /* GTK's own AT context for the accessible checks: an AT-SPI bus started by an
   * earlier test program on the same display is gone with that test's folder. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);
  kiosk_test_ui_bundled_store ();
  kiosk_test_ui_set_text_size (100);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/search-page/keyboard-search", test_keyboard_search);
  ADD ("/kiosk/search-page/english", test_english);
  ADD ("/kiosk/search-page/debounce", test_debounce);
  ADD ("/kiosk/search-page/backspace-and-clear", test_backspace_and_clear);
  ADD ("/kiosk/search-page/no-results", test_no_results);
  ADD ("/kiosk/search-page/hostile-input", test_hostile_input);
  ADD ("/kiosk/search-page/reset", test_reset);
  ADD ("/kiosk/search-page/accessible-names", test_accessible_names);
  ADD ("/kiosk/search-page/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
