/* test-markdown-view.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Article bodies on screen: every construct a body may use, everything it may not
 * (raw HTML, other link schemes, remote pictures), hostile text, and every bundled
 * article in both languages. Each case shows the view in a real window and looks at
 * the widgets there, not at an intermediate string.
 */

#include "config.h"

#include <string.h>

#include "kiosk-markdown-view.h"
#include "kiosk-media.h"
#include "kiosk-resources.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

typedef struct
{
  GtkWidget         *window;
  KioskMarkdownView *view;
  GPtrArray         *activated;   /* URIs from ::link-activated */
} Fixture;

static void
on_link_activated_cb (KioskMarkdownView *view,
                      const char        *uri,
                      GPtrArray         *activated)
{
  g_ptr_array_add (activated, g_strdup (uri));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
all_allocated (gpointer data)
{
  GtkWidget *widget = data;

  if (gtk_widget_get_visible (widget) && gtk_widget_get_width (widget) <= 0)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!all_allocated (child))
      return FALSE;
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->activated = g_ptr_array_new_with_free_func (g_free);
  f->window = gtk_window_new ();
  gtk_widget_add_css_class (f->window, "kiosk");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 768);
  f->view = KIOSK_MARKDOWN_VIEW (kiosk_markdown_view_new (kiosk_test_ui_bundled_store ()));
  g_signal_connect (f->view, "link-activated", G_CALLBACK (on_link_activated_cb), f->activated);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scroller);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (kiosk_test_ui_wait_until (is_mapped, f->window, 5000));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_ref (f->view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->view);
  g_ptr_array_unref (f->activated);
}

/* Shows @markdown and waits until every new widget has its place on screen. */
static void
show (Fixture    *f,
      const char *markdown)
{
  kiosk_markdown_view_set_markdown (f->view, markdown);
  g_assert_true (kiosk_test_ui_wait_until (all_allocated, f->view, 5000));
}

static void
collect_by_class (GtkWidget  *root,
                  const char *css_class,
                  GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, css_class) && gtk_widget_get_mapped (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_by_class (child, css_class, found);
}

static GPtrArray *
find_all (Fixture    *f,
          const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_by_class (GTK_WIDGET (f->view), css_class, found);
  return found;
}

static const char *
label_text (gpointer widget)
{
  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (widget);
}

static int
text_width (gpointer label)
{
  int width;

  pango_layout_get_pixel_size (gtk_label_get_layout (label), &width, NULL);
  return width;
}

static GtkLabel *
find_label (Fixture    *f,
            const char *text)
{
  GtkWidget *label = kiosk_test_ui_find_label (GTK_WIDGET (f->view), text);

  if (label == NULL)
    g_error ("No label shows “%s”", text);
  return GTK_LABEL (label);
}

static double
x_in_view (Fixture  *f,
           gpointer  widget)
{
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (f->view), 0, 0, &x, &y));
  return x;
}

static double
y_in_view (Fixture  *f,
           gpointer  widget)
{
  double x, y;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (f->view), 0, 0, &x, &y));
  return y;
}

/* Whether Pango draws all of @part in @label with an attribute of @type whose integer
 * value (style, weight) is at least @value, or whose font family is monospace. */
static gboolean
has_attribute (GtkLabel      *label,
               const char    *part,
               PangoAttrType  type,
               int            value)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  const char *found = strstr (text, part);
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoslist(PangoAttribute) list = NULL;
  guint start, end;

  g_assert_nonnull (found);
  if (attrs == NULL)
    return FALSE;
  start = found - text;
  end = start + strlen (part);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type != type || attr->start_index > start || attr->end_index < end)
        continue;
      if (type == PANGO_ATTR_FAMILY)
        return g_ascii_strcasecmp (((PangoAttrString *) attr)->value, "monospace") == 0;
      if (((PangoAttrInt *) attr)->value >= value)
        return TRUE;
    }
  return FALSE;
}

static void
assert_nowhere (Fixture    *f,
                const char *text)
{
  g_autofree char *shown = kiosk_test_ui_collect_text (GTK_WIDGET (f->view));

  if (strstr (shown, text) != NULL)
    g_error ("“%s” is on screen:\n%s", text, shown);
}

