/* kiosk-markdown-view.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An article body as native widgets. Every piece of text goes through
 * g_markup_escape_text before it meets Pango markup, and only the constructs listed
 * in docs/content-format.md produce anything: cmark keeps raw HTML and any link
 * scheme in its tree, even in safe mode, so the walk below decides what is shown.
 */

#define G_LOG_DOMAIN "kiosk-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <cmark.h>
#include <string.h>

#include "kiosk-media.h"
#include "kiosk-repo-format.h"
#include "kiosk-markdown-view.h"

/* Pictures are drawn at this width and shrink with a narrower column. */
#define PICTURE_WIDTH 560
/* About 60 characters a line is the comfortable reading measure. GTK counts in its
 * approximate character width, wider than the average letter of running text: 50 of
 * them hold about 60 English or 65 Vietnamese characters in DejaVu Sans.
 * Labels fill the column rather than align to its start: GTK 4.8 gives a wrapped label
 * that does not fill only the narrowest width that keeps its line count, which breaks a
 * two-line sentence in the middle of the column. The column's own width is set in
 * measure. */
#define LINE_CHARS 50

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

typedef enum {
  LINK_NONE,
  LINK_INTERNAL,
  LINK_PHONE,
} LinkKind;

struct _KioskMarkdownView
{
  GtkWidget   parent_instance;

  /* owned */
  GtkWidget  *content;
  KioskStore *store;
};

G_DEFINE_FINAL_TYPE (KioskMarkdownView, kiosk_markdown_view, GTK_TYPE_WIDGET)

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void add_blocks (KioskMarkdownView *self,
                        GtkWidget         *box,
                        cmark_node        *parent);
static void append_inlines (GString    *markup,
                            cmark_node *parent);

static void
append_escaped (GString    *markup,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (markup, escaped);
}

static gboolean
has_prefix_id (const char *url,
               const char *prefix)
{
  return g_str_has_prefix (url, prefix) &&
         kiosk_object_id_is_valid (url + strlen (prefix));
}

static LinkKind
classify_link (const char *url)
{
  if (url == NULL)
    return LINK_NONE;
  if (has_prefix_id (url, "article:") || has_prefix_id (url, "topic:"))
    return LINK_INTERNAL;
  if (g_str_has_prefix (url, "tel:"))
    return LINK_PHONE;
  return LINK_NONE;
}

/* The media name of an image the store can hold, or NULL for any other address. */
static const char *
store_media_name (cmark_node *image)
{
  const char *url = cmark_node_get_url (image);

  if (url == NULL || !g_str_has_prefix (url, "media/"))
    return NULL;
  url += strlen ("media/");
  return kiosk_media_id_is_valid (url) ? url : NULL;
}

static void
append_wrapped (GString    *markup,
                cmark_node *node,
                const char *open,
                const char *close)
{
  g_string_append (markup, open);
  append_inlines (markup, node);
  g_string_append (markup, close);
}

/* Kiosks cannot dial, so a phone link is the number, made to stand out. */
static void
append_link (GString    *markup,
             cmark_node *link)
{
  const char *url = cmark_node_get_url (link);
  g_autofree char *href = NULL;

  if (cmark_node_first_child (link) == NULL)
    {
      if (classify_link (url) == LINK_PHONE)
        {
          g_string_append (markup, "<b>");
          append_escaped (markup, url + strlen ("tel:"));
          g_string_append (markup, "</b>");
        }
      return;
    }

  switch (classify_link (url))
    {
    case LINK_INTERNAL:
      href = g_markup_printf_escaped ("<a href=\"%s\">", url);
      append_wrapped (markup, link, href, "</a>");
      break;
    case LINK_PHONE:
      append_wrapped (markup, link, "<b>", "</b>");
      break;
    case LINK_NONE:
    default:
      append_inlines (markup, link);
      break;
    }
}

