/* kiosk-window.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one window of the kiosk: navigation between the screens, the visitor's
 * choices (language, text size, contrast) and the idle reset that forgets them; which
 * actions the session's role allows (staff print, admins run the console and may
 * leave kiosk mode), and the anonymous usage counts of what is looked at.
 */

#define G_LOG_DOMAIN "kiosk-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kiosk-admin-console.h"
#include "kiosk-article-page.h"
#include "kiosk-header.h"
#include "kiosk-home-page.h"
#include "kiosk-hotline-page.h"
#include "kiosk-i18n.h"
#include "kiosk-login.h"
#include "kiosk-place.h"
#include "kiosk-print-dialog.h"
#include "kiosk-search-page.h"
#include "kiosk-setup-wizard.h"
#include "kiosk-topic-page.h"
#include "kiosk-window.h"

/* Text size steps, in percent of the normal size. The header's buttons grow only to
 * HEADER_MAX_PERCENT: they are large touch targets already, and beyond that the row of
 * tools would no longer fit a 1024 px wide screen. */
static const int text_steps[] = { 100, 125, 150, 175, 200 };
#define BASE_FONT_PX 17.0
#define HEADER_MAX_PERCENT 150

struct _KioskWindow
{
  GtkApplicationWindow  parent_instance;

  /* template widgets */
  GtkBox               *header_slot;
  GtkRevealer          *session_bar;
  GtkLabel             *session_label;
  GtkWidget            *print_button;
  GtkWidget            *console_button;
  GtkStack             *stack;
  GtkRevealer          *idle_revealer;
  GtkLabel             *idle_label;

  /* owned */
  KioskPlace           *place;
  GPtrArray            *history;
  GtkCssProvider       *font_provider;
  char                 *language;
  guint                 text_step;
  gboolean              high_contrast;
  gboolean              kiosk_mode;
  guint                 idle_seconds;
  guint                 countdown_seconds;
  guint                 idle_source;
  guint                 countdown_source;
  guint                 countdown_left;
  gboolean              stale;

  /* borrowed: the application's, and children of the stack, the header slot and the
   * overlay (NULL until first shown, rebuilt per language) */
  KioskApplication     *app;
  KioskStore           *store;
  KioskSettings        *settings;
  KioskSession         *session;
  KioskUsageRecorder   *usage;
  KioskLogin           *login;
  KioskHeader          *header;
  KioskHomePage        *home;
  KioskSearchPage      *search;
  KioskHotlinePage     *hotline;
};

G_DEFINE_FINAL_TYPE (KioskWindow, kiosk_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_HIGH_CONTRAST,
  PROP_KIOSK_MODE,
  PROP_IDLE_SECONDS,
  PROP_COUNTDOWN_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void restart_idle_timer (KioskWindow   *self);
static void add_login          (KioskWindow   *self);
static void go_to              (KioskWindow   *self,
                                KioskPageKind  kind,
                                const char    *id);

static KioskLang
current_lang (KioskWindow *self)
{
  return kiosk_lang_from_string (self->language);
}

/* ---- building the screens ---- */

/* Focus leaves a screen before the screen leaves the window. GTK 4.8 keeps the
 * window's focus on a removed widget until the next frame, holding its last reference;
 * a link label that takes the focus meanwhile reads that widget after dropping it (a
 * critical in gtk_widget_is_ancestor, and a read of freed memory). */
static void
release_focus (KioskWindow *self,
               GtkWidget   *leaving)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (focus == leaving || gtk_widget_is_ancestor (focus, leaving)))
    gtk_root_set_focus (GTK_ROOT (self), NULL);
}

static void
remove_screen (KioskWindow *self,
               GtkWidget   *screen)
{
  release_focus (self, screen);
  gtk_stack_remove (self->stack, screen);
}

static void
remove_stack_child (KioskWindow *self,
                    const char  *name)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->stack, name);

  if (child != NULL)
    remove_screen (self, child);
}

static void
update_title (KioskWindow *self)
{
  g_autofree char *commune = NULL;

  if (self->header == NULL)
    return;
  commune = kiosk_settings_dup_commune_name (self->settings);
  kiosk_header_set_title (self->header, commune != NULL && commune[0] != '\0'
                                        ? commune : _("Children's Corner"));
}