static void
test_headings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) h2 = NULL;
  g_autoptr(GPtrArray) h3 = NULL;

  show (f, "# Stray title\n\n## What it is\n\nText.\n\n### Details\n\n#### Deeper\n");

  h2 = find_all (f, "heading-2");
  h3 = find_all (f, "heading-3");
  g_assert_cmpuint (h2->len, ==, 2);
  g_assert_cmpstr (label_text (h2->pdata[0]), ==, "Stray title");
  g_assert_cmpstr (label_text (h2->pdata[1]), ==, "What it is");
  g_assert_cmpuint (h3->len, ==, 2);
  g_assert_cmpstr (label_text (h3->pdata[0]), ==, "Details");
  g_assert_cmpstr (label_text (h3->pdata[1]), ==, "Deeper");
  g_assert_cmpint (gtk_accessible_get_accessible_role (h2->pdata[1]), ==,
                   GTK_ACCESSIBLE_ROLE_HEADING);
}

static void
test_heading_size (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) h2 = NULL;
  g_autoptr(GPtrArray) h3 = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;

  show (f, "## Same\n\n### Same\n\nSame\n");

  /* The same word is drawn larger under ###, and larger still under ##. */
  h2 = find_all (f, "heading-2");
  h3 = find_all (f, "heading-3");
  paragraphs = find_all (f, "paragraph");
  g_assert_cmpint (text_width (h2->pdata[0]), >, text_width (h3->pdata[0]));
  g_assert_cmpint (text_width (h3->pdata[0]), >, text_width (paragraphs->pdata[0]));
}

static void
test_paragraph (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  GtkLabel *label;

  show (f, "Keep *calm* and **call** with `care`.\n\nSecond paragraph.\n");

  paragraphs = find_all (f, "paragraph");
  g_assert_cmpuint (paragraphs->len, ==, 2);
  label = paragraphs->pdata[0];
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Keep calm and call with care.");
  g_assert_true (has_attribute (label, "calm", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));
  g_assert_true (has_attribute (label, "call", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));
  g_assert_true (has_attribute (label, "care", PANGO_ATTR_FAMILY, 0));
  g_assert_false (has_attribute (label, "Keep", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));

  g_assert_false (gtk_label_get_selectable (label));
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_wrap_mode (label), ==, PANGO_WRAP_WORD_CHAR);
  g_assert_cmpfloat (gtk_label_get_xalign (label), ==, 0);
  g_assert_cmpint (gtk_label_get_max_width_chars (label), ==, 50);
  g_assert_cmpstr (label_text (paragraphs->pdata[1]), ==, "Second paragraph.");
}

static void
test_breaks (Fixture       *f,
             gconstpointer  data)
{
  show (f, "one line\nsame paragraph\n\nhard  \nbreak\n\nback\\\nslash\n");

  find_label (f, "one line same paragraph");
  find_label (f, "hard\nbreak");
  find_label (f, "back\nslash");
}

/* Characters in the longest line @label shows. */
static glong
longest_line (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  glong longest = 0;

  for (int i = 0; i < pango_layout_get_line_count (layout); i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);

      longest = MAX (longest, g_utf8_strlen (text + line->start_index, line->length));
    }
  return longest;
}

static void
test_long_text_wraps (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  GtkLabel *label;

  for (int i = 0; i < 60; i++)
    g_string_append (markdown, "Trẻ em cần được bảo vệ. ");
  show (f, markdown->str);

  /* The line stays readable: the label wraps at about 60 characters instead of
   * running the width of the window. */
  label = find_label (f, "Trẻ em cần");
  g_assert_cmpint (longest_line (label), >=, 50);
  g_assert_cmpint (longest_line (label), <=, 75);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), >, 5);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  GtkLabel *apple, *seed, *pear;

  show (f,
        "- Apple\n"
        "  - Seed\n"
        "- Pear\n"
        "\n"
        "Then:\n"
        "\n"
        "8. Eight\n"
        "9. Nine\n"
        "1. Ten, as Markdown counts on from the first number\n");

  items = find_all (f, "list-item");
  g_assert_cmpuint (items->len, ==, 6);
  markers = find_all (f, "list-marker");
  g_assert_cmpuint (markers->len, ==, 6);
  g_assert_cmpstr (label_text (markers->pdata[0]), ==, "•");
  g_assert_cmpstr (label_text (markers->pdata[1]), ==, "◦");
  g_assert_cmpstr (label_text (markers->pdata[2]), ==, "•");
  g_assert_cmpstr (label_text (markers->pdata[3]), ==, "8.");
  g_assert_cmpstr (label_text (markers->pdata[4]), ==, "9.");
  g_assert_cmpstr (label_text (markers->pdata[5]), ==, "10.");

  /* Each marker sits to the left of its own item's text, on the same line. */
  apple = find_label (f, "Apple");
  seed = find_label (f, "Seed");
  pear = find_label (f, "Pear");
  g_assert_cmpfloat (x_in_view (f, markers->pdata[0]), <, x_in_view (f, apple));
  g_assert_cmpfloat (y_in_view (f, markers->pdata[0]), ==, y_in_view (f, apple));
  g_assert_cmpfloat (x_in_view (f, seed), >, x_in_view (f, apple));
  g_assert_cmpfloat (x_in_view (f, pear), ==, x_in_view (f, apple));
  g_assert_cmpfloat (y_in_view (f, seed), >, y_in_view (f, apple));
  g_assert_cmpfloat (y_in_view (f, pear), >, y_in_view (f, seed));

  /* Numbers of different widths still line their items up. */
  g_assert_cmpfloat (x_in_view (f, find_label (f, "Nine")), ==,
                     x_in_view (f, find_label (f, "Ten")));
}

