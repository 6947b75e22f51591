/* kiosk-content-source.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-diagnostic.h"
#include "kiosk-markdown-check.h"
#include "kiosk-repo-format.h"
#include "kiosk-source-yaml.h"
#include "kiosk-content-source.h"

struct _KioskContentSource
{
  GObject     parent_instance;

  char       *path;
  gboolean    lint;

  /* From repository.yaml. */
  char       *repository_id;
  char       *name[KIOSK_N_LANGS];
  char       *public_url;

  /* The model, in the order the manifest lists it. */
  GPtrArray  *hotlines;
  GPtrArray  *topics;
  GPtrArray  *articles;
  GPtrArray  *media;

  /* Every id that has a file, broken or not: a mistake in a file is reported once, not
   * again by every link to it. */
  GHashTable *topic_ids;
  GHashTable *article_ids;
  GHashTable *media_ids;
  GHashTable *used_media;

  GPtrArray  *diagnostics;
  GPtrArray  *inputs;
};

G_DEFINE_FINAL_TYPE (KioskContentSource, kiosk_content_source, G_TYPE_OBJECT)

/* One source file while it is read: where problems go and which YAML they refer to. */
typedef struct
{
  KioskContentSource *self;
  const char         *file;
  KioskYaml          *yaml;
} Reader;

/* One articles/<id>.<lang>.md file. Its strings point into @yaml. */
typedef struct
{
  char        *file;
  KioskLang    lang;
  char        *text;
  KioskYaml   *yaml;
  yaml_node_t *header;
  const char  *body;
  guint        body_line;

  const char  *topic;
  gint64       order;
  const char  *updated;
  const char  *basis;
  const char  *title;
  const char  *summary;
  GStrv        tags;
} ArticleFile;

/* Both languages of one article; a file can be present but unreadable. */
typedef struct
{
  char        *id;
  gboolean     present[KIOSK_N_LANGS];
  ArticleFile *files[KIOSK_N_LANGS];
} ArticleDraft;

static const char * const lang_names[] = { "vi", "en", NULL };

static const char * const section_names[KIOSK_N_LANGS][5] = {
  { "Điều cần biết", "Dấu hiệu cần để ý", "Việc cần làm ngay", "Gọi ai", NULL },
  { "What it is", "Signs to notice", "What to do now", "Whom to call", NULL },
};

static const char * const repository_keys[] = { "id", "name", "public-url", NULL };
static const char * const hotline_keys[] = {
  "id", "number", "national", "free", "name", "purpose", "hours", NULL
};
static const char * const topic_keys[] = { "order", "icon", "title", "summary", NULL };
static const char * const article_keys[] = {
  "topic", "order", "updated", "basis", "title", "summary", "tags", NULL
};

static void
free_texts (char **texts)
{
  for (guint i = 0; i < KIOSK_N_LANGS; i++)
    g_free (texts[i]);
}

static void
hotline_free (KioskSourceHotline *hotline)
{
  g_free (hotline->id);
  g_free (hotline->number);
  free_texts (hotline->name);
  free_texts (hotline->purpose);
  free_texts (hotline->hours);
  g_free (hotline);
}

static void
topic_free (KioskSourceTopic *topic)
{
  g_free (topic->id);
  g_free (topic->icon);
  free_texts (topic->title);
  free_texts (topic->summary);
  g_free (topic);
}

static void
article_free (KioskSourceArticle *article)
{
  g_free (article->id);
  g_free (article->topic);
  g_free (article->updated);
  g_free (article->basis);
  for (guint i = 0; i < KIOSK_N_LANGS; i++)
    {
      g_free (article->text[i].title);
      g_free (article->text[i].summary);
      g_strfreev (article->text[i].tags);
      g_free (article->text[i].body);
    }
  g_strfreev (article->media);
  g_free (article);
}

static void
media_free (KioskSourceMedia *media)
{
  g_free (media->id);
  g_bytes_unref (media->bytes);
  g_free (media);
}

static void
article_file_free (ArticleFile *file)
{
  g_free (file->file);
  g_free (file->text);
  g_clear_pointer (&file->yaml, kiosk_yaml_free);
  g_strfreev (file->tags);
  g_free (file);
}

static void
article_draft_free (ArticleDraft *draft)
{
  g_free (draft->id);
  for (guint i = 0; i < KIOSK_N_LANGS; i++)
    g_clear_pointer (&draft->files[i], article_file_free);
  g_free (draft);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArticleFile, article_file_free)

static void
kiosk_content_source_finalize (GObject *object)
{
  KioskContentSource *self = (KioskContentSource *) object;

  g_free (self->path);
  g_free (self->repository_id);
  free_texts (self->name);
  g_free (self->public_url);
  g_ptr_array_unref (self->hotlines);
  g_ptr_array_unref (self->topics);
  g_ptr_array_unref (self->articles);
  g_ptr_array_unref (self->media);
  g_hash_table_unref (self->topic_ids);
  g_hash_table_unref (self->article_ids);
  g_hash_table_unref (self->media_ids);
  g_hash_table_unref (self->used_media);
  g_ptr_array_unref (self->diagnostics);
  g_ptr_array_unref (self->inputs);

  G_OBJECT_CLASS (kiosk_content_source_parent_class)->finalize (object);
}

static void
kiosk_content_source_class_init (KioskContentSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kiosk_content_source_finalize;
}