static void
on_searched_cb (KioskWindow *self,
                guint        n_results)
{
  kiosk_usage_recorder_add_search (self->usage, n_results);
}

/* Every screen is built for one language: a change of language builds them anew,
 * so each string is translated when its template is loaded. The home, search and
 * hotline screens and the header are built on their first visit (see home_page()
 * and the others), so start-up pays only for the screen it shows. */
static void
build_screens (KioskWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    remove_screen (self, child);
  self->home = NULL;
  self->search = NULL;
  self->hotline = NULL;
  if (self->header != NULL)
    {
      release_focus (self, GTK_WIDGET (self->header));
      gtk_box_remove (self->header_slot, GTK_WIDGET (self->header));
    }
  self->header = NULL;
  self->stale = FALSE;
}

/* Built when first shown: the first-run wizard has none. */
static void
ensure_header (KioskWindow *self)
{
  if (self->header != NULL)
    return;
  self->header = KIOSK_HEADER (kiosk_header_new ());
  gtk_box_append (self->header_slot, GTK_WIDGET (self->header));
  update_title (self);
}

static KioskHomePage *
home_page (KioskWindow *self)
{
  if (self->home == NULL)
    {
      self->home = KIOSK_HOME_PAGE (kiosk_home_page_new (self->store, current_lang (self)));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->home), "home");
    }
  return self->home;
}

static KioskSearchPage *
search_page (KioskWindow *self)
{
  if (self->search == NULL)
    {
      self->search = KIOSK_SEARCH_PAGE (kiosk_search_page_new (self->store, current_lang (self)));
      g_signal_connect_object (self->search, "searched", G_CALLBACK (on_searched_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->search), "search");
    }
  return self->search;
}

static KioskHotlinePage *
hotline_page (KioskWindow *self)
{
  if (self->hotline == NULL)
    {
      self->hotline = KIOSK_HOTLINE_PAGE (kiosk_hotline_page_new (self->store,
                                                                  current_lang (self)));
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->hotline), "hotline");
    }
  return self->hotline;
}

/* Topic and article screens are made per visit and dropped when left, so memory
 * does not grow with the number of articles read. */
static void
show_dynamic (KioskWindow *self,
              const char  *name,
              GtkWidget   *page)
{
  GtkWidget *old = gtk_stack_get_child_by_name (self->stack, name);

  /* The new screen is shown before the old one goes, so no frame shows neither. */
  gtk_stack_add_child (self->stack, page);
  gtk_stack_set_visible_child (self->stack, page);
  if (old != NULL)
    remove_screen (self, old);
  gtk_stack_page_set_name (gtk_stack_get_page (self->stack, page), name);
}

/* The console and the wizard go too: nothing an admin typed stays behind them. */
static void
drop_dynamic_except (KioskWindow *self,
                     const char  *keep)
{
  static const char *const names[] = { "topic", "article", "admin", "setup" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (keep, names[i]) != 0)
      remove_stack_child (self, names[i]);
}

static gboolean
came_from (KioskWindow   *self,
           KioskPageKind  kind)
{
  return self->history->len > 0 &&
         ((KioskPlace *) g_ptr_array_index (self->history, self->history->len - 1))->kind == kind;
}

/* The wizard is a detour: an admin goes back to the console they came from, so the
 * way back from there does not lead into the wizard again. */
static void
on_wizard_finished_cb (KioskWindow *self,
                       gboolean     completed)
{
  if (kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN) && came_from (self, KIOSK_PAGE_ADMIN))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
      return;
    }
  /* Forgotten first, so going on does not put the wizard in the history. */
  g_clear_pointer (&self->place, kiosk_place_free);
  go_to (self, kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN) ? KIOSK_PAGE_ADMIN
                                                                      : KIOSK_PAGE_HOME, NULL);
}

static GtkWidget *
setup_wizard_new (KioskWindow *self)
{
  GtkWidget *wizard = kiosk_setup_wizard_new (self->app, current_lang (self));

  g_signal_connect_object (wizard, "finished", G_CALLBACK (on_wizard_finished_cb), self,
                           G_CONNECT_SWAPPED);
  return wizard;
}

static void
on_console_content_changed_cb (KioskWindow *self)
{
  kiosk_window_content_changed (self, NULL, TRUE);
}

