/* kiosk-source-yaml.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <yaml.h>

G_BEGIN_DECLS

/* A parsed YAML document that remembers where it sits in its file, so that every node
 * can be reported by its file line. */
typedef struct _KioskYaml KioskYaml;

KioskYaml   *kiosk_yaml_parse       (const char   *text,
                                     gsize         len,
                                     guint         first_line,
                                     guint        *error_line,
                                     char        **error_message);
void         kiosk_yaml_free        (KioskYaml    *yaml);

yaml_node_t *kiosk_yaml_get_root    (KioskYaml    *yaml);
guint        kiosk_yaml_get_line    (KioskYaml    *yaml,
                                     yaml_node_t  *node);

gboolean     kiosk_yaml_is_mapping  (yaml_node_t  *node);
gboolean     kiosk_yaml_is_sequence (yaml_node_t  *node);
const char  *kiosk_yaml_get_scalar  (yaml_node_t  *node);

guint        kiosk_yaml_get_n_pairs (yaml_node_t  *mapping);
yaml_node_t *kiosk_yaml_get_key     (KioskYaml    *yaml,
                                     yaml_node_t  *mapping,
                                     guint         index);
yaml_node_t *kiosk_yaml_lookup      (KioskYaml    *yaml,
                                     yaml_node_t  *mapping,
                                     const char   *key);

guint        kiosk_yaml_get_n_items (yaml_node_t  *sequence);
yaml_node_t *kiosk_yaml_get_item    (KioskYaml    *yaml,
                                     yaml_node_t  *sequence,
                                     guint         index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskYaml, kiosk_yaml_free)

G_END_DECLS