static void
kiosk_content_source_init (KioskContentSource *self)
{
  self->hotlines = g_ptr_array_new_with_free_func ((GDestroyNotify) hotline_free);
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) media_free);
  self->topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->article_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->media_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) kiosk_diagnostic_free);
  self->inputs = g_ptr_array_new_with_free_func (g_free);
}

KioskContentSource *
kiosk_content_source_new (const char *path)
{
  KioskContentSource *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (KIOSK_TYPE_CONTENT_SOURCE, NULL);
  self->path = g_strdup (path);
  return self;
}

/* Reporting */

static void G_GNUC_PRINTF (5, 6)
report (KioskContentSource   *self,
        KioskDiagnosticLevel  level,
        const char           *file,
        guint                 line,
        const char           *format,
        ...)
{
  va_list args;

  va_start (args, format);
  kiosk_diagnostics_add_valist (self->diagnostics, level, file, line, format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (3, 4)
reader_error (Reader      *reader,
              yaml_node_t *node,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  kiosk_diagnostics_add_valist (reader->self->diagnostics, KIOSK_DIAGNOSTIC_ERROR, reader->file,
                                kiosk_yaml_get_line (reader->yaml, node), format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (3, 4)
reader_warning (Reader      *reader,
                yaml_node_t *node,
                const char  *format,
                ...)
{
  va_list args;

  va_start (args, format);
  kiosk_diagnostics_add_valist (reader->self->diagnostics, KIOSK_DIAGNOSTIC_WARNING,
                                reader->file, kiosk_yaml_get_line (reader->yaml, node),
                                format, args);
  va_end (args);
}

static guint
count_level (KioskContentSource   *self,
             KioskDiagnosticLevel  level)
{
  guint n = 0;

  for (guint i = 0; i < self->diagnostics->len; i++)
    n += ((KioskDiagnostic *) g_ptr_array_index (self->diagnostics, i))->level == level;
  return n;
}

/* Files */

static char *
source_path (KioskContentSource *self,
             const char         *file)
{
  return g_build_filename (self->path, file, NULL);
}

static guint
line_at (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

static char *
read_source_file (KioskContentSource *self,
                  const char         *file,
                  gsize              *len)
{
  g_autofree char *path = source_path (self, file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *end;

  g_ptr_array_add (self->inputs, g_strdup (path));
  if (!g_file_get_contents (path, &contents, len, &error))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, "%s", error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, *len, &end))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, line_at (contents, end),
              _("invalid UTF-8: the file must be saved as UTF-8"));
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static KioskYaml *
parse_yaml (KioskContentSource *self,
            const char         *file,
            const char         *text,
            gsize               len,
            guint               first_line)
{
  g_autofree char *message = NULL;
  guint line = first_line;
  KioskYaml *yaml = kiosk_yaml_parse (text, len, first_line, &line, &message);

  if (yaml == NULL)
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, line, "%s", message);
  return yaml;
}

static KioskYaml *
load_yaml_file (KioskContentSource *self,
                const char         *file)
{
  g_autofree char *path = source_path (self, file);
  g_autofree char *text = NULL;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, _("the file is missing"));
      return NULL;
    }
  text = read_source_file (self, file, &len);
  return text != NULL ? parse_yaml (self, file, text, len, 1) : NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that problems are reported and objects listed in the same order every time.
 * Hidden files (editor backups, .gitkeep) are not content. */
static GPtrArray *
list_folder (KioskContentSource *self,
             const char         *folder)
{
  g_autofree char *path = source_path (self, folder);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_ptr_array_add (self->inputs, g_strdup (path));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return g_steal_pointer (&names);
}

/* YAML fields */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Duplicate keys are legal for libyaml but would silently hide one of the values. */
static void
check_keys (Reader            *reader,
            yaml_node_t       *mapping,
            const char *const *known)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pairs = kiosk_yaml_get_n_pairs (mapping);

  for (guint i = 0; i < n_pairs; i++)
    {
      yaml_node_t *key = kiosk_yaml_get_key (reader->yaml, mapping, i);
      const char *name = kiosk_yaml_get_scalar (key);

      if (name == NULL)
        reader_error (reader, key, _("malformed field name"));
      else if (!g_hash_table_add (seen, (gpointer) name))
        reader_error (reader, key, _("duplicate field '%s'"), name);
      else if (!g_strv_contains (known, name))
        reader_warning (reader, key, _("unknown field '%s' is ignored"), name);
    }
}

static void
report_missing (Reader      *reader,
                yaml_node_t *mapping,
                const char  *key)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, mapping, key);

  reader_error (reader, node != NULL ? node : mapping, _("missing required field '%s'"), key);
}

static gboolean
is_missing (Reader      *reader,
            yaml_node_t *mapping,
            const char  *key)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, mapping, key);

  if (node == NULL)
    return TRUE;
  return node->type == YAML_SCALAR_NODE && is_blank (kiosk_yaml_get_scalar (node));
}

static const char *
read_optional_text (Reader      *reader,
                    yaml_node_t *mapping,
                    const char  *key)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, mapping, key);
  const char *text = kiosk_yaml_get_scalar (node);

  if (node != NULL && node->type != YAML_SCALAR_NODE)
    reader_error (reader, node, _("'%s' must be a text"), key);
  return is_blank (text) ? NULL : text;
}

