/* kiosk-markdown-check.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <cmark.h>
#include <string.h>

#include "kiosk-diagnostic.h"
#include "kiosk-repo-format.h"
#include "kiosk-markdown-check.h"

typedef struct
{
  const KioskBodyRules *rules;
  KioskBodyInfo        *info;
  GPtrArray            *diagnostics;
  const char           *file;
  guint                 first_line;

  /* Text of the paragraph or heading being read, '\n' where its source lines break. */
  GString              *block;
  guint                 block_line;

  /* Sections found so far: a bit per section, and the last one's index. */
  guint                 sections_seen;
  int                   last_section;

  /* The line of the last raw HTML reported. */
  guint                 html_line;
} Checker;

void
kiosk_body_info_init (KioskBodyInfo *info)
{
  info->n_words = 0;
  info->media = g_ptr_array_new_with_free_func (g_free);
}

void
kiosk_body_info_clear (KioskBodyInfo *info)
{
  g_clear_pointer (&info->media, g_ptr_array_unref);
}

static guint
node_line (Checker    *self,
           cmark_node *node)
{
  int line = cmark_node_get_start_line (node);

  return self->first_line + MAX (line, 1) - 1;
}

static void G_GNUC_PRINTF (4, 5)
report (Checker              *self,
        KioskDiagnosticLevel  level,
        guint                 line,
        const char           *format,
        ...)
{
  va_list args;

  va_start (args, format);
  kiosk_diagnostics_add_valist (self->diagnostics, level, self->file, line, format, args);
  va_end (args);
}

static gboolean
is_closing_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         c == '"' || c == '\'';
}

/* "nước." and "(gọi 111!)" both end a sentence. */
static gboolean
ends_sentence (const char *word,
               const char *end)
{
  while (end > word)
    {
      const char *prev = g_utf8_find_prev_char (word, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026)
        return TRUE;
      if (!is_closing_mark (c))
        return FALSE;
      end = prev;
    }
  return FALSE;
}

/* Moves *p past white space (counting line breaks) and one word; returns the word's start
 * or NULL at the end of the text. */
static const char *
next_word (const char **p,
           guint       *line)
{
  const char *start;

  while (**p != '\0' && g_unichar_isspace (g_utf8_get_char (*p)))
    {
      if (**p == '\n')
        (*line)++;
      *p = g_utf8_next_char (*p);
    }
  if (**p == '\0')
    return NULL;
  start = *p;
  while (**p != '\0' && !g_unichar_isspace (g_utf8_get_char (*p)))
    *p = g_utf8_next_char (*p);
  return start;
}

static void
check_sentence (Checker *self,
                guint    n_words,
                guint    line)
{
  if (self->rules->lint && n_words > KIOSK_SENTENCE_MAX_WORDS)
    report (self, KIOSK_DIAGNOSTIC_WARNING, line,
            _("sentence of %u words; keep sentences to %u words or fewer"),
            n_words, KIOSK_SENTENCE_MAX_WORDS);
}

/* A paragraph or heading ends every sentence in it, even one without a full stop. */
static void
finish_block (Checker *self)
{
  const char *p = self->block->str;
  const char *word;
  guint line = self->block_line;
  guint sentence_line = line;
  guint sentence_words = 0;

  while ((word = next_word (&p, &line)) != NULL)
    {
      if (sentence_words++ == 0)
        sentence_line = line;
      self->info->n_words++;
      if (ends_sentence (word, p))
        {
          check_sentence (self, sentence_words, sentence_line);
          sentence_words = 0;
        }
    }
  check_sentence (self, sentence_words, sentence_line);
  g_string_truncate (self->block, 0);
}

static void
start_block (Checker    *self,
             cmark_node *node)
{
  g_string_truncate (self->block, 0);
  self->block_line = node_line (self, node);
}

static gboolean
is_phone_number (const char *number)
{
  gboolean has_digit = FALSE;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '+')
        return FALSE;
      has_digit |= g_ascii_isdigit (*p);
    }
  return has_digit;
}

static void
check_link_target (Checker    *self,
                   cmark_node *node,
                   GHashTable *known,
                   const char *id,
                   const char *what)
{
  if (!kiosk_object_id_is_valid (id) || !g_hash_table_contains (known, id))
    report (self, KIOSK_DIAGNOSTIC_ERROR, node_line (self, node),
            _("broken link: there is no %s '%s'"), what, id);
}

static void
check_link (Checker    *self,
            cmark_node *node)
{
  const char *url = cmark_node_get_url (node);

  if (g_str_has_prefix (url, "article:"))
    check_link_target (self, node, self->rules->articles, url + strlen ("article:"),
                       _("article"));
  else if (g_str_has_prefix (url, "topic:"))
    check_link_target (self, node, self->rules->topics, url + strlen ("topic:"), _("topic"));
  else if (g_str_has_prefix (url, "tel:"))
    {
      if (!is_phone_number (url + strlen ("tel:")))
        report (self, KIOSK_DIAGNOSTIC_ERROR, node_line (self, node),
                _("bad phone link '%s': only digits, spaces and '+' may follow 'tel:'"), url);
    }
  else
    report (self, KIOSK_DIAGNOSTIC_ERROR, node_line (self, node),
            _("link '%s' is not allowed: links start with article:, topic: or tel:"), url);
}

static void
append_text (GString    *out,
             cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      if (cmark_node_get_literal (child) != NULL)
        g_string_append (out, cmark_node_get_literal (child));
      append_text (out, child);
    }
}

static void
add_media (KioskBodyInfo *info,
           const char    *id)
{
  if (!g_ptr_array_find_with_equal_func (info->media, id, g_str_equal, NULL))
    g_ptr_array_add (info->media, g_strdup (id));
}

