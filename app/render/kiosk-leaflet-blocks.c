/* kiosk-leaflet-blocks.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark keeps raw HTML and any link scheme in its tree, even in safe mode, so this walk
 * decides what reaches paper: HTML is dropped, article: and topic: links become their
 * text, tel: links their number, and every literal is escaped before it meets Pango.
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "kiosk-leaflet-blocks.h"

typedef struct {
  GPtrArray *blocks;
  GPtrArray *images;   /* images met inside text, placed after the block holding them */
} Walk;

static void append_inlines (GString    *out,
                            cmark_node *parent,
                            Walk       *walk);
static void flatten_block  (GString    *out,
                            cmark_node *node,
                            Walk       *walk);

KioskBlock *
kiosk_block_new (KioskBlockKind  kind,
                 const char     *markup)
{
  KioskBlock *block = g_new0 (KioskBlock, 1);

  block->kind = kind;
  block->markup = g_strdup (markup);
  return block;
}

void
kiosk_block_free (KioskBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->markup);
  g_free (block->marker);
  g_free (block->image);
  g_free (block->alt);
  g_free (block);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ?: "", -1);

  g_string_append (out, escaped);
}

static void
append_plain (GString    *out,
              cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    {
      if (cmark_node_get_literal (child) != NULL)
        g_string_append (out, cmark_node_get_literal (child));
      append_plain (out, child);
    }
}

static char *
digits_only (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/* A tel: link prints as its number, in bold; the number is added when the link text
 * does not already show it ("gọi ngay" → "gọi ngay (111)"). */
static void
append_tel_link (GString    *out,
                 cmark_node *link,
                 const char *number,
                 Walk       *walk)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *text_digits = NULL;
  g_autofree char *number_digits = digits_only (number);

  append_plain (text, link);
  text_digits = digits_only (text->str);
  g_string_append (out, "<b>");
  if (text->len == 0)
    append_escaped (out, number);
  else
    append_inlines (out, link, walk);
  if (text->len > 0 && *number_digits != '\0' && strstr (text_digits, number_digits) == NULL)
    {
      g_string_append (out, " (");
      append_escaped (out, number);
      g_string_append (out, ")");
    }
  g_string_append (out, "</b>");
}

static void
append_link (GString    *out,
             cmark_node *link,
             Walk       *walk)
{
  const char *url = cmark_node_get_url (link) ?: "";

  if (g_str_has_prefix (url, "tel:"))
    append_tel_link (out, link, url + strlen ("tel:"), walk);
  else
    append_inlines (out, link, walk);
}

static void
add_image (Walk       *walk,
           cmark_node *image)
{
  const char *url = cmark_node_get_url (image) ?: "";
  g_autoptr(GString) alt = g_string_new (NULL);
  KioskBlock *block;

  /* Only the repository's own pictures: a remote image would never load on paper. */
  if (!g_str_has_prefix (url, "media/"))
    return;
  append_plain (alt, image);
  block = kiosk_block_new (KIOSK_BLOCK_IMAGE, NULL);
  block->image = g_strdup (url + strlen ("media/"));
  block->alt = g_strdup (alt->str);
  g_ptr_array_add (walk->images, block);
}

static void
append_wrapped (GString    *out,
                const char *tag,
                cmark_node *node,
                Walk       *walk)
{
  g_string_append_printf (out, "<%s>", tag);
  append_inlines (out, node, walk);
  g_string_append_printf (out, "</%s>", tag);
}

static void
append_inline (GString    *out,
               cmark_node *node,
               Walk       *walk)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      append_escaped (out, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (out, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (out, '\n');
      break;
    case CMARK_NODE_EMPH:
      append_wrapped (out, "i", node, walk);
      break;
    case CMARK_NODE_STRONG:
      append_wrapped (out, "b", node, walk);
      break;
    case CMARK_NODE_LINK:
      append_link (out, node, walk);
      break;
    case CMARK_NODE_IMAGE:
      add_image (walk, node);
      break;
    default:
      /* Raw HTML and anything unknown never reaches paper. */
      break;
    }
}

static void
append_inlines (GString    *out,
                cmark_node *parent,
                Walk       *walk)
{
  for (cmark_node *child = cmark_node_first_child (parent); child; child = cmark_node_next (child))
    append_inline (out, child, walk);
}