static const char *
read_text (Reader      *reader,
           yaml_node_t *mapping,
           const char  *key,
           gboolean     required)
{
  const char *text = read_optional_text (reader, mapping, key);

  if (text == NULL && required && is_missing (reader, mapping, key))
    report_missing (reader, mapping, key);
  return text;
}

static gboolean
read_order (Reader      *reader,
            yaml_node_t *mapping,
            gboolean     required,
            gint64      *order)
{
  const char *text = read_text (reader, mapping, "order", required);

  *order = 0;
  if (text == NULL)
    return FALSE;
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT32, order, NULL))
    return TRUE;
  reader_error (reader, kiosk_yaml_lookup (reader->yaml, mapping, "order"),
                _("'order' must be a whole number from 1 up, not '%s'"), text);
  return FALSE;
}

static gboolean
read_bool (Reader      *reader,
           yaml_node_t *mapping,
           const char  *key)
{
  const char *text = read_text (reader, mapping, key, TRUE);

  if (text == NULL || g_str_equal (text, "true") || g_str_equal (text, "false"))
    return g_strcmp0 (text, "true") == 0;
  reader_error (reader, kiosk_yaml_lookup (reader->yaml, mapping, key),
                _("'%s' must be true or false, not '%s'"), key, text);
  return FALSE;
}

static gboolean
is_date (const char *text)
{
  if (strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return g_date_valid_dmy (g_ascii_strtoull (text + 8, NULL, 10),
                           g_ascii_strtoull (text + 5, NULL, 10),
                           g_ascii_strtoull (text, NULL, 10));
}

static const char *
read_date (Reader      *reader,
           yaml_node_t *mapping,
           const char  *key,
           gboolean     required)
{
  const char *text = read_text (reader, mapping, key, required);

  if (text == NULL || is_date (text))
    return text;
  reader_error (reader, kiosk_yaml_lookup (reader->yaml, mapping, key),
                _("'%s' must be a date written YYYY-MM-DD, not '%s'"), key, text);
  return NULL;
}

/* A `{ vi: …, en: … }` field: every text a person reads exists in both languages. */
static void
read_bilingual (Reader      *reader,
                yaml_node_t *mapping,
                const char  *key,
                char        *out[KIOSK_N_LANGS])
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, mapping, key);

  if (node == NULL)
    {
      report_missing (reader, mapping, key);
      return;
    }
  if (!kiosk_yaml_is_mapping (node))
    {
      reader_error (reader, node, _("'%s' must have a 'vi' and an 'en' text"), key);
      return;
    }
  check_keys (reader, node, lang_names);
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    {
      out[lang] = g_strdup (read_optional_text (reader, node, lang_names[lang]));
      if (out[lang] == NULL && is_missing (reader, node, lang_names[lang]))
        reader_error (reader, node, _("missing translation: '%s' has no '%s' text"),
                      key, lang_names[lang]);
    }
}

static GStrv
read_tags (Reader      *reader,
           yaml_node_t *mapping)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, mapping, "tags");
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  guint n_items = kiosk_yaml_get_n_items (node);

  if (node != NULL && !kiosk_yaml_is_sequence (node) && kiosk_yaml_get_scalar (node) != NULL)
    reader_error (reader, node, _("'tags' must be a list, like [đuối nước, bơi]"));
  for (guint i = 0; i < n_items; i++)
    {
      yaml_node_t *item = kiosk_yaml_get_item (reader->yaml, node, i);
      const char *tag = kiosk_yaml_get_scalar (item);

      if (is_blank (tag))
        reader_error (reader, item, _("a tag must be a short text"));
      else
        g_strv_builder_add (tags, tag);
    }
  return g_strv_builder_end (tags);
}

static yaml_node_t *
require_mapping (Reader     *reader,
                 const char *message)
{
  yaml_node_t *root = kiosk_yaml_get_root (reader->yaml);

  if (kiosk_yaml_is_mapping (root))
    return root;
  reader_error (reader, root, "%s", message);
  return NULL;
}

/* repository.yaml */

static void
load_repository (KioskContentSource *self)
{
  g_autoptr(KioskYaml) yaml = load_yaml_file (self, "repository.yaml");
  Reader reader = { self, "repository.yaml", yaml };
  yaml_node_t *root;
  const char *url;

  if (yaml == NULL)
    return;
  root = require_mapping (&reader, _("malformed file: expected 'field: value' lines"));
  if (root == NULL)
    return;
  check_keys (&reader, root, repository_keys);
  self->repository_id = g_strdup (read_text (&reader, root, "id", TRUE));
  if (self->repository_id != NULL && !kiosk_repo_id_is_valid (self->repository_id))
    reader_error (&reader, kiosk_yaml_lookup (yaml, root, "id"),
                  _("bad id '%s': use a-z, 0-9, '.' and '-', starting with a letter or digit"),
                  self->repository_id);
  if (kiosk_yaml_lookup (yaml, root, "name") != NULL)
    read_bilingual (&reader, root, "name", self->name);
  url = read_text (&reader, root, "public-url", FALSE);
  if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    reader_error (&reader, kiosk_yaml_lookup (yaml, root, "public-url"),
                  _("'public-url' must start with https:// or http://"));
  self->public_url = g_strdup (url);
}

/* hotlines.yaml */

static gboolean
is_hotline_number (const char *number)
{
  gboolean has_digit = FALSE;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != ' ')
        return FALSE;
      has_digit |= g_ascii_isdigit (*p);
    }
  return has_digit;
}