static void
test_callout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) callouts = NULL;
  GtkWidget *callout;
  GtkWidget *text;

  show (f,
        "Before.\n\n"
        "> **If a child is in danger, call [113](tel:113) now.**\n"
        ">\n"
        "> Second.\n\n"
        "After.\n");

  callouts = find_all (f, "callout");
  g_assert_cmpuint (callouts->len, ==, 1);
  callout = callouts->pdata[0];
  text = kiosk_test_ui_find_label (callout, "If a child is in danger, call 113 now.");
  g_assert_nonnull (text);
  g_assert_true (has_attribute (GTK_LABEL (text), "danger", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));
  g_assert_nonnull (kiosk_test_ui_find_label (callout, "Second."));
  g_assert_nonnull (kiosk_test_ui_find_type (callout, GTK_TYPE_IMAGE));
  g_assert_null (kiosk_test_ui_find_label (callout, "Before."));
  g_assert_null (kiosk_test_ui_find_label (callout, "After."));
}

static void
test_image (Fixture       *f,
            gconstpointer  data)
{
  const char *alt = "A well with a heavy lid";
  GtkWidget *picture;
  GdkPaintable *paintable;
  g_autoptr(GPtrArray) captions = NULL;

  show (f, "Text before.\n\n![A well with a heavy lid](media/well-cover.svg)\n\nText after.\n");

  picture = kiosk_test_ui_find_type (GTK_WIDGET (f->view), GTK_TYPE_PICTURE);
  g_assert_nonnull (picture);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  /* well-cover.svg has a 400 × 300 view box; it is drawn 560 pixels wide. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 560);
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (paintable),
                                  400.0 / 300.0, 0.01);
  g_assert_cmpfloat_with_epsilon ((double) gtk_widget_get_width (picture) /
                                  gtk_widget_get_height (picture), 400.0 / 300.0, 0.02);
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, alt);
  g_assert_true (gtk_picture_get_can_shrink (GTK_PICTURE (picture)));
  g_assert_cmpint (gtk_picture_get_content_fit (GTK_PICTURE (picture)), ==,
                   GTK_CONTENT_FIT_CONTAIN);

  captions = find_all (f, "caption");
  g_assert_cmpuint (captions->len, ==, 1);
  g_assert_cmpstr (label_text (captions->pdata[0]), ==, alt);
  g_assert_cmpfloat (y_in_view (f, captions->pdata[0]), >, y_in_view (f, picture));
  g_assert_cmpfloat (y_in_view (f, picture), >, y_in_view (f, find_label (f, "Text before.")));
  g_assert_cmpfloat (y_in_view (f, find_label (f, "Text after.")), >,
                     y_in_view (f, captions->pdata[0]));
}

static void
test_image_refused (Fixture       *f,
                    gconstpointer  data)
{
  show (f,
        "![Remote picture](https://example.org/x.png)\n\n"
        "![Local file](file:///etc/hostname)\n\n"
        "![Escaping name](media/../well-cover.svg)\n\n"
        "![Not in the store](media/nothing-here.svg)\n\n"
        "Inline ![data picture](data:image/png;base64,AAAA) here.\n");

  g_assert_null (kiosk_test_ui_find_type (GTK_WIDGET (f->view), GTK_TYPE_PICTURE));
  find_label (f, "Remote picture");
  find_label (f, "Local file");
  find_label (f, "Escaping name");
  find_label (f, "Not in the store");
  find_label (f, "Inline data picture here.");
  assert_nowhere (f, "https:");
  assert_nowhere (f, "media/");
}

static void
test_internal_links (Fixture       *f,
                     gconstpointer  data)
{
  GtkLabel *label;
  gboolean handled = FALSE;

  show (f, "Read [first aid](article:injury-drowning-first-aid) or the "
           "[injury topic](topic:injury).\n");

  label = find_label (f, "Read first aid or the injury topic.");
  g_assert_nonnull (strstr (gtk_label_get_label (label),
                            "<a href=\"article:injury-drowning-first-aid\">first aid</a>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label),
                            "<a href=\"topic:injury\">injury topic</a>"));

  g_signal_emit_by_name (label, "activate-link", "article:injury-drowning-first-aid", &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (label, "activate-link", "topic:injury", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (f->activated->len, ==, 2);
  g_assert_cmpstr (f->activated->pdata[0], ==, "article:injury-drowning-first-aid");
  g_assert_cmpstr (f->activated->pdata[1], ==, "topic:injury");

  /* Nothing else is ever handed to the system to open. */
  handled = FALSE;
  g_signal_emit_by_name (label, "activate-link", "https://example.org/", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (f->activated->len, ==, 2);
}

static void
on_link_replace_content_cb (KioskMarkdownView *view,
                            const char        *uri,
                            gpointer           data)
{
  kiosk_markdown_view_set_markdown (view, "The next article.");
}

/* The article page shows the linked article from the link's own handler; the label
 * that was touched is gone by the time GtkLabel finishes handling the touch. */
static void
test_link_replaces_content (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *label;

  g_signal_connect (f->view, "link-activated", G_CALLBACK (on_link_replace_content_cb), NULL);
  show (f, "Go to [the next one](article:abuse-signs).\n");
  label = GTK_WIDGET (find_label (f, "Go to the next one."));

  g_assert_true (gtk_widget_child_focus (label, GTK_DIR_TAB_FORWARD));
  g_signal_emit_by_name (label, "activate-current-link");
  g_assert_cmpuint (f->activated->len, ==, 1);
  g_assert_cmpstr (f->activated->pdata[0], ==, "article:abuse-signs");

  g_assert_true (kiosk_test_ui_wait_until (all_allocated, f->view, 5000));
  kiosk_test_ui_wait (50);
  find_label (f, "The next article.");
  assert_nowhere (f, "Go to");
}

static void
test_tel (Fixture       *f,
          gconstpointer  data)
{
  GtkLabel *label;
  gboolean handled = FALSE;

  show (f, "Call [111](tel:111), free.\n\nOr the commune [0232 3 822 123](tel:02323822123).\n");

  label = find_label (f, "Call 111, free.");
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>111</b>"));
  g_assert_true (has_attribute (label, "111", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));
  g_assert_null (strstr (gtk_label_get_label (label), "<a"));
  label = find_label (f, "Or the commune 0232 3 822 123.");
  g_assert_null (strstr (gtk_label_get_label (label), "<a"));
  assert_nowhere (f, "tel:");

  g_signal_emit_by_name (label, "activate-link", "tel:111", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (f->activated->len, ==, 0);
}

static void
test_raw_html (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  GtkLabel *label;

  show (f,
        "<script>alert(1)</script>\n\n"
        "Safe <b>x</b> text <img src=x onerror=alert(2)> end.\n\n"
        "<div>\nblock html\n</div>\n\n"
        "<!-- a comment -->\n\n"
        "Last.\n");

  assert_nowhere (f, "<script");
  assert_nowhere (f, "alert");
  assert_nowhere (f, "<b>x</b>");
  assert_nowhere (f, "<img");
  assert_nowhere (f, "<div");
  assert_nowhere (f, "block html");
  assert_nowhere (f, "comment");
  label = find_label (f, "Safe x text  end.");
  g_assert_false (has_attribute (label, "x", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));
  paragraphs = find_all (f, "paragraph");
  g_assert_cmpuint (paragraphs->len, ==, 2);
}

static void
test_other_schemes (Fixture       *f,
                    gconstpointer  data)
{
  GtkLabel *label;

  show (f,
        "[Click me](javascript:alert(1)) and [a site](http://example.org) and "
        "[a file](file:///etc/passwd) and [data](data:text/html,hi) and "
        "[bad id](article:../secret) and [quoted](<article:abuse-signs\" onclick=\"x>).\n");

  label = find_label (f, "Click me and a site and a file and data and bad id and quoted.");
  g_assert_null (strstr (gtk_label_get_label (label), "<a"));
  g_assert_null (strstr (gtk_label_get_label (label), "javascript"));
  g_assert_null (strstr (gtk_label_get_label (label), "onclick"));
  assert_nowhere (f, "http");
  assert_nowhere (f, "passwd");
}

static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *label;

  show (f,
        "## Fish & chips < 5 >\n\n"
        "Tom & Jerry: 5 < 6 > 4, it's \"quoted\" &copy; &amp;amp; '</span>\n\n"
        "\\<b\\>not bold\\</b\\> and `<i>&amp;</i>`\n\n"
        "- [R&D <3 'q'](article:abuse-signs)\n");

  find_label (f, "Fish & chips < 5 >");
  find_label (f, "Tom & Jerry: 5 < 6 > 4, it's \"quoted\" © &amp; '");
  label = find_label (f, "<b>not bold</b> and <i>&amp;</i>");
  g_assert_false (has_attribute (label, "not bold", PANGO_ATTR_WEIGHT, PANGO_WEIGHT_BOLD));
  g_assert_false (has_attribute (label, "&amp;", PANGO_ATTR_STYLE, PANGO_STYLE_ITALIC));
  find_label (f, "R&D <3 'q'");
}

static void
test_code_block (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) blocks = NULL;

  show (f, "```\n<b>not bold</b> & <script>\n  indented\n```\n");

  blocks = find_all (f, "code-block");
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (label_text (blocks->pdata[0]), ==, "<b>not bold</b> & <script>\n  indented");
  g_assert_true (gtk_widget_has_css_class (blocks->pdata[0], "monospace"));
}

