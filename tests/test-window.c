/* test-window.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on the test's display, driven through its actions as the
 * buttons would, checking what is on screen.
 */

#include "config.h"

#include "kiosk-application.h"
#include "kiosk-article-page.h"
#include "kiosk-i18n.h"
#include "kiosk-search-page.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"
#include "kiosk-text.h"
#include "kiosk-window.h"

static KioskApplication *app;

static gboolean
has_topics (gpointer data)
{
  KioskStoreCounts counts = { 0 };

  kiosk_store_get_counts (kiosk_application_get_store (app), &counts, NULL);
  return counts.articles > 0;
}

/* The application as it starts for real: its startup opens the store and imports
 * the bundled content in a worker thread. */
static void
start_app (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundle = kiosk_test_build_path ("data/content");

  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  app = kiosk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kiosk_test_ui_wait_until (has_topics, NULL, 60000));
  /* A kiosk that has been set up; the first run's wizard is test-setup-wizard's. */
  kiosk_test_ui_set_pins (kiosk_application_get_session (app));
}

static KioskWindow *
new_window (void)
{
  KioskWindow *window = kiosk_window_new (app, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_ui_wait (200);
  /* The bundled import may have finished before the window existed. */
  kiosk_window_content_changed (window, NULL, TRUE);
  kiosk_test_ui_wait (50);
  return window;
}

static void
close_window (KioskWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  kiosk_test_ui_wait (50);
}

static void
activate (KioskWindow *window,
          const char  *action,
          const char  *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action,
                                             target ? "s" : NULL, target));
  kiosk_test_ui_wait (200);
}

static gboolean
on_screen (KioskWindow *window,
           const char  *text)
{
  return kiosk_test_ui_find_label (GTK_WIDGET (window), text) != NULL;
}

static void
test_navigation (void)
{
  KioskWindow *window = new_window ();

  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_true (on_screen (window, "Phòng tránh đuối nước"));
  g_assert_true (on_screen (window, "111"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL) &&
                  kiosk_window_get_page (window) != KIOSK_PAGE_HOME);

  activate (window, "win.show-topic", "injury");
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_TOPIC);
  g_assert_true (on_screen (window, "Nước quanh nhà: giếng, chum, bể, ao"));

  activate (window, "win.show-article", "injury-drowning-home");
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ARTICLE);
  g_assert_cmpstr (kiosk_window_get_page_id (window), ==, "injury-drowning-home");
  g_assert_true (on_screen (window, "Việc cần làm ngay"));
  g_assert_cmpuint (kiosk_window_get_history_length (window), ==, 2);

  activate (window, "win.back", NULL);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_TOPIC);
  activate (window, "win.hotline", NULL);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOTLINE);
  g_assert_true (on_screen (window, "113"));
  activate (window, "win.home", NULL);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_HOME);
  g_assert_cmpuint (kiosk_window_get_history_length (window), ==, 0);
  close_window (window);
}

static void
test_search (void)
{
  KioskWindow *window = new_window ();
  KioskSearchPage *search;

  activate (window, "win.search", NULL);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_SEARCH);
  search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
  kiosk_search_page_set_text (search, "duoi nuoc");
  kiosk_search_page_flush (search);
  kiosk_test_ui_wait (100);
  g_assert_cmpuint (kiosk_search_page_get_n_results (search), >, 0);
  g_assert_true (on_screen (window, "đuối nước"));
  close_window (window);
}

static void
test_text_size (void)
{
  KioskWindow *window = new_window ();

  g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 100);
  for (int i = 0; i < 6; i++)
    activate (window, "win.text-larger", NULL);
  g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 200);
  activate (window, "win.text-smaller", NULL);
  g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 175);
  activate (window, "win.text-normal", NULL);
  g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 100);
  close_window (window);
}

/* At 200% text, on the sizes a kiosk comes in, every screen keeps its text and icons
 * whole. */