static void
append_inline (GString    *markup,
               cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      append_escaped (markup, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_CODE:
      g_string_append (markup, "<tt>");
      append_escaped (markup, cmark_node_get_literal (node));
      g_string_append (markup, "</tt>");
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (markup, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (markup, '\n');
      break;
    case CMARK_NODE_EMPH:
      append_wrapped (markup, node, "<i>", "</i>");
      break;
    case CMARK_NODE_STRONG:
      append_wrapped (markup, node, "<b>", "</b>");
      break;
    case CMARK_NODE_LINK:
      append_link (markup, node);
      break;
    case CMARK_NODE_IMAGE:
      /* A picture inside a heading or a link: its alt text stands in for it. */
      append_inlines (markup, node);
      break;
    case CMARK_NODE_HTML_INLINE:
    default:
      break;
    }
}

static void
append_inlines (GString    *markup,
                cmark_node *parent)
{
  for (cmark_node *child = cmark_node_first_child (parent); child != NULL;
       child = cmark_node_next (child))
    append_inline (markup, child);
}

static void
append_plain_text (GString    *text,
                   cmark_node *parent)
{
  for (cmark_node *child = cmark_node_first_child (parent); child != NULL;
       child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);

      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (text, cmark_node_get_literal (child));
      else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        g_string_append_c (text, ' ');
      else
        append_plain_text (text, child);
    }
}

/* GtkLabel still reads its own fields after ::activate-link returns; a handler that
 * replaces the content would otherwise free the label under it. */
static gboolean
on_label_activate_link_cb (GtkLabel          *label,
                           const char        *uri,
                           KioskMarkdownView *self)
{
  g_idle_add_once (g_object_unref, g_object_ref (label));
  if (classify_link (uri) == LINK_INTERNAL)
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, uri);
  return TRUE;
}

static GtkWidget *
text_label_new (KioskMarkdownView *self,
                const char        *css_class,
                GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LINE_CHARS);
  gtk_widget_add_css_class (label, css_class);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_label_activate_link_cb), self);
  return label;
}

/* A label showing @markup, or NULL if it holds only white space; empties @markup. */
static GtkWidget *
label_take_markup (KioskMarkdownView *self,
                   GString           *markup,
                   const char        *css_class,
                   GtkAccessibleRole  role)
{
  g_autofree char *text = g_strstrip (g_strdup (markup->str));
  GtkWidget *label;

  g_string_truncate (markup, 0);
  if (*text == '\0')
    return NULL;
  label = text_label_new (self, css_class, role);
  gtk_label_set_markup (GTK_LABEL (label), text);
  return label;
}

static void
flush_paragraph (KioskMarkdownView *self,
                 GtkWidget         *box,
                 GString           *markup)
{
  GtkWidget *label = label_take_markup (self, markup, "paragraph", GTK_ACCESSIBLE_ROLE_LABEL);

  if (label != NULL)
    gtk_box_append (GTK_BOX (box), label);
}

static GtkWidget *
picture_new (KioskMarkdownView *self,
             const char        *name,
             const char        *alt)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *picture;

  texture = kiosk_media_load_texture (self->store, name, PICTURE_WIDTH, &error);
  if (texture == NULL)
    {
      g_debug ("Picture %s not shown: %s", name, error != NULL ? error->message : "no data");
      return NULL;
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, alt,
                                  -1);
  return picture;
}

/* A picture with its alt text as a caption; without the picture, the alt text alone. */
static void
add_figure (KioskMarkdownView *self,
            GtkWidget         *box,
            cmark_node        *image)
{
  g_autoptr(GString) alt = g_string_new (NULL);
  GtkWidget *picture;
  GtkWidget *frame;
  GtkWidget *figure;
  GtkWidget *caption;

  append_plain_text (alt, image);
  picture = picture_new (self, store_media_name (image), alt->str);
  caption = text_label_new (self, picture != NULL ? "caption" : "paragraph",
                            GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_label_set_text (GTK_LABEL (caption), alt->str);
  if (picture == NULL)
    {
      gtk_box_append (GTK_BOX (box), caption);
      return;
    }

  /* Straight in the column the picture would be stretched to the column's width and
   * blurred. A grid gives it no more than its natural width and shrinks it on a narrow
   * window; a horizontal GtkBox in GTK 4.8 gives a shrinkable picture no height. */
  frame = gtk_grid_new ();
  gtk_grid_attach (GTK_GRID (frame), picture, 0, 0, 1, 1);
  figure = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (figure, "figure");
  gtk_box_append (GTK_BOX (figure), frame);
  gtk_box_append (GTK_BOX (figure), caption);
  gtk_box_append (GTK_BOX (box), figure);
}

/* Pictures written on a paragraph's own level become figures between its text. */
static void
add_paragraph (KioskMarkdownView *self,
               GtkWidget         *box,
               cmark_node        *paragraph)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (cmark_node *child = cmark_node_first_child (paragraph); child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_IMAGE && store_media_name (child) != NULL)
        {
          flush_paragraph (self, box, markup);
          add_figure (self, box, child);
        }
      else
        {
          append_inline (markup, child);
        }
    }
  flush_paragraph (self, box, markup);
}