static char *
inline_markup (cmark_node *node,
               Walk       *walk)
{
  GString *out = g_string_new (NULL);

  append_inlines (out, node, walk);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
flush_images (Walk *walk)
{
  for (guint i = 0; i < walk->images->len; i++)
    g_ptr_array_add (walk->blocks, g_steal_pointer (&walk->images->pdata[i]));
  g_ptr_array_set_size (walk->images, 0);
}

static void
add_text_block (Walk           *walk,
                KioskBlockKind  kind,
                char           *markup)
{
  if (markup != NULL && *markup != '\0')
    g_ptr_array_add (walk->blocks, kiosk_block_new (kind, markup));
  g_free (markup);
}

static void
flatten_children (GString    *out,
                  cmark_node *node,
                  Walk       *walk)
{
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    flatten_block (out, child, walk);
}

/* Any block as lines of markup, for the inside of call-outs. */
static void
flatten_block (GString    *out,
               cmark_node *node,
               Walk       *walk)
{
  g_autofree char *markup = NULL;
  gsize before = out->len;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      markup = inline_markup (node, walk);
      break;
    case CMARK_NODE_HEADING:
      markup = inline_markup (node, walk);
      g_string_append (out, "<b>");
      g_string_append (out, markup);
      g_string_append (out, "</b>");
      g_clear_pointer (&markup, g_free);
      break;
    case CMARK_NODE_ITEM:
      g_string_append (out, "•\u00a0");
      flatten_children (out, node, walk);
      return;
    case CMARK_NODE_CODE_BLOCK:
      markup = g_markup_escape_text (cmark_node_get_literal (node) ?: "", -1);
      g_strchomp (markup);
      break;
    case CMARK_NODE_LIST:
    case CMARK_NODE_BLOCK_QUOTE:
      flatten_children (out, node, walk);
      return;
    default:
      return;
    }
  if (markup != NULL)
    g_string_append (out, markup);
  if (out->len > before)
    g_string_append_c (out, '\n');
}

static char *
chomp_markup (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
add_callout (Walk       *walk,
             cmark_node *quote)
{
  GString *out = g_string_new (NULL);

  flatten_children (out, quote, walk);
  add_text_block (walk, KIOSK_BLOCK_CALLOUT, chomp_markup (out));
  flush_images (walk);
}

static void add_list (Walk       *walk,
                      cmark_node *list,
                      int         depth);

static char *
item_marker (cmark_node *list,
             int         index,
             int         depth)
{
  if (cmark_node_get_list_type (list) == CMARK_ORDERED_LIST)
    return g_strdup_printf ("%d%c", cmark_node_get_list_start (list) + index,
                            cmark_node_get_list_delim (list) == CMARK_PAREN_DELIM ? ')' : '.');
  return g_strdup (depth == 0 ? "•" : "–");
}

/* An item's own text is one block; a list inside it follows as deeper items. */
static void
add_item (Walk       *walk,
          cmark_node *item,
          char       *marker,
          int         depth)
{
  GString *out = g_string_new (NULL);
  KioskBlock *block;
  g_autoptr(GPtrArray) nested = g_ptr_array_new ();

  for (cmark_node *child = cmark_node_first_child (item); child; child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_LIST)
        g_ptr_array_add (nested, child);
      else
        flatten_block (out, child, walk);
    }

  block = kiosk_block_new (KIOSK_BLOCK_ITEM, NULL);
  block->markup = chomp_markup (out);
  block->marker = marker;
  block->level = depth;
  g_ptr_array_add (walk->blocks, block);
  flush_images (walk);
  for (guint i = 0; i < nested->len; i++)
    add_list (walk, nested->pdata[i], depth + 1);
}

static void
add_list (Walk       *walk,
          cmark_node *list,
          int         depth)
{
  int index = 0;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    add_item (walk, item, item_marker (list, index++, depth), depth);
}

static void
add_heading (Walk       *walk,
             cmark_node *node)
{
  char *markup = inline_markup (node, walk);
  KioskBlock *block;

  if (*markup == '\0')
    {
      g_free (markup);
      return;
    }
  block = kiosk_block_new (KIOSK_BLOCK_HEADING, NULL);
  block->markup = markup;
  /* The title is above the body already: a stray # prints as a section heading. */
  block->level = MAX (2, cmark_node_get_heading_level (node));
  g_ptr_array_add (walk->blocks, block);
  flush_images (walk);
}

static void
add_block (Walk       *walk,
           cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      add_heading (walk, node);
      break;
    case CMARK_NODE_PARAGRAPH:
      add_text_block (walk, KIOSK_BLOCK_PARAGRAPH, inline_markup (node, walk));
      flush_images (walk);
      break;
    case CMARK_NODE_CODE_BLOCK:
      add_text_block (walk, KIOSK_BLOCK_PARAGRAPH,
                      g_strchomp (g_markup_escape_text (cmark_node_get_literal (node) ?: "", -1)));
      break;
    case CMARK_NODE_LIST:
      add_list (walk, node, 0);
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      add_callout (walk, node);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      g_ptr_array_add (walk->blocks, kiosk_block_new (KIOSK_BLOCK_RULE, NULL));
      break;
    default:
      /* HTML blocks are dropped. */
      break;
    }
}

GPtrArray *
kiosk_leaflet_blocks_parse (const char *markdown)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_block_free);
  Walk walk = {
    .blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_block_free),
    .images = images,
  };
  cmark_node *document;

  g_return_val_if_fail (markdown != NULL, NULL);

  document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    add_block (&walk, node);
  cmark_node_free (document);
  return walk.blocks;
}