static void
read_hotline_id (Reader             *reader,
                 yaml_node_t        *item,
                 GHashTable         *seen,
                 KioskSourceHotline *hotline)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, item, "id");

  hotline->id = g_strdup (read_text (reader, item, "id", TRUE));
  if (hotline->id == NULL)
    return;
  if (!kiosk_object_id_is_valid (hotline->id))
    reader_error (reader, node, _("bad id '%s': use a-z, 0-9 and '-'"), hotline->id);
  else if (!g_hash_table_add (seen, g_strdup (hotline->id)))
    reader_error (reader, node, _("duplicate id '%s'"), hotline->id);
}

static void
read_hotline (Reader      *reader,
              yaml_node_t *item,
              GHashTable  *seen)
{
  KioskSourceHotline *hotline = g_new0 (KioskSourceHotline, 1);

  g_ptr_array_add (reader->self->hotlines, hotline);
  if (!kiosk_yaml_is_mapping (item))
    {
      reader_error (reader, item, _("malformed hotline: expected 'field: value' lines"));
      return;
    }
  check_keys (reader, item, hotline_keys);
  read_hotline_id (reader, item, seen, hotline);
  hotline->number = g_strdup (read_text (reader, item, "number", TRUE));
  if (hotline->number != NULL && !is_hotline_number (hotline->number))
    reader_error (reader, kiosk_yaml_lookup (reader->yaml, item, "number"),
                  _("bad number '%s': only digits and spaces"), hotline->number);
  hotline->national = read_bool (reader, item, "national");
  hotline->free = read_bool (reader, item, "free");
  read_bilingual (reader, item, "name", hotline->name);
  read_bilingual (reader, item, "purpose", hotline->purpose);
  read_bilingual (reader, item, "hours", hotline->hours);
}

static void
load_hotlines (KioskContentSource *self)
{
  g_autoptr(KioskYaml) yaml = load_yaml_file (self, "hotlines.yaml");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { self, "hotlines.yaml", yaml };
  yaml_node_t *root;
  guint n_items;

  if (yaml == NULL)
    return;
  root = kiosk_yaml_get_root (yaml);
  n_items = kiosk_yaml_get_n_items (root);
  if (n_items == 0)
    {
      reader_error (&reader, root, _("malformed file: expected a list of hotlines, each "
                                     "starting with '- id:'"));
      return;
    }
  for (guint i = 0; i < n_items; i++)
    read_hotline (&reader, kiosk_yaml_get_item (yaml, root, i), seen);
}

/* media/ */

static gboolean
looks_like_svg (const char *data,
                gsize       len)
{
  gsize start = 0;

  if (!g_utf8_validate (data, len, NULL))
    return FALSE;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < len && g_ascii_isspace (data[start]))
    start++;
  return start < len && data[start] == '<' && g_strstr_len (data, len, "<svg") != NULL;
}

/* The kiosk trusts the extension to pick a decoder, so the bytes must agree with it. */
static const char *
media_type_mismatch (const char *id,
                     GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_str_has_suffix (id, ".png"))
    return len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 ? NULL : "PNG";
  if (g_str_has_suffix (id, ".jpg") || g_str_has_suffix (id, ".jpeg"))
    return len >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0 ? NULL : "JPEG";
  return looks_like_svg (data, len) ? NULL : "SVG";
}

static gboolean
check_media_size (KioskContentSource *self,
                  const char         *file,
                  const char         *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, _("not a file: media/ may hold only images"));
      return FALSE;
    }
  if (st.st_size == 0)
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, _("the image is empty"));
      return FALSE;
    }
  if (st.st_size > KIOSK_MEDIA_MAX_SIZE)
    {
      GFormatSizeFlags flags = G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT;
      g_autofree char *size = g_format_size_full (st.st_size, flags);
      g_autofree char *limit = g_format_size_full (KIOSK_MEDIA_MAX_SIZE, flags);

      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
              _("the image is too large: %s; the limit is %s"), size, limit);
      return FALSE;
    }
  return TRUE;
}

static void
load_media_file (KioskContentSource *self,
                 const char         *name)
{
  g_autofree char *file = g_strconcat ("media/", name, NULL);
  g_autofree char *path = source_path (self, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  KioskSourceMedia *media;
  const char *expected;

  if (!kiosk_media_id_is_valid (name))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
              _("bad media name '%s': use a-z, 0-9 and '-', then .svg, .png or .jpg"), name);
      return;
    }
  g_hash_table_add (self->media_ids, g_strdup (name));
  g_ptr_array_add (self->inputs, g_strdup (path));
  if (!check_media_size (self, file, path))
    return;
  if ((mapped = g_mapped_file_new (path, FALSE, &error)) == NULL)
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, "%s", error->message);
      return;
    }
  media = g_new0 (KioskSourceMedia, 1);
  media->id = g_strdup (name);
  media->bytes = g_mapped_file_get_bytes (mapped);
  g_ptr_array_add (self->media, media);
  if ((expected = media_type_mismatch (name, media->bytes)) != NULL)
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
            _("the file's contents are not %s, as its name says"), expected);
}

static void
load_media (KioskContentSource *self)
{
  g_autoptr(GPtrArray) names = list_folder (self, "media");

  for (guint i = 0; i < names->len; i++)
    load_media_file (self, g_ptr_array_index (names, i));
}