static void
add_heading (KioskMarkdownView *self,
             GtkWidget         *box,
             cmark_node        *heading)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  /* The title above the body is the only level 1; a stray # reads as a section. */
  int level = CLAMP (cmark_node_get_heading_level (heading), 2, 3);
  GtkWidget *label;

  append_inlines (markup, heading);
  label = label_take_markup (self, markup, level == 2 ? "heading-2" : "heading-3",
                             GTK_ACCESSIBLE_ROLE_HEADING);
  if (label == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
}

static void
add_code_block (KioskMarkdownView *self,
                GtkWidget         *box,
                cmark_node        *code)
{
  g_autofree char *text = g_strdup (cmark_node_get_literal (code));
  GtkWidget *label = text_label_new (self, "code-block", GTK_ACCESSIBLE_ROLE_LABEL);

  gtk_widget_add_css_class (label, "monospace");
  gtk_label_set_text (GTK_LABEL (label), g_strchomp (text));
  gtk_box_append (GTK_BOX (box), label);
}

static guint
list_depth (cmark_node *list)
{
  guint depth = 0;

  for (cmark_node *node = cmark_node_parent (list); node != NULL; node = cmark_node_parent (node))
    if (cmark_node_get_type (node) == CMARK_NODE_LIST)
      depth++;
  return depth;
}

static char *
list_marker (cmark_node *list,
             int         number)
{
  if (cmark_node_get_list_type (list) != CMARK_ORDERED_LIST)
    return g_strdup (list_depth (list) % 2 == 0 ? "•" : "◦");
  if (cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM)
    return g_strdup_printf ("%d)", number);
  return g_strdup_printf ("%d.", number);
}

static GtkWidget *
list_item_new (KioskMarkdownView *self,
               cmark_node        *item,
               const char        *marker_text,
               GtkSizeGroup      *markers)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *marker = gtk_label_new (marker_text);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (row, "list-item");
  gtk_widget_add_css_class (marker, "list-marker");
  gtk_label_set_xalign (GTK_LABEL (marker), 1);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_size_group_add_widget (markers, marker);
  /* The number is read before the item's text; a bullet is only decoration. */
  if (cmark_node_get_list_type (cmark_node_parent (item)) != CMARK_ORDERED_LIST)
    gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_widget_set_hexpand (content, TRUE);
  add_blocks (self, content, item);
  gtk_box_append (GTK_BOX (row), marker);
  gtk_box_append (GTK_BOX (row), content);
  return row;
}

static void
add_list (KioskMarkdownView *self,
          GtkWidget         *box,
          cmark_node        *list)
{
  g_autoptr(GtkSizeGroup) markers = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  int number = cmark_node_get_list_start (list);

  gtk_widget_add_css_class (rows, "list");
  for (cmark_node *item = cmark_node_first_child (list); item != NULL;
       item = cmark_node_next (item))
    {
      g_autofree char *marker = list_marker (list, number++);

      gtk_box_append (GTK_BOX (rows), list_item_new (self, item, marker, markers));
    }
  gtk_box_append (GTK_BOX (box), rows);
}

static gboolean
contains_phone_link (cmark_node *node)
{
  if (cmark_node_get_type (node) == CMARK_NODE_LINK &&
      classify_link (cmark_node_get_url (node)) == LINK_PHONE)
    return TRUE;
  for (cmark_node *child = cmark_node_first_child (node); child != NULL;
       child = cmark_node_next (child))
    if (contains_phone_link (child))
      return TRUE;
  return FALSE;
}