static void
test_thematic_break (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *separator;

  show (f, "Above.\n\n---\n\nBelow.\n");

  separator = kiosk_test_ui_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEPARATOR);
  g_assert_nonnull (separator);
  g_assert_cmpfloat (y_in_view (f, separator), >, y_in_view (f, find_label (f, "Above.")));
  g_assert_cmpfloat (y_in_view (f, find_label (f, "Below.")), >, y_in_view (f, separator));
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  show (f, "## Old\n\nOld text.\n");
  show (f, "New text.\n");

  find_label (f, "New text.");
  assert_nowhere (f, "Old");
  show (f, "");
  g_assert_null (kiosk_test_ui_find_type (GTK_WIDGET (f->view), GTK_TYPE_LABEL));
}

static void
check_body (Fixture      *f,
            KioskArticle *article,
            KioskLang     lang)
{
  g_autoptr(GPtrArray) headings = NULL;
  g_autofree char *shown = NULL;

  show (f, article->body[lang]);
  headings = find_all (f, "heading-2");
  shown = kiosk_test_ui_collect_text (GTK_WIDGET (f->view));
  g_test_message ("%s.%s: %u sections, %zu bytes shown", article->id,
                  kiosk_lang_to_string (lang), headings->len, strlen (shown));
  /* Every guidance article has its four sections; no Markdown syntax leaks through. */
  g_assert_cmpuint (headings->len, >=, 4);
  g_assert_null (strstr (shown, "]("));
  g_assert_null (strstr (shown, "**"));
  g_assert_null (strstr (shown, "tel:"));
  g_assert_null (strstr (shown, "article:"));
  g_assert_null (strstr (shown, "## "));
}