static GtkWidget *
admin_console_new (KioskWindow *self)
{
  GtkWidget *console = kiosk_admin_console_new (self->app, current_lang (self));

  g_signal_connect_object (console, "content-changed",
                           G_CALLBACK (on_console_content_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return console;
}

static void
present_place (KioskWindow *self)
{
  KioskLang lang = current_lang (self);
  const KioskPlace *place = self->place;

  /* A screen not built yet reads the new content when it is. */
  if (self->stale && place->kind != KIOSK_PAGE_ARTICLE)
    {
      if (self->home != NULL)
        kiosk_home_page_reload (self->home);
      if (self->hotline != NULL)
        kiosk_hotline_page_reload (self->hotline);
      self->stale = FALSE;
    }

  switch (place->kind)
    {
    case KIOSK_PAGE_HOME:
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (home_page (self)));
      drop_dynamic_except (self, NULL);
      break;
    case KIOSK_PAGE_TOPIC:
      show_dynamic (self, "topic", kiosk_topic_page_new (self->store, lang, place->id));
      drop_dynamic_except (self, "topic");
      break;
    case KIOSK_PAGE_ARTICLE:
      show_dynamic (self, "article", kiosk_article_page_new (self->store, lang, place->id));
      drop_dynamic_except (self, "article");
      break;
    case KIOSK_PAGE_SEARCH:
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (search_page (self)));
      drop_dynamic_except (self, NULL);
      kiosk_search_page_focus (self->search);
      break;
    case KIOSK_PAGE_HOTLINE:
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (hotline_page (self)));
      drop_dynamic_except (self, NULL);
      break;
    case KIOSK_PAGE_ADMIN:
      show_dynamic (self, "admin", admin_console_new (self));
      drop_dynamic_except (self, "admin");
      break;
    case KIOSK_PAGE_SETUP:
      show_dynamic (self, "setup", setup_wizard_new (self));
      drop_dynamic_except (self, "setup");
      break;
    default:
      g_assert_not_reached ();
    }

  /* Staff print what is on screen from the bar, without scrolling to the end. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->print_button), "s",
                                    place->kind == KIOSK_PAGE_ARTICLE ? place->id : "");
  gtk_widget_set_visible (self->print_button, place->kind == KIOSK_PAGE_ARTICLE);
  /* The wizard has its own way forward and back; the header would lead around it. */
  if (place->kind != KIOSK_PAGE_SETUP)
    ensure_header (self);
  gtk_widget_set_visible (GTK_WIDGET (self->header_slot), place->kind != KIOSK_PAGE_SETUP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history->len > 0);
}

/* Anonymous: which topic or article, on which day; never who, when in the day, or
 * the way from one page to the next. */
static void
count_view (KioskWindow *self)
{
  if (self->place->kind == KIOSK_PAGE_TOPIC)
    kiosk_usage_recorder_add (self->usage, KIOSK_USAGE_TOPIC_VIEW, self->place->id);
  else if (self->place->kind == KIOSK_PAGE_ARTICLE)
    kiosk_usage_recorder_add (self->usage, KIOSK_USAGE_ARTICLE_VIEW, self->place->id);
}

static void
go_to (KioskWindow   *self,
       KioskPageKind  kind,
       const char    *id)
{
  g_autoptr(KioskPlace) place = kiosk_place_new (kind, id);

  if (self->place != NULL && kiosk_place_equal (self->place, place))
    return;

  /* Home is where every path starts: going there forgets the way back. */
  if (kind == KIOSK_PAGE_HOME)
    g_ptr_array_set_size (self->history, 0);
  else if (self->place != NULL)
    g_ptr_array_add (self->history, g_steal_pointer (&self->place));

  g_clear_pointer (&self->place, kiosk_place_free);
  self->place = g_steal_pointer (&place);
  present_place (self);
  count_view (self);
}

/* ---- the visitor's choices ---- */

/* Icons that grow with the text, and their size at 100% (as in style.css). GTK draws a
 * symbolic icon from one of Adwaita's PNGs when there is one of the size asked for, and
 * otherwise loads its SVG through librsvg: about 8 MB more memory for one icon. So they
 * grow from one PNG size to the next. */
static const struct {
  const char *selector;
  int         px;
} growing_icons[] = {
  { "kioskmarkdownview .callout-icon", 32 },
  { "kiosksearchpage .search-hotline-icon", 32 },
  { "kioskhotlinepage .hotline-hero-hours-icon", 24 },
};