/* Authors use block quotes for "call now" advice; the phone says so before a word is read. */
static void
add_callout (KioskMarkdownView *self,
             GtkWidget         *box,
             cmark_node        *quote)
{
  GtkWidget *callout = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  icon = gtk_image_new_from_icon_name (contains_phone_link (quote) ? "call-start-symbolic"
                                                                   : "dialog-information-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "callout-icon");
  gtk_widget_add_css_class (callout, "callout");
  gtk_accessible_update_property (GTK_ACCESSIBLE (callout),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Important"),
                                  -1);
  gtk_widget_set_hexpand (content, TRUE);
  add_blocks (self, content, quote);
  gtk_box_append (GTK_BOX (callout), icon);
  gtk_box_append (GTK_BOX (callout), content);
  gtk_box_append (GTK_BOX (box), callout);
}

static void
add_separator (GtkWidget *box)
{
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_widget_add_css_class (separator, "thematic-break");
  gtk_box_append (GTK_BOX (box), separator);
}

static void
add_block (KioskMarkdownView *self,
           GtkWidget         *box,
           cmark_node        *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      add_paragraph (self, box, node);
      break;
    case CMARK_NODE_HEADING:
      add_heading (self, box, node);
      break;
    case CMARK_NODE_LIST:
      add_list (self, box, node);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      add_callout (self, box, node);
      break;
    case CMARK_NODE_CODE_BLOCK:
      add_code_block (self, box, node);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      add_separator (box);
      break;
    case CMARK_NODE_HTML_BLOCK:
    default:
      break;
    }
}

static void
add_blocks (KioskMarkdownView *self,
            GtkWidget         *box,
            cmark_node        *parent)
{
  for (cmark_node *child = cmark_node_first_child (parent); child != NULL;
       child = cmark_node_next (child))
    add_block (self, box, child);
}

void
kiosk_markdown_view_set_markdown (KioskMarkdownView *self,
                                  const char        *markdown)
{
  g_autoptr(cmark_node) document = NULL;
  GtkWidget *child;

  g_return_if_fail (KIOSK_IS_MARKDOWN_VIEW (self));

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  if (markdown == NULL)
    return;

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  add_blocks (self, self->content, document);
}

/* GTK places a height-for-width widget that does not fill its slot at the width it
 * asks for the height it was given, and for wrapped text that is all the width there
 * is. So the view sets its own measure: the column is as wide as its widest natural
 * line (max-width-chars, the picture width), or narrower if the window is. */
static int
column_width (KioskMarkdownView *self,
              int                width)
{
  int minimum, natural;

  gtk_widget_measure (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  if (width < 0)
    return natural;
  return MAX (minimum, MIN (width, natural));
}

static GtkSizeRequestMode
kiosk_markdown_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kiosk_markdown_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  KioskMarkdownView *self = KIOSK_MARKDOWN_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->content, orientation, -1, minimum, natural, NULL, NULL);
      return;
    }

  /* The page scrolls, not the view: a scrolled window gives its child the minimum
   * height, and pictures (which may shrink) would get none of it. */
  gtk_widget_measure (self->content, orientation, column_width (self, for_size),
                      minimum, natural, NULL, NULL);
  *minimum = *natural;
}

static void
kiosk_markdown_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  KioskMarkdownView *self = KIOSK_MARKDOWN_VIEW (widget);

  gtk_widget_allocate (self->content, column_width (self, width), height, -1, NULL);
}

static void
kiosk_markdown_view_dispose (GObject *object)
{
  KioskMarkdownView *self = KIOSK_MARKDOWN_VIEW (object);

  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_markdown_view_parent_class)->dispose (object);
}

static void
kiosk_markdown_view_class_init (KioskMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_markdown_view_dispose;

  /**
   * KioskMarkdownView::link-activated:
   * @uri: "article:ID" or "topic:ID"
   *
   * A person touched a link to another article or topic.
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__STRING,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  g_signal_set_va_marshaller (signals[LINK_ACTIVATED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__STRINGv);

  widget_class->get_request_mode = kiosk_markdown_view_get_request_mode;
  widget_class->measure = kiosk_markdown_view_measure;
  widget_class->size_allocate = kiosk_markdown_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "kioskmarkdownview");
}

static void
kiosk_markdown_view_init (KioskMarkdownView *self)
{
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
}

GtkWidget *
kiosk_markdown_view_new (KioskStore *store)
{
  KioskMarkdownView *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_MARKDOWN_VIEW, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