static void
assert_fits (KioskWindow *window,
             const char  *screen,
             const char  *where,
             int          width,
             int          height)
{
  g_autofree char *squeezed = NULL;

  kiosk_test_ui_wait (300);
  /* A window never gets less than it needs: had the screen been too small, it would
   * have grown past the screen's edge. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) > width ||
      gtk_widget_get_height (GTK_WIDGET (window)) > height)
    g_error ("%s, %s, 200%% text: the window needs %d×%d", screen, where,
             gtk_widget_get_width (GTK_WIDGET (window)),
             gtk_widget_get_height (GTK_WIDGET (window)));
  squeezed = kiosk_test_ui_find_squeezed (GTK_WIDGET (window));
  if (squeezed != NULL)
    g_error ("%s, %s, 200%% text: %s", screen, where, squeezed);
}

static void
test_large_text_fits (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1366, 768 }, { 1024, 600 }, { 1080, 1920 } };
  static const char *languages[] = { "vi", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (sizes) * G_N_ELEMENTS (languages); i++)
    {
      KioskWindow *window = new_window ();
      int width = sizes[i / 2][0], height = sizes[i / 2][1];
      g_autofree char *where = g_strdup_printf ("%s %d×%d", languages[i % 2], width, height);
      KioskSearchPage *search;

      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      activate (window, "win.language", languages[i % 2]);
      for (int step = 0; step < 6; step++)
        activate (window, "win.text-larger", NULL);
      g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 200);

      assert_fits (window, "home", where, width, height);
      activate (window, "win.show-topic", "injury");
      assert_fits (window, "topic", where, width, height);
      activate (window, "win.show-article", "injury-drowning-home");
      assert_fits (window, "article", where, width, height);
      activate (window, "win.search", NULL);
      search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
      kiosk_search_page_set_text (search, "duoi nuoc");
      kiosk_search_page_flush (search);
      assert_fits (window, "search", where, width, height);
      activate (window, "win.hotline", NULL);
      assert_fits (window, "hotline", where, width, height);
      close_window (window);
    }
}

static void
test_language (void)
{
  KioskWindow *window = new_window ();

  activate (window, "win.show-article", "injury-drowning-home");
  activate (window, "win.language", "en");
  /* The same article, now in English, and the header in English too. */
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_ARTICLE);
  g_assert_true (on_screen (window, "What to do now"));
  g_assert_true (on_screen (window, "Back"));
  activate (window, "win.home", NULL);
  g_assert_true (on_screen (window, "Preventing drowning"));

  activate (window, "win.language", "vi");
  g_assert_true (on_screen (window, "Phòng tránh đuối nước"));
  g_assert_true (on_screen (window, "Quay lại"));
  close_window (window);
}

/* A walk through the screens at larger text, changing language on the way. GTK
 * reports a layout that contradicts itself as a critical, which fails the test: the
 * hotline's hours row at 150% did (a taller minimum at a wider width). The focus must
 * end up on a widget of the window, never on one of the screens the language change
 * took away. */
static void
test_walk_large_text_and_language (void)
{
  KioskWindow *window = new_window ();
  const char *walk[][2] = {
    { "win.home", NULL }, { "win.text-larger", NULL }, { "win.text-larger", NULL },
    { "win.show-article", "injury-drowning-home" }, { "win.hotline", NULL },
    { "win.home", NULL }, { "win.text-normal", NULL }, { "win.high-contrast", NULL },
    { "win.show-article", "abuse-when-child-tells" }, { "win.high-contrast", NULL },
    { "win.show-article", "parenting-infant" }, { "win.show-article", "online-strangers" },
    { "win.language", "en" }, { "win.show-article", "injury-drowning-home" },
  };
  GtkWidget *focus;

  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    activate (window, walk[i][0], walk[i][1]);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == NULL || gtk_widget_get_root (focus) == GTK_ROOT (window));
  close_window (window);
}

/* A link in the article holds the focus when the language changes: the article is built
 * anew and its old links leave the window. GTK 4.8 kept the window's focus on the old
 * link, with the only reference left to it, and the new article's link that took the
 * focus next read it after it was freed (a critical from gtk_widget_is_ancestor). */