static int
png_icon_size (double px)
{
  static const int sizes[] = { 16, 24, 32, 48, 64, 96 };
  int best = sizes[0];

  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    if (fabs (sizes[i] - px) <= fabs (best - px))
      best = sizes[i];
  return best;
}

static void
apply_text_size (KioskWindow *self)
{
  g_autoptr(GString) css = g_string_new (NULL);
  int percent = text_steps[self->text_step];
  double px = BASE_FONT_PX * percent / 100.0;
  double header_px = BASE_FONT_PX * MIN (percent, HEADER_MAX_PERCENT) / 100.0;

  g_string_append_printf (css, "window.kiosk { font-size: %.2fpx; }"
                          " window.kiosk kioskheader { font-size: %.2fpx; }", px, header_px);
  for (guint i = 0; i < G_N_ELEMENTS (growing_icons); i++)
    g_string_append_printf (css, " window.kiosk %s { -gtk-icon-size: %dpx; }",
                            growing_icons[i].selector,
                            png_icon_size (growing_icons[i].px * percent / 100.0));
  gtk_css_provider_load_from_data (self->font_provider, css->str, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller", self->text_step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 self->text_step + 1 < G_N_ELEMENTS (text_steps));
}

static void
set_text_step (KioskWindow *self,
               guint        step)
{
  self->text_step = MIN (step, G_N_ELEMENTS (text_steps) - 1);
  apply_text_size (self);
}

static void
set_high_contrast (KioskWindow *self,
                   gboolean     high_contrast)
{
  high_contrast = !!high_contrast;
  if (self->high_contrast == high_contrast)
    return;

  self->high_contrast = high_contrast;
  if (high_contrast)
    gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

static void
set_language (KioskWindow *self,
              const char  *language)
{
  const char *canonical = kiosk_lang_to_string (kiosk_lang_from_string (language));

  if (g_strcmp0 (self->language, canonical) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (canonical);
  kiosk_i18n_set_language (kiosk_lang_from_string (canonical));

  if (self->store != NULL)
    {
      build_screens (self);
      present_place (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/* ---- roles ---- */

static KioskPageKind
start_page (KioskWindow *self)
{
  return kiosk_session_get_needs_setup (self->session) ? KIOSK_PAGE_SETUP : KIOSK_PAGE_HOME;
}

/* What each role may do is decided here and nowhere else: an action the session does
 * not allow is disabled, so no button, key or test can run it. */
static void
update_role_actions (KioskWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean staff = kiosk_session_allows (self->session, KIOSK_ROLE_STAFF);
  gboolean admin = kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN);

  gtk_widget_action_set_enabled (widget, "win.print-leaflet", staff);
  gtk_widget_action_set_enabled (widget, "win.logout", staff);
  gtk_widget_action_set_enabled (widget, "win.admin", admin);
  gtk_widget_action_set_enabled (widget, "win.setup", admin);
  gtk_widget_action_set_enabled (widget, "win.exit-kiosk", admin);
  gtk_widget_action_set_enabled (widget, "win.unlock",
                                 !admin && !kiosk_session_get_needs_setup (self->session));
}

static void
update_session_bar (KioskWindow *self)
{
  KioskRole role = kiosk_session_get_role (self->session);

  /* Hidden, not just folded away: visitors' screens are laid out as if it did not exist. */
  gtk_widget_set_visible (GTK_WIDGET (self->session_bar), role != KIOSK_ROLE_VISITOR);
  gtk_revealer_set_reveal_child (self->session_bar, role != KIOSK_ROLE_VISITOR);
  gtk_widget_set_visible (self->console_button, role == KIOSK_ROLE_ADMIN);
  if (role == KIOSK_ROLE_ADMIN)
    gtk_label_set_text (self->session_label, _("Signed in as admin."));
  else if (role == KIOSK_ROLE_STAFF)
    gtk_label_set_text (self->session_label,
                        _("Signed in as staff: you can print leaflets."));
}

/* A leaflet dialog left open belongs to the session that opened it. Jobs already
 * sent still print. */
static void
close_print_dialogs (KioskWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (KIOSK_IS_PRINT_DIALOG (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        gtk_window_destroy (window);
    }
}

static void
on_role_changed_cb (KioskWindow *self)
{
  gboolean admin = kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN);

  update_role_actions (self);
  update_session_bar (self);
  if (!kiosk_session_allows (self->session, KIOSK_ROLE_STAFF))
    close_print_dialogs (self);
  if (!admin && (self->place->kind == KIOSK_PAGE_ADMIN ||
                 (self->place->kind == KIOSK_PAGE_SETUP && start_page (self) != KIOSK_PAGE_SETUP)))
    go_to (self, KIOSK_PAGE_HOME, NULL);
}

static void
on_needs_setup_changed_cb (KioskWindow *self)
{
  update_role_actions (self);
}

static void
show_login (KioskWindow *self,
            gboolean     show)
{
  /* Built on first use: most visitors never sign in. */
  if (self->login == NULL)
    {
      if (!show)
        return;
      add_login (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->login), show);
  if (show)
    kiosk_login_start (self->login);
  else
    kiosk_login_stop (self->login);
}

/* An admin signs in to work in the console; staff stay where they are, usually on the
 * article a family asked to take home. */
static void
on_login_finished_cb (KioskWindow *self,
                      gboolean     signed_in)
{
  show_login (self, FALSE);
  if (signed_in && kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN))
    go_to (self, KIOSK_PAGE_ADMIN, NULL);
}

/* ---- idle: forget the last visitor ---- */

/* Everything a visitor may have changed goes back to how the commune set it up:
 * a shared screen on a sensitive topic must not show the last person's trail. */
void
kiosk_window_reset (KioskWindow *self)
{
  g_autofree char *language = NULL;

  g_return_if_fail (KIOSK_IS_WINDOW (self));

  g_clear_handle_id (&self->countdown_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->idle_revealer, FALSE);

  g_ptr_array_set_size (self->history, 0);
  g_clear_pointer (&self->place, kiosk_place_free);
  self->place = kiosk_place_new (start_page (self), NULL);
  show_login (self, FALSE);
  kiosk_session_end (self->session);

  set_text_step (self, 0);
  set_high_contrast (self, FALSE);
  language = g_settings_get_string (kiosk_settings_get_gsettings (self->settings), "language");
  if (g_strcmp0 (language, self->language) != 0)
    set_language (self, language);

  if (self->search != NULL)
    kiosk_search_page_reset (self->search);
  if (self->home != NULL)
    kiosk_home_page_reset (self->home);
  if (self->hotline != NULL)
    kiosk_hotline_page_reset (self->hotline);
  present_place (self);
  restart_idle_timer (self);
}

/* The start page untouched: home, or on a first run the wizard's first step. */
static gboolean
at_start (KioskWindow *self)
{
  GtkWidget *wizard = gtk_stack_get_child_by_name (self->stack, "setup");

  if (self->place->kind == KIOSK_PAGE_SETUP)
    return kiosk_session_get_needs_setup (self->session) && wizard != NULL &&
           kiosk_setup_wizard_is_pristine (KIOSK_SETUP_WIZARD (wizard));
  return self->place->kind == KIOSK_PAGE_HOME;
}

static gboolean
is_pristine (KioskWindow *self)
{
  g_autofree char *language =
    g_settings_get_string (kiosk_settings_get_gsettings (self->settings), "language");

  return at_start (self) && self->history->len == 0 &&
         kiosk_session_get_role (self->session) == KIOSK_ROLE_VISITOR &&
         (self->login == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->login))) &&
         self->text_step == 0 && !self->high_contrast &&
         g_strcmp0 (language, self->language) == 0 &&
         (self->search == NULL || kiosk_search_page_get_text (self->search)[0] == '\0');
}

static void
update_countdown_label (KioskWindow *self)
{
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "Is anyone there? The screen goes back to the start in %u second. Touch the screen to stay.",
                                  "Is anyone there? The screen goes back to the start in %u seconds. Touch the screen to stay.",
                                  self->countdown_left),
                     self->countdown_left);

  gtk_label_set_text (self->idle_label, text);
}