/* topics/ */

static void
read_topic_icon (Reader           *reader,
                 yaml_node_t      *root,
                 KioskSourceTopic *topic)
{
  yaml_node_t *node = kiosk_yaml_lookup (reader->yaml, root, "icon");

  topic->icon = g_strdup (read_text (reader, root, "icon", TRUE));
  if (topic->icon == NULL)
    return;
  if (!g_hash_table_contains (reader->self->media_ids, topic->icon))
    reader_error (reader, node, _("topic icon missing: media/%s does not exist"), topic->icon);
  else
    g_hash_table_add (reader->self->used_media, g_strdup (topic->icon));
}

static void
read_topic (Reader           *reader,
            KioskSourceTopic *topic)
{
  yaml_node_t *root = require_mapping (reader, _("malformed file: expected 'field: value' lines"));

  if (root == NULL)
    return;
  check_keys (reader, root, topic_keys);
  read_order (reader, root, TRUE, &topic->order);
  read_topic_icon (reader, root, topic);
  read_bilingual (reader, root, "title", topic->title);
  read_bilingual (reader, root, "summary", topic->summary);
}

static char *
topic_id_from_name (KioskContentSource *self,
                    const char         *file,
                    const char         *name)
{
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, ".yaml"))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
              _("unexpected file: topics/ holds only <topic-id>.yaml files"));
      return NULL;
    }
  id = g_strndup (name, strlen (name) - strlen (".yaml"));
  if (!kiosk_object_id_is_valid (id))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, _("bad id '%s': use a-z, 0-9 and '-'"), id);
      return NULL;
    }
  if (g_str_equal (id, "hotlines"))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
              _("duplicate id 'hotlines': the hotline list is published under this id"));
      return NULL;
    }
  return g_steal_pointer (&id);
}

static void
load_topic_file (KioskContentSource *self,
                 const char         *name)
{
  g_autofree char *file = g_strconcat ("topics/", name, NULL);
  g_autofree char *id = topic_id_from_name (self, file, name);
  g_autoptr(KioskYaml) yaml = NULL;
  Reader reader = { self, file, NULL };
  KioskSourceTopic *topic;

  if (id == NULL)
    return;
  g_hash_table_add (self->topic_ids, g_strdup (id));
  if ((yaml = load_yaml_file (self, file)) == NULL)
    return;
  reader.yaml = yaml;
  topic = g_new0 (KioskSourceTopic, 1);
  topic->id = g_steal_pointer (&id);
  g_ptr_array_add (self->topics, topic);
  read_topic (&reader, topic);
}

static void
load_topics (KioskContentSource *self)
{
  g_autoptr(GPtrArray) names = list_folder (self, "topics");

  for (guint i = 0; i < names->len; i++)
    load_topic_file (self, g_ptr_array_index (names, i));
}

/* articles/ */

static gboolean
is_fence (const char *line)
{
  const char *p = line + 3;

  if (!g_str_has_prefix (line, "---"))
    return FALSE;
  while (*p == ' ' || *p == '\t' || *p == '\r')
    p++;
  return *p == '\n' || *p == '\0';
}

static const char *
next_line (const char *p)
{
  const char *newline = strchr (p, '\n');

  return newline != NULL ? newline + 1 : p + strlen (p);
}

/* The header is everything between the first line, `---`, and the next `---` line. */
static gboolean
split_header (KioskContentSource *self,
              ArticleFile        *article,
              const char        **header,
              gsize              *header_len)
{
  const char *p = article->text;
  guint line = 2;

  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  if (!is_fence (p))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, article->file, 1,
              _("malformed header: the file must start with a '---' line"));
      return FALSE;
    }
  for (p = *header = next_line (p); *p != '\0'; p = next_line (p), line++)
    if (is_fence (p))
      {
        *header_len = p - *header;
        article->body = next_line (p);
        article->body_line = line + 1;
        return TRUE;
      }
  report (self, KIOSK_DIAGNOSTIC_ERROR, article->file, 1,
          _("malformed header: no '---' line closes it"));
  return FALSE;
}

/* topic, order and updated are required in vi; en may leave them out. */
static void
read_article_header (Reader      *reader,
                     ArticleFile *article)
{
  gboolean is_vi = article->lang == KIOSK_LANG_VI;
  yaml_node_t *header = article->header;
  const char *topic;

  check_keys (reader, header, article_keys);
  article->topic = topic = read_text (reader, header, "topic", is_vi);
  if (topic != NULL && !g_hash_table_contains (reader->self->topic_ids, topic))
    reader_error (reader, kiosk_yaml_lookup (reader->yaml, header, "topic"),
                  _("unknown topic '%s': there is no topics/%s.yaml"), topic, topic);
  read_order (reader, header, is_vi, &article->order);
  article->updated = read_date (reader, header, "updated", is_vi);
  article->basis = read_text (reader, header, "basis", FALSE);
  article->title = read_text (reader, header, "title", TRUE);
  article->summary = read_text (reader, header, "summary", TRUE);
  article->tags = read_tags (reader, header);
}

