/* kiosk-content-report.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-content-report.h"

typedef struct
{
  guint n_articles;
  guint n_words[KIOSK_N_LANGS];
} Totals;

/* A '|' in a title would end the table cell. */
static char *
escape_cell (const char *text)
{
  g_autoptr(GString) cell = g_string_new (text);

  g_string_replace (cell, "|", "\\|", 0);
  g_string_replace (cell, "\n", " ", 0);
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

static void
add_article_row (GString                  *out,
                 const KioskSourceArticle *article,
                 Totals                   *totals)
{
  g_autofree char *title = escape_cell (article->text[KIOSK_LANG_VI].title);

  g_string_append_printf (out, "| %s | %s | %s | %u | %u |\n",
                          article->topic, article->id, title,
                          article->text[KIOSK_LANG_VI].n_words,
                          article->text[KIOSK_LANG_EN].n_words);
  totals->n_articles++;
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    totals->n_words[lang] += article->text[lang].n_words;
}

static void
add_total_row (GString      *out,
               const char   *label,
               const Totals *totals)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u article", "%u articles",
                                                      totals->n_articles),
                                            totals->n_articles);

  g_string_append_printf (out, "| **%s** | **%s** | | **%u** | **%u** |\n",
                          label, count, totals->n_words[KIOSK_LANG_VI],
                          totals->n_words[KIOSK_LANG_EN]);
}

static void
add_topic_rows (GString                *out,
                const KioskSourceTopic *topic,
                GPtrArray              *articles,
                Totals                 *all)
{
  Totals totals = { 0, };

  for (guint i = 0; i < articles->len; i++)
    {
      const KioskSourceArticle *article = g_ptr_array_index (articles, i);

      if (g_strcmp0 (article->topic, topic->id) == 0)
        add_article_row (out, article, &totals);
    }
  add_total_row (out, topic->id, &totals);
  all->n_articles += totals.n_articles;
  for (guint lang = 0; lang < KIOSK_N_LANGS; lang++)
    all->n_words[lang] += totals.n_words[lang];
}

/* One table, topics in home-screen order, a subtotal per topic and a grand total. No
 * date in it, so the generated docs change only when the content does. */
char *
kiosk_content_report_build (KioskContentSource *source)
{
  GPtrArray *topics = kiosk_content_source_get_topics (source);
  GPtrArray *articles = kiosk_content_source_get_articles (source);
  g_autoptr(GString) out = g_string_new (NULL);
  Totals all = { 0, };

  g_return_val_if_fail (KIOSK_IS_CONTENT_SOURCE (source), NULL);

  g_string_append_printf (out, "| %s | %s | %s | %s | %s |\n|---|---|---|--:|--:|\n",
                          _("Topic"), _("Article"), _("Title (vi)"),
                          _("Words (vi)"), _("Words (en)"));
  for (guint i = 0; i < topics->len; i++)
    add_topic_rows (out, g_ptr_array_index (topics, i), articles, &all);
  add_total_row (out, _("All topics"), &all);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
kiosk_content_report_write (KioskContentSource  *source,
                            const char          *path,
                            GError             **error)
{
  g_autofree char *report = kiosk_content_report_build (source);

  g_return_val_if_fail (path != NULL, FALSE);

  return g_file_set_contents (path, report, -1, error);
}