static gboolean
countdown_tick_cb (gpointer user_data)
{
  KioskWindow *self = user_data;

  if (--self->countdown_left == 0)
    {
      self->countdown_source = 0;
      kiosk_window_reset (self);
      return G_SOURCE_REMOVE;
    }
  update_countdown_label (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  KioskWindow *self = user_data;

  self->idle_source = 0;
  if (is_pristine (self))
    {
      restart_idle_timer (self);
      return G_SOURCE_REMOVE;
    }

  self->countdown_left = MAX (1, self->countdown_seconds);
  update_countdown_label (self);
  gtk_widget_set_visible (GTK_WIDGET (self->idle_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->idle_revealer, TRUE);
  self->countdown_source = g_timeout_add_seconds (1, countdown_tick_cb, self);
  return G_SOURCE_REMOVE;
}

/* Once faded out, the countdown leaves the window's layout again. */
static void
on_idle_revealed_cb (KioskWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->idle_revealer) &&
      !gtk_revealer_get_reveal_child (self->idle_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->idle_revealer), FALSE);
}

static void
restart_idle_timer (KioskWindow *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->idle_source = g_timeout_add_seconds (self->idle_seconds, idle_timeout_cb, self);
}

/* Someone is here: cancel a countdown and start the idle time again. */
void
kiosk_window_note_activity (KioskWindow *self)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  if (self->countdown_source != 0)
    {
      g_clear_handle_id (&self->countdown_source, g_source_remove);
      gtk_revealer_set_reveal_child (self->idle_revealer, FALSE);
    }
  restart_idle_timer (self);
}