static gboolean
parse_article_header (KioskContentSource *self,
                      ArticleFile        *article)
{
  const char *header;
  gsize header_len;
  Reader reader = { self, article->file, NULL };

  if (!split_header (self, article, &header, &header_len))
    return FALSE;
  article->yaml = parse_yaml (self, article->file, header, header_len, 2);
  if (article->yaml == NULL)
    return FALSE;
  reader.yaml = article->yaml;
  article->header = kiosk_yaml_get_root (article->yaml);
  if (!kiosk_yaml_is_mapping (article->header))
    {
      report (self, KIOSK_DIAGNOSTIC_ERROR, article->file,
              kiosk_yaml_get_line (article->yaml, article->header),
              _("malformed header: expected 'field: value' lines between the '---' lines"));
      return FALSE;
    }
  read_article_header (&reader, article);
  return TRUE;
}

static ArticleFile *
load_article_file (KioskContentSource *self,
                   const char         *file,
                   KioskLang           lang)
{
  g_autoptr(ArticleFile) article = g_new0 (ArticleFile, 1);
  gsize len;

  article->file = g_strdup (file);
  article->lang = lang;
  article->text = read_source_file (self, file, &len);
  if (article->text == NULL || !parse_article_header (self, article))
    return NULL;
  return g_steal_pointer (&article);
}

/* Splits "<id>.<lang>.md"; returns the id, or NULL after reporting a bad name. */
static char *
article_id_from_name (KioskContentSource *self,
                      const char         *file,
                      const char         *name,
                      KioskLang          *lang)
{
  g_autofree char *id = NULL;

  for (*lang = 0; *lang < KIOSK_N_LANGS; (*lang)++)
    {
      g_autofree char *suffix = g_strdup_printf (".%s.md", lang_names[*lang]);

      if (g_str_has_suffix (name, suffix))
        id = g_strndup (name, strlen (name) - strlen (suffix));
      if (id != NULL)
        break;
    }
  if (id == NULL)
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
            _("unexpected file: articles/ holds only <id>.vi.md and <id>.en.md files"));
  else if (!kiosk_object_id_is_valid (id))
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1, _("bad id '%s': use a-z, 0-9 and '-'"), id);
  else
    return g_steal_pointer (&id);
  return NULL;
}

static void
add_article_file (KioskContentSource *self,
                  GHashTable         *drafts,
                  const char         *name)
{
  g_autofree char *file = g_strconcat ("articles/", name, NULL);
  KioskLang lang;
  g_autofree char *id = article_id_from_name (self, file, name, &lang);
  ArticleDraft *draft;

  if (id == NULL)
    return;
  g_hash_table_add (self->article_ids, g_strdup (id));
  if ((draft = g_hash_table_lookup (drafts, id)) == NULL)
    {
      draft = g_new0 (ArticleDraft, 1);
      draft->id = g_strdup (id);
      g_hash_table_insert (drafts, draft->id, draft);
    }
  draft->present[lang] = TRUE;
  draft->files[lang] = load_article_file (self, file, lang);
}

static void
check_translations (KioskContentSource *self,
                    ArticleDraft       *draft)
{
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    {
      guint other = (lang + 1) % KIOSK_N_LANGS;
      g_autofree char *file = NULL;

      if (draft->present[lang] || !draft->present[other])
        continue;
      file = g_strdup_printf ("articles/%s.%s.md", draft->id, lang_names[other]);
      report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
              _("missing translation: articles/%s.%s.md does not exist"),
              draft->id, lang_names[lang]);
    }
}

/* Every object in a manifest has its own id, whatever its kind. */
static void
check_unique_id (KioskContentSource *self,
                 ArticleDraft       *draft)
{
  g_autofree char *file = g_strdup_printf ("articles/%s.%s.md", draft->id,
                                           lang_names[draft->present[0] ? 0 : 1]);

  if (g_str_equal (draft->id, "hotlines"))
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
            _("duplicate id 'hotlines': the hotline list is published under this id"));
  else if (g_hash_table_contains (self->topic_ids, draft->id))
    report (self, KIOSK_DIAGNOSTIC_ERROR, file, 1,
            _("duplicate id '%s': topics/%s.yaml uses it too"), draft->id, draft->id);
}

static void
check_same (KioskContentSource *self,
            ArticleFile        *vi,
            ArticleFile        *en,
            const char         *key,
            const char         *vi_value,
            const char         *en_value)
{
  yaml_node_t *node = kiosk_yaml_lookup (en->yaml, en->header, key);

  if (en_value == NULL || g_strcmp0 (vi_value, en_value) == 0)
    return;
  if (vi_value == NULL)
    report (self, KIOSK_DIAGNOSTIC_ERROR, en->file, kiosk_yaml_get_line (en->yaml, node),
            _("'%s' is '%s' here but not given in %s"), key, en_value, vi->file);
  else
    report (self, KIOSK_DIAGNOSTIC_ERROR, en->file, kiosk_yaml_get_line (en->yaml, node),
            _("'%s' is '%s' here but '%s' in %s"), key, en_value, vi_value, vi->file);
}

static void
check_same_fields (KioskContentSource *self,
                   ArticleFile        *vi,
                   ArticleFile        *en)
{
  g_autofree char *vi_order = vi->order ? g_strdup_printf ("%" G_GINT64_FORMAT, vi->order) : NULL;
  g_autofree char *en_order = en->order ? g_strdup_printf ("%" G_GINT64_FORMAT, en->order) : NULL;

  check_same (self, vi, en, "topic", vi->topic, en->topic);
  check_same (self, vi, en, "order", vi_order, en_order);
  check_same (self, vi, en, "updated", vi->updated, en->updated);
  check_same (self, vi, en, "basis", vi->basis, en->basis);
}