static void
test_focus_on_link_survives_language_change (void)
{
  KioskWindow *window = new_window ();
  GtkWidget *link;
  GtkWidget *focus;

  activate (window, "win.show-article", "online-strangers");
  link = kiosk_test_ui_find_label (GTK_WIDGET (window), "Đọc thêm");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_grab_focus (link));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link);

  activate (window, "win.language", "en");
  link = kiosk_test_ui_find_label (GTK_WIDGET (window), "Read more");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_grab_focus (link));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == link);
  close_window (window);
}

/* Drawing with cairo, the kiosk also leaves GL out of GTK's start-up; keeps what else
 * GDK_DEBUG asks for; and leaves GL alone when it draws with it. Each case runs in a
 * child process: the choice is made through the environment, before GTK starts. */
static void
test_renderer_choice (gconstpointer data)
{
  const char *mode = data;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  if (g_str_equal (mode, "cairo"))
    {
      g_setenv ("GSK_RENDERER", "cairo", TRUE);
      g_setenv ("GDK_DEBUG", "misc", TRUE);
      kiosk_application_choose_renderer ();
      kiosk_application_choose_renderer ();
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc,gl-disable");
    }
  else if (g_str_equal (mode, "gl"))
    {
      g_setenv ("GSK_RENDERER", "gl", TRUE);
      g_unsetenv ("GDK_DEBUG");
      kiosk_application_choose_renderer ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
      g_assert_null (g_getenv ("GDK_DEBUG"));
    }
  else
    {
      g_unsetenv ("GSK_RENDERER");
      g_unsetenv ("GDK_DEBUG");
      g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
      kiosk_application_choose_renderer ();
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
    }
}

/* Every screen's text is drawn unhinted, however the session is set up. */
static void
test_text_unhinted (void)
{
  KioskWindow *window = new_window ();
  GtkWidget *title = kiosk_test_ui_find_type (GTK_WIDGET (window), KIOSK_TYPE_TEXT);
  const cairo_font_options_t *options;

  g_assert_nonnull (title);
  options = pango_cairo_context_get_font_options (gtk_widget_get_pango_context (title));
  g_assert_nonnull (options);
  g_assert_cmpint (cairo_font_options_get_hint_style (options), ==, CAIRO_HINT_STYLE_NONE);
  close_window (window);
}

/* Whole-second timers fire up to a second late: wait for the countdown, not a time. */
static gboolean
is_counting_down (gpointer data)
{
  return kiosk_window_is_counting_down (data);
}

static gboolean
is_home_and_clean (gpointer data)
{
  KioskWindow *window = data;
  g_autofree char *language = NULL;

  g_object_get (window, "language", &language, NULL);
  return kiosk_window_get_page (window) == KIOSK_PAGE_HOME &&
         kiosk_window_get_history_length (window) == 0 &&
         g_strcmp0 (language, "vi") == 0;
}

static void
test_idle_reset (void)
{
  KioskWindow *window = new_window ();
  KioskSearchPage *search;
  gboolean high_contrast;

  activate (window, "win.search", NULL);
  search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
  kiosk_search_page_set_text (search, "bao ve");
  activate (window, "win.show-topic", "abuse");
  activate (window, "win.text-larger", NULL);
  activate (window, "win.high-contrast", NULL);
  activate (window, "win.language", "en");

  /* The countdown appears before the reset, then everything is undone. */
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 2, NULL);
  g_assert_true (kiosk_test_ui_wait_until (is_counting_down, window, 3000));
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_TOPIC);
  g_assert_true (kiosk_test_ui_wait_until (is_home_and_clean, window, 5000));
  g_assert_false (kiosk_window_is_counting_down (window));
  g_object_get (window, "high-contrast", &high_contrast, NULL);
  g_assert_false (high_contrast);
  g_assert_cmpuint (kiosk_window_get_text_percent (window), ==, 100);
  activate (window, "win.search", NULL);
  search = KIOSK_SEARCH_PAGE (kiosk_window_get_visible_page (window));
  g_assert_cmpstr (kiosk_search_page_get_text (search), ==, "");
  close_window (window);
}