static void
test_bundled_articles (Fixture       *f,
                       gconstpointer  data)
{
  KioskStore *store = kiosk_test_ui_bundled_store ();
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = kiosk_store_list_articles (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >, 0);
  for (guint i = 0; i < articles->len; i++)
    {
      KioskArticle *listed = articles->pdata[i];
      g_autoptr(KioskArticle) article = kiosk_store_get_article (store, listed->id, &error);

      g_assert_no_error (error);
      check_body (f, article, KIOSK_LANG_VI);
      check_body (f, article, KIOSK_LANG_EN);
    }
}

/* A window like the kiosk's: the page centres the column; the window sets the text
 * size. Writes PNGs to look at, at normal and double size and in high contrast. */
static void
screenshot (const char *markdown,
            const char *window_class,
            const char *name)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = kiosk_markdown_view_new (kiosk_test_ui_bundled_store ());
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  gtk_widget_add_css_class (window, "kiosk");
  if (window_class != NULL)
    gtk_widget_add_css_class (window, window_class);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_widget_set_halign (column, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (column, "page-content");
  gtk_box_append (GTK_BOX (column), view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), column);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  kiosk_markdown_view_set_markdown (KIOSK_MARKDOWN_VIEW (view), markdown);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kiosk_test_ui_wait_until (is_mapped, view, 5000));
  g_assert_true (kiosk_test_ui_wait_until (all_allocated, view, 5000));
  kiosk_test_ui_wait (100);

  /* The view itself: the helper scales a widget with padding to its content size. */
  kiosk_test_ui_screenshot (view, path);
  g_test_message ("Screenshot: %s", path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshot (void)
{
  g_autoptr(GtkCssProvider) sizes = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) contrast = gtk_css_provider_new ();
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* What the window's text size switch does, at its smallest and largest step. */
  gtk_css_provider_load_from_data (sizes,
                                   "window.kiosk { font-size: 17px; }"
                                   "window.kiosk.text-200 { font-size: 34px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (sizes),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  article = kiosk_store_get_article (kiosk_test_ui_bundled_store (), "injury-drowning-home",
                                     &error);
  g_assert_no_error (error);
  screenshot (article->body[KIOSK_LANG_VI], NULL, "kiosk-markdown-view.png");
  screenshot (article->body[KIOSK_LANG_EN], "text-200", "kiosk-markdown-view-200.png");

  /* The application loads the high-contrast sheet after the main one, so it wins. */
  gtk_css_provider_load_from_resource (contrast, "/org/goctreem/Kiosk/style-hc.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (contrast),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  screenshot (article->body[KIOSK_LANG_VI], "high-contrast", "kiosk-markdown-view-hc.png");

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (contrast));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (sizes));
}