gboolean
kiosk_window_is_counting_down (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), FALSE);
  return self->countdown_source != 0;
}

/* Any touch, click, key or scroll, seen before its widget gets it. The event goes
 * on to its widget as usual. */
static gboolean
on_any_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 KioskWindow              *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_MOTION_NOTIFY:
      kiosk_window_note_activity (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* ---- actions ---- */

static void
action_home (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_HOME, NULL);
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  if (self->history->len == 0)
    return;
  g_clear_pointer (&self->place, kiosk_place_free);
  self->place = g_ptr_array_steal_index (self->history, self->history->len - 1);
  present_place (self);
}

static void
action_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_SEARCH, NULL);
}

static void
action_hotline (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_HOTLINE, NULL);
}

static void
action_show_topic (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_TOPIC, g_variant_get_string (param, NULL));
}

static void
action_show_article (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_ARTICLE, g_variant_get_string (param, NULL));
}

static void
action_text (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KioskWindow *self = KIOSK_WINDOW (widget);

  if (g_str_equal (action_name, "win.text-smaller"))
    set_text_step (self, self->text_step > 0 ? self->text_step - 1 : 0);
  else if (g_str_equal (action_name, "win.text-larger"))
    set_text_step (self, self->text_step + 1);
  else
    set_text_step (self, 0);
}

/* Staff print leaflets for families: the action is enabled for a staff or admin
 * session only (update_role_actions()), so a visitor's tap does nothing. */
static void
action_print_leaflet (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  KioskWindow *self = KIOSK_WINDOW (widget);
  g_auto(GStrv) ids = g_strsplit (g_variant_get_string (param, NULL), ",", -1);

  if (ids[0] == NULL || ids[0][0] == '\0')
    return;
  kiosk_print_dialog_open (GTK_WINDOW (self), self->store, self->settings,
                           (const char * const *) ids, current_lang (self));
  kiosk_usage_recorder_add (self->usage, KIOSK_USAGE_LEAFLET_PRINTED, NULL);
}

static void
action_unlock (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  show_login (KIOSK_WINDOW (widget), TRUE);
}

static void
action_logout (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  kiosk_session_end (KIOSK_WINDOW (widget)->session);
}

static void
action_admin (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_ADMIN, NULL);
}

static void
action_setup (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  go_to (KIOSK_WINDOW (widget), KIOSK_PAGE_SETUP, NULL);
}

/* In kiosk mode this quits to whatever started the kiosk (the login screen, or the
 * session manager that restarts it); may_leave() has the last word. */
