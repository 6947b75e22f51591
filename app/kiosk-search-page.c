/* kiosk-search-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-keyboard.h"
#include "kiosk-search.h"
#include "kiosk-search-page.h"

/* Long enough to not search on every key of a fast typist, short enough to feel
 * immediate to someone tapping one key at a time. */
#define SEARCH_DELAY_MS 150
#define MAX_RESULTS     20
/* Nobody types more than this on a kiosk; it keeps the entry and the search cheap. */
#define MAX_TEXT_CHARS  200
/* How much of the text the "nothing found" message repeats. */
#define MAX_QUOTED_CHARS 40
/* Results that stay this long without more typing count as one search: someone
 * tapping one letter at a time makes many debounced searches but one query. */
#define SETTLE_MS 1500

struct _KioskSearchPage
{
  GtkWidget           parent_instance;

  /* template widgets; the layout is bound so dispose can unparent it */
  GtkBox             *layout;
  GtkSearchEntry     *entry;
  GtkScrolledWindow  *scroller;
  GtkStack           *stack;
  GtkLabel           *count;
  GtkBox             *results;
  GtkLabel           *none_title;
  GtkFlowBox         *topics;
  KioskKeyboard      *keyboard;

  /* owned */
  KioskStore         *store;
  KioskLang           lang;
  guint               search_id;
  guint               n_results;
  guint               settle_id;
  gboolean            shown;       /* results (or none) are shown for the text */
};

G_DEFINE_FINAL_TYPE (KioskSearchPage, kiosk_search_page, GTK_TYPE_WIDGET)

enum {
  SEARCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Counts the search on screen once, with no word of what was searched for. */
static void
settle (KioskSearchPage *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (!self->shown)
    return;
  self->shown = FALSE;
  g_signal_emit (self, signals[SEARCHED], 0, self->n_results);
}

static gboolean
settle_timeout_cb (gpointer data)
{
  KioskSearchPage *self = data;

  self->settle_id = 0;
  settle (self);
  return G_SOURCE_REMOVE;
}

static void
forget_unsettled (KioskSearchPage *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->shown = FALSE;
}

static void
start_settling (KioskSearchPage *self)
{
  forget_unsettled (self);
  self->shown = TRUE;
  self->settle_id = g_timeout_add (SETTLE_MS, settle_timeout_cb, self);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The snippet is markup from the search engine; check it before a label sees it, so a
 * bad one costs the snippet, not a warning. Returns the plain text, or NULL. */
static char *
snippet_plain_text (const char *snippet)
{
  g_autoptr(GError) error = NULL;
  char *plain = NULL;

  if (snippet == NULL || *snippet == 0)
    return NULL;
  if (!pango_parse_markup (snippet, -1, 0, NULL, &plain, NULL, &error))
    {
      g_debug ("Snippet dropped: %s", error->message);
      return NULL;
    }
  return plain;
}

static GtkWidget *
result_new (KioskSearchHit *hit)
{
  g_autofree char *plain = snippet_plain_text (hit->snippet);
  const char *title = hit->title != NULL ? hit->title : "";
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "pixel-size", 32,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_add_css_class (button, "search-result");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-article");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", hit->article_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain ? plain : "",
                                  -1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), wrapped_label (title, "result-title"));
  if (plain != NULL)
    {
      GtkWidget *snippet = wrapped_label (NULL, "result-snippet");

      gtk_label_set_markup (GTK_LABEL (snippet), hit->snippet);
      gtk_box_append (GTK_BOX (texts), snippet);
    }
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

static GtkWidget *
topic_button_new (KioskTopic *topic,
                  KioskLang   lang)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), wrapped_label (topic->title[lang], "topic-title"));
  gtk_widget_add_css_class (button, "search-topic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-topic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", topic->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, topic->title[lang],
                                  -1);
  return button;
}

static void
fill_topics (KioskSearchPage *self)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  remove_children (GTK_WIDGET (self->topics));
  topics = kiosk_store_list_topics (self->store, &error);
  if (topics == NULL)
    {
      g_message ("No topics to suggest: %s", error->message);
      return;
    }
  for (guint i = 0; i < topics->len; i++)
    gtk_flow_box_append (self->topics, topic_button_new (topics->pdata[i], self->lang));
}