typedef struct {
  KioskStore *store;
  const char *name;
} ReadAhead;

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *job = data;

  kiosk_media_read_ahead (job->store, job->name, 560);
  return NULL;
}

/* A picture read ahead in another thread is handed to the first load of that picture
 * at that width, once; forgotten, it is not handed out at all. An empty store, which
 * has no pictures of its own, tells where a texture came from. */
static void
test_read_ahead (void)
{
  ReadAhead job = { kiosk_test_ui_bundled_store (), "well-cover.svg" };
  g_autofree char *dir = kiosk_test_mkdtemp ("read-ahead");
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(KioskStore) empty = kiosk_store_open (path, KIOSK_STORE_WRITER, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) again = NULL;
  g_autoptr(GdkTexture) narrower = NULL;
  g_autoptr(GdkTexture) forgotten = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (empty);
  g_thread_join (g_thread_new ("read-ahead", read_ahead_thread, &job));

  narrower = kiosk_media_load_texture (empty, "well-cover.svg", 280, NULL);
  g_assert_null (narrower);
  texture = kiosk_media_load_texture (empty, "well-cover.svg", 560, &error);
  g_assert_no_error (error);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 560);
  again = kiosk_media_load_texture (empty, "well-cover.svg", 560, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_thread_join (g_thread_new ("read-ahead", read_ahead_thread, &job));
  kiosk_media_forget_read_ahead ();
  forgotten = kiosk_media_load_texture (empty, "well-cover.svg", 560, NULL);
  g_assert_null (forgotten);
  kiosk_test_rm_rf (dir);
}

#define ADD(path, func) \
  g_test_add ("/kiosk/markdown-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* The resources live in a static library: naming them links them (and so
   * registers them) even while nothing else in this program does. */
  g_assert_nonnull (kiosk_get_resource ());
  kiosk_test_init_dirs ();
  kiosk_test_ui_init (&argc, &argv);

  ADD ("headings", test_headings);
  ADD ("heading-size", test_heading_size);
  ADD ("paragraph", test_paragraph);
  ADD ("breaks", test_breaks);
  ADD ("long-text-wraps", test_long_text_wraps);
  ADD ("lists", test_lists);
  ADD ("callout", test_callout);
  ADD ("image", test_image);
  ADD ("image-refused", test_image_refused);
  ADD ("internal-links", test_internal_links);
  ADD ("link-replaces-content", test_link_replaces_content);
  ADD ("tel", test_tel);
  ADD ("raw-html", test_raw_html);
  ADD ("other-schemes", test_other_schemes);
  ADD ("hostile-text", test_hostile_text);
  ADD ("code-block", test_code_block);
  ADD ("thematic-break", test_thematic_break);
  ADD ("replace", test_replace);
  ADD ("bundled-articles", test_bundled_articles);
  g_test_add_func ("/kiosk/markdown-view/screenshot", test_screenshot);
  g_test_add_func ("/kiosk/media/read-ahead", test_read_ahead);

  return g_test_run ();
}