static void
add_used_media (KioskContentSource *self,
                GPtrArray          *media,
                GPtrArray          *used)
{
  for (guint i = 0; i < used->len; i++)
    {
      const char *id = g_ptr_array_index (used, i);

      if (!g_ptr_array_find_with_equal_func (media, id, g_str_equal, NULL))
        g_ptr_array_add (media, g_strdup (id));
      g_hash_table_add (self->used_media, g_strdup (id));
    }
}

static void
check_bodies (KioskContentSource *self,
              ArticleDraft       *draft,
              GPtrArray          *media,
              guint               n_words[KIOSK_N_LANGS])
{
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    {
      ArticleFile *file = draft->files[lang];
      KioskBodyRules rules = {
        self->article_ids, self->topic_ids, self->media_ids, section_names[lang], self->lint
      };
      KioskBodyInfo info;

      if (file == NULL)
        continue;
      kiosk_body_info_init (&info);
      kiosk_markdown_check (file->body, file->file, file->body_line, &rules, &info,
                            self->diagnostics);
      n_words[lang] = info.n_words;
      add_used_media (self, media, info.media);
      kiosk_body_info_clear (&info);
    }
}

static void
copy_text (KioskSourceText   *text,
           const ArticleFile *file,
           guint              n_words)
{
  const char * const no_tags[] = { NULL };

  text->title = g_strdup (file->title);
  text->summary = g_strdup (file->summary);
  text->tags = g_strdupv (file->tags != NULL ? file->tags : (GStrv) no_tags);
  text->body = g_strdup (file->body);
  text->n_words = n_words;
}

static KioskSourceArticle *
build_article (ArticleDraft *draft,
               GPtrArray    *media,
               guint         n_words[KIOSK_N_LANGS])
{
  KioskSourceArticle *article = g_new0 (KioskSourceArticle, 1);
  ArticleFile *vi = draft->files[KIOSK_LANG_VI];

  article->id = g_strdup (draft->id);
  article->topic = g_strdup (vi->topic);
  article->order = vi->order;
  article->updated = g_strdup (vi->updated);
  article->basis = g_strdup (vi->basis);
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    copy_text (&article->text[lang], draft->files[lang], n_words[lang]);
  g_ptr_array_sort (media, compare_strings);
  g_ptr_array_add (media, NULL);
  article->media = g_strdupv ((GStrv) media->pdata);
  return article;
}

/* An article with a required field missing has been reported; it stays out of the model
 * so nothing downstream meets a NULL. */
static gboolean
is_complete (const ArticleFile *vi,
             const ArticleFile *en)
{
  return vi != NULL && en != NULL &&
         vi->topic != NULL && vi->order > 0 && vi->updated != NULL &&
         vi->title != NULL && vi->summary != NULL &&
         en->title != NULL && en->summary != NULL;
}

static void
finish_article (KioskContentSource *self,
                ArticleDraft       *draft)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_free);
  ArticleFile *vi = draft->files[KIOSK_LANG_VI];
  ArticleFile *en = draft->files[KIOSK_LANG_EN];
  guint n_words[KIOSK_N_LANGS] = { 0, };

  check_translations (self, draft);
  check_unique_id (self, draft);
  if (vi != NULL && en != NULL)
    check_same_fields (self, vi, en);
  check_bodies (self, draft, media, n_words);
  if (is_complete (vi, en))
    g_ptr_array_add (self->articles, build_article (draft, media, n_words));
}

static void
load_articles (KioskContentSource *self)
{
  g_autoptr(GPtrArray) names = list_folder (self, "articles");
  g_autoptr(GHashTable) drafts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) article_draft_free);
  g_autofree const char **ids = NULL;
  guint n_ids;

  for (guint i = 0; i < names->len; i++)
    add_article_file (self, drafts, g_ptr_array_index (names, i));
  /* Bodies are checked only now, when every article a link may point at is known. */
  ids = (const char **) g_hash_table_get_keys_as_array (drafts, &n_ids);
  qsort (ids, n_ids, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_ids; i++)
    finish_article (self, g_hash_table_lookup (drafts, ids[i]));
}

/* Style checks over the whole folder */

static void
lint_unused_media (KioskContentSource *self)
{
  for (guint i = 0; i < self->media->len; i++)
    {
      KioskSourceMedia *media = g_ptr_array_index (self->media, i);
      g_autofree char *file = g_strconcat ("media/", media->id, NULL);

      if (!g_hash_table_contains (self->used_media, media->id))
        report (self, KIOSK_DIAGNOSTIC_WARNING, file, 1,
                _("no article or topic uses this image"));
    }
}

static void
lint_empty_topics (KioskContentSource *self)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->articles->len; i++)
    g_hash_table_add (used, ((KioskSourceArticle *) g_ptr_array_index (self->articles, i))->topic);
  for (guint i = 0; i < self->topics->len; i++)
    {
      KioskSourceTopic *topic = g_ptr_array_index (self->topics, i);
      g_autofree char *file = g_strconcat ("topics/", topic->id, ".yaml", NULL);

      if (!g_hash_table_contains (used, topic->id))
        report (self, KIOSK_DIAGNOSTIC_WARNING, file, 1, _("the topic has no articles"));
    }
}

/* Sorting: topics as on the home screen, articles by topic then position, media by name */