static void
action_exit_kiosk (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
action_reset (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  kiosk_window_reset (KIOSK_WINDOW (widget));
}

/* The one place that decides whether the kiosk may be closed: in kiosk mode, only
 * with an admin session. */
static gboolean
may_leave (KioskWindow *self)
{
  return !self->kiosk_mode || kiosk_session_allows (self->session, KIOSK_ROLE_ADMIN);
}

static gboolean
kiosk_window_close_request (GtkWindow *window)
{
  KioskWindow *self = KIOSK_WINDOW (window);

  if (!may_leave (self))
    return TRUE;
  return GTK_WINDOW_CLASS (kiosk_window_parent_class)->close_request (window);
}

/* ---- swipe back ---- */

static void
on_swipe_cb (GtkGestureSwipe *gesture,
             double           velocity_x,
             double           velocity_y,
             KioskWindow     *self)
{
  if (velocity_x > 900 && ABS (velocity_x) > 2 * ABS (velocity_y))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

/* ---- public ---- */

void
kiosk_window_content_changed (KioskWindow *self,
                              const char  *error_message,
                              gboolean     changed)
{
  g_return_if_fail (KIOSK_IS_WINDOW (self));

  if (error_message != NULL)
    kiosk_home_page_show_problem (home_page (self), error_message);
  if (!changed)
    return;

  /* The open article stays as it is; lists refresh now or when next shown. */
  self->stale = TRUE;
  if (self->place->kind == KIOSK_PAGE_HOME)
    present_place (self);
}

KioskPageKind
kiosk_window_get_page (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), KIOSK_PAGE_HOME);
  return self->place->kind;
}

const char *
kiosk_window_get_page_id (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);
  return self->place->id;
}

GtkWidget *
kiosk_window_get_visible_page (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child (self->stack);
}

guint
kiosk_window_get_text_percent (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 100);
  return text_steps[self->text_step];
}

guint
kiosk_window_get_history_length (KioskWindow *self)
{
  g_return_val_if_fail (KIOSK_IS_WINDOW (self), 0);
  return self->history->len;
}

/* ---- GObject ---- */

static void
apply_kiosk_mode (KioskWindow *self)
{
  gtk_window_set_decorated (GTK_WINDOW (self), !self->kiosk_mode);
  gtk_window_set_deletable (GTK_WINDOW (self), !self->kiosk_mode);
  if (self->kiosk_mode)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

static void
on_idle_timeout_changed_cb (KioskWindow *self)
{
  g_object_set (self, "idle-seconds", kiosk_settings_get_idle_timeout (self->settings), NULL);
}

/* The sign-in keypad lies over everything but the idle countdown, which must stay
 * readable above it. */
static void
add_login (KioskWindow *self)
{
  /* The window's child; binding it too would unparent it twice on dispose. */
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self->idle_revealer));

  self->login = KIOSK_LOGIN (kiosk_login_new (self->session));
  gtk_widget_set_visible (GTK_WIDGET (self->login), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->login));
  gtk_widget_insert_after (GTK_WIDGET (self->idle_revealer), overlay, GTK_WIDGET (self->login));
  g_signal_connect_object (self->login, "finished", G_CALLBACK (on_login_finished_cb), self,
                           G_CONNECT_SWAPPED);
}

/* GtkWindow:application is an ordinary property, set after constructed(), so the
 * window is set up once kiosk_window_new() has it. */