/* Whether the countdown's words (the window starts in Vietnamese) are on screen:
 * mapped, not merely faded out. */
static gboolean
shows_countdown (gpointer data)
{
  return kiosk_test_ui_find_label (data, "Có ai đang xem không?") != NULL;
}

static gboolean
hides_countdown (gpointer data)
{
  return !shows_countdown (data);
}

static void
test_touch_cancels_countdown (void)
{
  KioskWindow *window = new_window ();

  /* Not on screen until it is needed, then on screen until a touch. */
  activate (window, "win.show-topic", "online");
  g_assert_false (shows_countdown (window));
  g_object_set (window, "idle-seconds", 1, "countdown-seconds", 3, NULL);
  g_assert_true (kiosk_test_ui_wait_until (is_counting_down, window, 3000));
  g_assert_true (kiosk_test_ui_wait_until (shows_countdown, window, 1000));

  /* What the window does with any touch, click or key (the end-to-end test taps the
   * real screen): the countdown stops and the visitor stays where they were. */
  kiosk_window_note_activity (window);
  g_assert_false (kiosk_window_is_counting_down (window));
  g_assert_true (kiosk_test_ui_wait_until (hides_countdown, window, 2000));
  g_object_set (window, "idle-seconds", 30, NULL);
  kiosk_test_ui_wait (3000);
  g_assert_cmpint (kiosk_window_get_page (window), ==, KIOSK_PAGE_TOPIC);
  close_window (window);
}

static void
test_article_stays_on_content_change (void)
{
  KioskWindow *window = new_window ();
  GtkWidget *page;

  activate (window, "win.show-article", "online-scams");
  page = kiosk_window_get_visible_page (window);
  kiosk_window_content_changed (window, NULL, TRUE);
  kiosk_test_ui_wait (100);
  g_assert_true (kiosk_window_get_visible_page (window) == page);
  g_assert_cmpstr (kiosk_article_page_get_id (KIOSK_ARTICLE_PAGE (page)), ==, "online-scams");
  close_window (window);
}

static void
test_kiosk_mode_cannot_close (void)
{
  KioskWindow *window = kiosk_window_new (app, TRUE);
  g_autoptr(GtkWidget) guard = g_object_ref_sink (GTK_WIDGET (window));

  gtk_window_present (GTK_WINDOW (window));
  kiosk_test_ui_wait (200);
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));

  gtk_window_close (GTK_WINDOW (window));
  kiosk_test_ui_wait (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init_dirs ();
  kiosk_i18n_init ();
  kiosk_test_ui_init (&argc, &argv);
  start_app ();

  g_test_add_func ("/kiosk/window/navigation", test_navigation);
  g_test_add_func ("/kiosk/window/search", test_search);
  g_test_add_func ("/kiosk/window/text-size", test_text_size);
  g_test_add_func ("/kiosk/window/text-unhinted", test_text_unhinted);
  g_test_add_func ("/kiosk/window/large-text-fits", test_large_text_fits);
  g_test_add_func ("/kiosk/window/language", test_language);
  g_test_add_func ("/kiosk/window/focus-on-link-survives-language-change",
                   test_focus_on_link_survives_language_change);
  g_test_add_data_func ("/kiosk/window/renderer-choice/cairo", "cairo", test_renderer_choice);
  g_test_add_data_func ("/kiosk/window/renderer-choice/gl", "gl", test_renderer_choice);
  g_test_add_data_func ("/kiosk/window/renderer-choice/software", "software",
                        test_renderer_choice);
  g_test_add_func ("/kiosk/window/walk-large-text-and-language",
                   test_walk_large_text_and_language);
  g_test_add_func ("/kiosk/window/idle-reset", test_idle_reset);
  g_test_add_func ("/kiosk/window/touch-cancels-countdown", test_touch_cancels_countdown);
  g_test_add_func ("/kiosk/window/article-stays-on-content-change",
                   test_article_stays_on_content_change);
  g_test_add_func ("/kiosk/window/kiosk-mode-cannot-close", test_kiosk_mode_cannot_close);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