static int
compare_topics (gconstpointer a,
                gconstpointer b)
{
  const KioskSourceTopic *ta = *(KioskSourceTopic * const *) a;
  const KioskSourceTopic *tb = *(KioskSourceTopic * const *) b;

  if (ta->order != tb->order)
    return ta->order < tb->order ? -1 : 1;
  return g_strcmp0 (ta->id, tb->id);
}

static gint64
topic_order (GHashTable *topics,
             const char *id)
{
  KioskSourceTopic *topic = g_hash_table_lookup (topics, id);

  return topic != NULL ? topic->order : G_MAXINT64;
}

static int
compare_articles (gconstpointer a,
                  gconstpointer b,
                  gpointer      topics)
{
  const KioskSourceArticle *aa = *(KioskSourceArticle * const *) a;
  const KioskSourceArticle *ab = *(KioskSourceArticle * const *) b;
  gint64 ta = topic_order (topics, aa->topic);
  gint64 tb = topic_order (topics, ab->topic);

  if (ta != tb)
    return ta < tb ? -1 : 1;
  if (aa->order != ab->order)
    return aa->order < ab->order ? -1 : 1;
  return g_strcmp0 (aa->id, ab->id);
}

static int
compare_media (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 ((*(KioskSourceMedia * const *) a)->id, (*(KioskSourceMedia * const *) b)->id);
}

static void
sort_model (KioskContentSource *self)
{
  g_autoptr(GHashTable) topics = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->topics->len; i++)
    {
      KioskSourceTopic *topic = g_ptr_array_index (self->topics, i);

      g_hash_table_insert (topics, topic->id, topic);
    }
  g_ptr_array_sort (self->topics, compare_topics);
  g_ptr_array_sort_with_data (self->articles, compare_articles, topics);
  g_ptr_array_sort (self->media, compare_media);
}

/* Loading */

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const KioskDiagnostic *da = *(KioskDiagnostic * const *) a;
  const KioskDiagnostic *db = *(KioskDiagnostic * const *) b;
  int by_file = g_strcmp0 (da->file, db->file);

  if (by_file != 0)
    return by_file;
  return da->line < db->line ? -1 : da->line > db->line;
}

static gboolean
check_result (KioskContentSource *self,
              GError            **error)
{
  guint n_errors = count_level (self, KIOSK_DIAGNOSTIC_ERROR);
  guint n_warnings = count_level (self, KIOSK_DIAGNOSTIC_WARNING);
  guint n_problems = self->lint ? n_errors + n_warnings : n_errors;

  if (n_problems == 0)
    return TRUE;
  g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_SOURCE,
               ngettext ("%u problem found in the source folder",
                         "%u problems found in the source folder", n_problems),
               n_problems);
  return FALSE;
}

/* Reads and checks the whole folder. Every problem becomes a diagnostic; the load fails
 * when there is an error, or with KIOSK_CONTENT_SOURCE_LINT any warning. */
gboolean
kiosk_content_source_load (KioskContentSource       *self,
                           KioskContentSourceFlags   flags,
                           GError                  **error)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), FALSE);
  g_return_val_if_fail (self->inputs->len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_add (self->inputs, g_strdup (self->path));
  if (!g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KIOSK_PUBLISH_ERROR, KIOSK_PUBLISH_ERROR_INVALID_SOURCE,
                   _("%s is not a folder"), self->path);
      return FALSE;
    }
  self->lint = (flags & KIOSK_CONTENT_SOURCE_LINT) != 0;
  load_repository (self);
  load_hotlines (self);
  load_media (self);
  load_topics (self);
  load_articles (self);
  if (self->lint)
    {
      lint_unused_media (self);
      lint_empty_topics (self);
    }
  sort_model (self);
  /* Stable: problems on one line keep the order they were found in. */
  g_ptr_array_sort (self->diagnostics, compare_diagnostics);
  return check_result (self, error);
}

/* Accessors */

const char *
kiosk_content_source_get_path (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->path;
}

const char *
kiosk_content_source_get_repository_id (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->repository_id;
}

/* NULL when repository.yaml gives no name. */
const char *
kiosk_content_source_get_name (KioskContentSource *self,
                               KioskLang           lang)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);
  g_return_val_if_fail (lang < KIOSK_N_LANGS, NULL);

  return self->name[lang];
}

const char *
kiosk_content_source_get_public_url (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->public_url;
}

/* (element-type KioskSourceHotline) (transfer none): in the order on screen. */
GPtrArray *
kiosk_content_source_get_hotlines (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->hotlines;
}

/* (element-type KioskSourceTopic) (transfer none) */
GPtrArray *
kiosk_content_source_get_topics (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->topics;
}

/* (element-type KioskSourceArticle) (transfer none) */
GPtrArray *
kiosk_content_source_get_articles (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->articles;
}

/* (element-type KioskSourceMedia) (transfer none) */
GPtrArray *
kiosk_content_source_get_media (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->media;
}

/* (element-type KioskDiagnostic) (transfer none): in the order found. */
GPtrArray *
kiosk_content_source_get_diagnostics (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->diagnostics;
}

/* (element-type filename) (transfer none): every file and folder the load read, so a
 * build system can rebuild when one changes or a file is added. */
GPtrArray *
kiosk_content_source_get_inputs (KioskContentSource *self)
{
  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (self), NULL);

  return self->inputs;
}