static void
setup (KioskWindow      *self,
       KioskApplication *app)
{
  g_autofree char *language = NULL;

  self->app = app;
  self->store = kiosk_application_get_store (app);
  self->settings = kiosk_application_get_settings (app);
  self->session = kiosk_application_get_session (app);
  self->usage = kiosk_application_get_usage (app);
  g_signal_connect_object (self->settings, "notify::commune-name", G_CALLBACK (update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::idle-timeout",
                           G_CALLBACK (on_idle_timeout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::role", G_CALLBACK (on_role_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::needs-setup",
                           G_CALLBACK (on_needs_setup_changed_cb), self, G_CONNECT_SWAPPED);

  language = g_settings_get_string (kiosk_settings_get_gsettings (self->settings), "language");
  self->language = g_strdup (kiosk_lang_to_string (kiosk_lang_from_string (language)));
  kiosk_i18n_set_language (current_lang (self));
  if (self->idle_seconds == 0)
    self->idle_seconds = kiosk_settings_get_idle_timeout (self->settings);

  build_screens (self);
  self->place = kiosk_place_new (start_page (self), NULL);
  present_place (self);
  update_role_actions (self);
  update_session_bar (self);
  apply_text_size (self);
  apply_kiosk_mode (self);
  restart_idle_timer (self);
}

static void
kiosk_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    case PROP_KIOSK_MODE:
      g_value_set_boolean (value, self->kiosk_mode);
      break;
    case PROP_IDLE_SECONDS:
      g_value_set_uint (value, self->idle_seconds);
      break;
    case PROP_COUNTDOWN_SECONDS:
      g_value_set_uint (value, self->countdown_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      set_language (self, g_value_get_string (value));
      break;
    case PROP_HIGH_CONTRAST:
      set_high_contrast (self, g_value_get_boolean (value));
      break;
    case PROP_KIOSK_MODE:
      self->kiosk_mode = g_value_get_boolean (value);
      break;
    case PROP_IDLE_SECONDS:
      self->idle_seconds = g_value_get_uint (value);
      if (self->store != NULL)
        restart_idle_timer (self);
      break;
    case PROP_COUNTDOWN_SECONDS:
      self->countdown_seconds = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The screens are laid out height-for-width. GTK 4.8 also asks the window for its
 * width at a given height while sizing it; that request reaches every wrapping label,
 * which answers it by laying its text out again and again to find its narrowest width
 * for that height. The width of the window never depends on its height here, so the
 * question is asked without one: same layout, a quicker first frame (bench/startup). */
static void
kiosk_window_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  GTK_WIDGET_CLASS (kiosk_window_parent_class)->measure (widget, orientation, for_size, minimum,
                                                         natural, minimum_baseline,
                                                         natural_baseline);
}

static void
kiosk_window_dispose (GObject *object)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->countdown_source, g_source_remove);
  if (self->font_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->font_provider));
  g_clear_object (&self->font_provider);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_WINDOW);

  G_OBJECT_CLASS (kiosk_window_parent_class)->dispose (object);
}

static void
kiosk_window_finalize (GObject *object)
{
  KioskWindow *self = KIOSK_WINDOW (object);

  g_clear_pointer (&self->place, kiosk_place_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->language);

  G_OBJECT_CLASS (kiosk_window_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.home", NULL, action_home);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.hotline", NULL, action_hotline);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "s", action_show_topic);
  gtk_widget_class_install_action (widget_class, "win.show-article", "s", action_show_article);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, action_text);
  gtk_widget_class_install_action (widget_class, "win.text-normal", NULL, action_text);
  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, action_text);
  gtk_widget_class_install_action (widget_class, "win.reset", NULL, action_reset);
  gtk_widget_class_install_action (widget_class, "win.print-leaflet", "s", action_print_leaflet);
  gtk_widget_class_install_action (widget_class, "win.unlock", NULL, action_unlock);
  gtk_widget_class_install_action (widget_class, "win.logout", NULL, action_logout);
  gtk_widget_class_install_action (widget_class, "win.admin", NULL, action_admin);
  gtk_widget_class_install_action (widget_class, "win.setup", NULL, action_setup);
  gtk_widget_class_install_action (widget_class, "win.exit-kiosk", NULL, action_exit_kiosk);
  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_property_action (widget_class, "win.high-contrast", "high-contrast");
}

static void
kiosk_window_class_init (KioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kiosk_window_dispose;
  object_class->finalize = kiosk_window_finalize;
  object_class->get_property = kiosk_window_get_property;
  object_class->set_property = kiosk_window_set_property;
  widget_class->measure = kiosk_window_measure;
  window_class->close_request = kiosk_window_close_request;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "vi",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIOSK_MODE] =
    g_param_spec_boolean ("kiosk-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_SECONDS] =
    g_param_spec_uint ("idle-seconds", NULL, NULL, 0, 3600, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTDOWN_SECONDS] =
    g_param_spec_uint ("countdown-seconds", NULL, NULL, 1, 60, 10,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, header_slot);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, session_bar);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, session_label);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, console_button);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_revealer);
  gtk_widget_class_bind_template_child (widget_class, KioskWindow, idle_label);
  gtk_widget_class_bind_template_callback (widget_class, on_any_event_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_swipe_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_idle_revealed_cb);
  install_actions (widget_class);
}

static void
kiosk_window_init (KioskWindow *self)
{
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_place_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->font_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

KioskWindow *
kiosk_window_new (KioskApplication *app,
                  gboolean          kiosk_mode)
{
  KioskWindow *self;

  g_return_val_if_fail (KIOSK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (kiosk_application_get_store (app) != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_WINDOW,
                       "application", app,
                       "kiosk-mode", kiosk_mode,
                       NULL);
  setup (self, app);
  return self;
}