/* Nothing to read here, but never a dead end: the hotline and every topic. */
static void
show_nothing_found (KioskSearchPage *self,
                    const char      *title)
{
  gtk_label_set_text (self->none_title, title);
  fill_topics (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static char *
nothing_found_title (const char *text)
{
  g_autofree char *quoted = NULL;

  if (g_utf8_strlen (text, -1) > MAX_QUOTED_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, MAX_QUOTED_CHARS);

      quoted = g_strconcat (start, "…", NULL);
    }
  else
    quoted = g_strdup (text);

  /* Translators: %s is what the person typed. */
  return g_strdup_printf (_("Nothing found for “%s”."), quoted);
}

static void
show_results (KioskSearchPage *self,
              GPtrArray       *hits)
{
  g_autofree char *count = NULL;

  for (guint i = 0; i < hits->len; i++)
    gtk_box_append (self->results, result_new (hits->pdata[i]));
  self->n_results = hits->len;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", hits->len),
                           hits->len);
  gtk_label_set_text (self->count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
clear_results (KioskSearchPage *self)
{
  remove_children (GTK_WIDGET (self->results));
  self->n_results = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->count), FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != 0; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static void
run_search (KioskSearchPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->search_id, g_source_remove);
  clear_results (self);

  if (is_blank (text))
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  hits = kiosk_store_search (self->store, text, self->lang, MAX_RESULTS, &error);
  if (hits == NULL)
    {
      /* What people search for on this screen is private: log its size only. */
      g_message ("Search for %ld characters failed: %s",
                 g_utf8_strlen (text, -1), error->message);
      show_nothing_found (self, _("Search is not working at the moment."));
      return;
    }
  if (hits->len == 0)
    {
      g_autofree char *title = nothing_found_title (text);

      show_nothing_found (self, title);
    }
  else
    show_results (self, hits);
  start_settling (self);
}

static gboolean
search_timeout_cb (gpointer data)
{
  KioskSearchPage *self = data;

  self->search_id = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed_cb (KioskSearchPage *self)
{
  g_clear_handle_id (&self->search_id, g_source_remove);
  forget_unsettled (self);

  /* Clearing the text is answered at once; words wait until the typing pauses. */
  if (is_blank (gtk_editable_get_text (GTK_EDITABLE (self->entry))))
    run_search (self);
  else
    self->search_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
on_entry_activate_cb (KioskSearchPage *self)
{
  kiosk_search_page_flush (self);
}

static void
on_keyboard_enter_cb (KioskSearchPage *self)
{
  kiosk_search_page_flush (self);
}

static void
setup_entry (KioskSearchPage *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));

  /* The next visitor must not be able to undo back to the last one's words. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->entry), FALSE);
  if (GTK_IS_TEXT (delegate))
    {
      gtk_text_set_max_length (GTK_TEXT (delegate), MAX_TEXT_CHARS);
      /* The app has its own keyboard; a system one would cover the results. */
      gtk_text_set_input_hints (GTK_TEXT (delegate),
                                GTK_INPUT_HINT_NO_EMOJI | GTK_INPUT_HINT_INHIBIT_OSK);
    }
  kiosk_keyboard_set_target (self->keyboard, GTK_EDITABLE (self->entry));
}

/* Leaving the screen (a result opened, Home) ends the search: it counts now. */
static void
kiosk_search_page_unmap (GtkWidget *widget)
{
  settle (KIOSK_SEARCH_PAGE (widget));
  GTK_WIDGET_CLASS (kiosk_search_page_parent_class)->unmap (widget);
}

static void
kiosk_search_page_dispose (GObject *object)
{
  KioskSearchPage *self = KIOSK_SEARCH_PAGE (object);

  g_clear_handle_id (&self->search_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_SEARCH_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_search_page_parent_class)->dispose (object);
}

static void
kiosk_search_page_class_init (KioskSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_search_page_dispose;
  widget_class->unmap = kiosk_search_page_unmap;

  /* A search ran and its results stayed on screen (or the visitor pressed Search, or
   * left): for the anonymous usage counts, which never see the words. */
  signals[SEARCHED] = g_signal_new ("searched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (KIOSK_TYPE_KEYBOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, count);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, results);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, none_title);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, topics);
  gtk_widget_class_bind_template_child (widget_class, KioskSearchPage, keyboard);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keyboard_enter_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosksearchpage");
}

static void
kiosk_search_page_init (KioskSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_entry (self);
}

GtkWidget *
kiosk_search_page_new (KioskStore *store,
                       KioskLang   lang)
{
  KioskSearchPage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_SEARCH_PAGE, NULL);
  self->store = g_object_ref (store);
  self->lang = lang;
  return GTK_WIDGET (self);
}

const char *
kiosk_search_page_get_text (KioskSearchPage *self)
{
  g_return_val_if_fail (KIOSK_IS_SEARCH_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
kiosk_search_page_set_text (KioskSearchPage *self,
                            const char      *text)
{
  g_return_if_fail (KIOSK_IS_SEARCH_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  /* The on-screen keyboard types at the cursor: go on from the end of the text. */
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

void
kiosk_search_page_flush (KioskSearchPage *self)
{
  g_return_if_fail (KIOSK_IS_SEARCH_PAGE (self));

  if (self->search_id != 0)
    run_search (self);
  settle (self);
}

guint
kiosk_search_page_get_n_results (KioskSearchPage *self)
{
  g_return_val_if_fail (KIOSK_IS_SEARCH_PAGE (self), 0);
  return self->n_results;
}

void
kiosk_search_page_reset (KioskSearchPage *self)
{
  g_return_if_fail (KIOSK_IS_SEARCH_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  run_search (self);
  forget_unsettled (self);
}

void
kiosk_search_page_focus (KioskSearchPage *self)
{
  g_return_if_fail (KIOSK_IS_SEARCH_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
