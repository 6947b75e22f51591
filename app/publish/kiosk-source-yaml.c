/* kiosk-source-yaml.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-source-yaml.h"

struct _KioskYaml
{
  yaml_document_t document;
  guint           first_line;
};

/* Line numbers from libyaml count from 0 within the text; @first_line makes them file lines. */
static gboolean
load_document (yaml_parser_t   *parser,
               yaml_document_t *document,
               guint            first_line,
               guint           *error_line,
               char           **error_message)
{
  const char *problem;

  if (yaml_parser_load (parser, document))
    return TRUE;
  problem = parser->problem != NULL ? parser->problem : _("unknown error");
  *error_line = first_line + parser->problem_mark.line;
  /* libyaml notices a missing ']' or '"' lines later; say where the construct began. */
  if (parser->context != NULL && parser->context_mark.line != parser->problem_mark.line)
    *error_message = g_strdup_printf (_("malformed YAML: %s (%s, from line %u)"),
                                      problem, parser->context,
                                      (guint) (first_line + parser->context_mark.line));
  else
    *error_message = g_strdup_printf (_("malformed YAML: %s"), problem);
  return FALSE;
}

/* A second document after the first would be silently ignored; refuse it instead. */
static gboolean
check_single_document (yaml_parser_t *parser,
                       guint          first_line,
                       guint         *error_line,
                       char         **error_message)
{
  yaml_document_t extra;
  gboolean has_root;

  if (!load_document (parser, &extra, first_line, error_line, error_message))
    return FALSE;
  has_root = yaml_document_get_root_node (&extra) != NULL;
  if (has_root)
    {
      *error_line = first_line + extra.start_mark.line;
      *error_message = g_strdup (_("malformed YAML: more than one document"));
    }
  yaml_document_delete (&extra);
  return !has_root;
}

/* Parses @text, whose first line is line @first_line of its file. On failure returns
 * NULL and sets the file line and a message. */
KioskYaml *
kiosk_yaml_parse (const char  *text,
                  gsize        len,
                  guint        first_line,
                  guint       *error_line,
                  char       **error_message)
{
  g_autofree KioskYaml *yaml = g_new0 (KioskYaml, 1);
  yaml_parser_t parser;
  gboolean ok;

  g_return_val_if_fail (error_line != NULL && error_message != NULL, NULL);

  *error_line = first_line;
  yaml->first_line = first_line;
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, len);
  ok = load_document (&parser, &yaml->document, first_line, error_line, error_message);
  if (ok && !check_single_document (&parser, first_line, error_line, error_message))
    {
      yaml_document_delete (&yaml->document);
      ok = FALSE;
    }
  yaml_parser_delete (&parser);
  return ok ? g_steal_pointer (&yaml) : NULL;
}

void
kiosk_yaml_free (KioskYaml *yaml)
{
  if (yaml == NULL)
    return;
  yaml_document_delete (&yaml->document);
  g_free (yaml);
}

yaml_node_t *
kiosk_yaml_get_root (KioskYaml *yaml)
{
  return yaml_document_get_root_node (&yaml->document);
}

guint
kiosk_yaml_get_line (KioskYaml   *yaml,
                     yaml_node_t *node)
{
  if (node == NULL)
    return yaml->first_line;
  return yaml->first_line + node->start_mark.line;
}

gboolean
kiosk_yaml_is_mapping (yaml_node_t *node)
{
  return node != NULL && node->type == YAML_MAPPING_NODE;
}

gboolean
kiosk_yaml_is_sequence (yaml_node_t *node)
{
  return node != NULL && node->type == YAML_SEQUENCE_NODE;
}

static gboolean
is_null_scalar (yaml_node_t *node)
{
  const char *value = (const char *) node->data.scalar.value;

  if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  return *value == '\0' || g_str_equal (value, "~") || g_str_equal (value, "null") ||
         g_str_equal (value, "Null") || g_str_equal (value, "NULL");
}

/* The text of a scalar as written (quotes removed), or NULL for anything else,
 * including YAML's null. */
const char *
kiosk_yaml_get_scalar (yaml_node_t *node)
{
  if (node == NULL || node->type != YAML_SCALAR_NODE || is_null_scalar (node))
    return NULL;
  return (const char *) node->data.scalar.value;
}

guint
kiosk_yaml_get_n_pairs (yaml_node_t *mapping)
{
  if (!kiosk_yaml_is_mapping (mapping))
    return 0;
  return mapping->data.mapping.pairs.top - mapping->data.mapping.pairs.start;
}

yaml_node_t *
kiosk_yaml_get_key (KioskYaml   *yaml,
                    yaml_node_t *mapping,
                    guint        index)
{
  g_return_val_if_fail (index < kiosk_yaml_get_n_pairs (mapping), NULL);

  return yaml_document_get_node (&yaml->document,
                                 mapping->data.mapping.pairs.start[index].key);
}

yaml_node_t *
kiosk_yaml_lookup (KioskYaml   *yaml,
                   yaml_node_t *mapping,
                   const char  *key)
{
  guint n_pairs = kiosk_yaml_get_n_pairs (mapping);

  for (guint i = 0; i < n_pairs; i++)
    {
      yaml_node_pair_t *pair = &mapping->data.mapping.pairs.start[i];
      yaml_node_t *key_node = yaml_document_get_node (&yaml->document, pair->key);

      if (g_strcmp0 (kiosk_yaml_get_scalar (key_node), key) == 0)
        return yaml_document_get_node (&yaml->document, pair->value);
    }
  return NULL;
}

guint
kiosk_yaml_get_n_items (yaml_node_t *sequence)
{
  if (!kiosk_yaml_is_sequence (sequence))
    return 0;
  return sequence->data.sequence.items.top - sequence->data.sequence.items.start;
}

yaml_node_t *
kiosk_yaml_get_item (KioskYaml   *yaml,
                     yaml_node_t *sequence,
                     guint        index)
{
  g_return_val_if_fail (index < kiosk_yaml_get_n_items (sequence), NULL);

  return yaml_document_get_node (&yaml->document, sequence->data.sequence.items.start[index]);
}