static void
check_image (Checker    *self,
             cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  const char *name = g_str_has_prefix (url, "media/") ? url + strlen ("media/") : NULL;
  g_autoptr(GString) alt = g_string_new (NULL);

  if (name == NULL)
    report (self, KIOSK_DIAGNOSTIC_ERROR, node_line (self, node),
            _("image '%s' is not allowed: images are written media/<name>"), url);
  else if (!kiosk_media_id_is_valid (name) || !g_hash_table_contains (self->rules->media, name))
    report (self, KIOSK_DIAGNOSTIC_ERROR, node_line (self, node),
            _("broken image: media/%s does not exist"), name);
  else
    add_media (self->info, name);

  append_text (alt, node);
  if (self->rules->lint && g_strstrip (alt->str)[0] == '\0')
    report (self, KIOSK_DIAGNOSTIC_WARNING, node_line (self, node),
            _("image without alt text: say what the picture shows"));
}

static int
find_section (Checker    *self,
              const char *title)
{
  g_autofree char *wanted = g_utf8_normalize (title, -1, G_NORMALIZE_NFC);

  g_strstrip (wanted);
  for (int i = 0; self->rules->sections[i] != NULL; i++)
    {
      g_autofree char *section = g_utf8_normalize (self->rules->sections[i], -1,
                                                   G_NORMALIZE_NFC);

      if (g_str_equal (section, wanted))
        return i;
    }
  return -1;
}

static void
check_section_order (Checker    *self,
                     cmark_node *node)
{
  int index = find_section (self, self->block->str);

  if (index < 0)
    return;
  if (index < self->last_section)
    report (self, KIOSK_DIAGNOSTIC_WARNING, node_line (self, node),
            _("section '## %s' is out of order: it comes before '## %s'"),
            self->rules->sections[index], self->rules->sections[self->last_section]);
  self->sections_seen |= 1u << index;
  self->last_section = MAX (self->last_section, index);
}

static void
check_heading (Checker    *self,
               cmark_node *node)
{
  int level = cmark_node_get_heading_level (node);

  if (!self->rules->lint)
    return;
  if (level == 1 || level > 3)
    report (self, KIOSK_DIAGNOSTIC_WARNING, node_line (self, node),
            _("use '##' or '###' headings: the title is already shown above the body"));
  if (level == 2 && self->rules->sections != NULL)
    check_section_order (self, node);
}

static void
check_missing_sections (Checker *self)
{
  if (!self->rules->lint || self->rules->sections == NULL)
    return;
  for (int i = 0; self->rules->sections[i] != NULL; i++)
    if ((self->sections_seen & (1u << i)) == 0)
      report (self, KIOSK_DIAGNOSTIC_WARNING, self->first_line,
              _("missing section '## %s'"), self->rules->sections[i]);
}

static void
check_length (Checker *self)
{
  guint n_words = self->info->n_words;

  if (self->rules->lint && (n_words < KIOSK_BODY_MIN_WORDS || n_words > KIOSK_BODY_MAX_WORDS))
    report (self, KIOSK_DIAGNOSTIC_WARNING, self->first_line,
            _("the body has %u words; aim for %u to %u"),
            n_words, KIOSK_BODY_MIN_WORDS, KIOSK_BODY_MAX_WORDS);
}

/* Once per line: `<b>x</b>` is two HTML nodes but one mistake. */
static void
check_html (Checker    *self,
            cmark_node *node)
{
  guint line = node_line (self, node);

  if (line == self->html_line)
    return;
  report (self, KIOSK_DIAGNOSTIC_ERROR, line, _("raw HTML is not allowed"));
  self->html_line = line;
}

static void
enter_node (Checker    *self,
            cmark_iter *iter,
            cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
      check_html (self, node);
      break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      start_block (self, node);
      break;
    case CMARK_NODE_CODE_BLOCK:
      start_block (self, node);
      g_string_append (self->block, cmark_node_get_literal (node));
      finish_block (self);
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      g_string_append (self->block, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (self->block, '\n');
      break;
    case CMARK_NODE_LINK:
      check_link (self, node);
      break;
    case CMARK_NODE_IMAGE:
      check_image (self, node);
      /* The alt text is read out instead of the picture; it is not part of the body. */
      cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
      break;
    default:
      break;
    }
}

static void
leave_node (Checker    *self,
            cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      check_heading (self, node);
      finish_block (self);
      break;
    case CMARK_NODE_PARAGRAPH:
      finish_block (self);
      break;
    default:
      break;
    }
}

static void
walk (Checker    *self,
      cmark_node *document)
{
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER)
        enter_node (self, iter, node);
      else
        leave_node (self, node);
    }
  cmark_iter_free (iter);
}

/* Checks one article body (first_line is its line in @file) against @rules, adding
 * a diagnostic per problem and filling @info with its words and media. */
void
kiosk_markdown_check (const char           *body,
                      const char           *file,
                      guint                 first_line,
                      const KioskBodyRules *rules,
                      KioskBodyInfo        *info,
                      GPtrArray            *diagnostics)
{
  g_autoptr(GString) block = g_string_new (NULL);
  Checker self = { rules, info, diagnostics, file, first_line, block, first_line, 0, -1, 0 };
  cmark_node *document;

  g_return_if_fail (body != NULL && rules != NULL && info != NULL);

  document = cmark_parse_document (body, strlen (body), CMARK_OPT_DEFAULT);
  if (cmark_node_first_child (document) == NULL)
    report (&self, KIOSK_DIAGNOSTIC_ERROR, first_line, _("empty body"));
  else
    walk (&self, document);
  cmark_node_free (document);
  if (info->n_words > 0)
    {
      check_missing_sections (&self);
      check_length (&self);
    }
}
