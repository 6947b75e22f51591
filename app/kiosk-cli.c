/* kiosk-cli.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set-up and inspection commands for admins and scripts. None of them touches GTK,
 * so they work over SSH and in tests without a display.
 */

#define G_LOG_DOMAIN "kiosk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "kiosk-bundle.h"
#include "kiosk-cli.h"
#include "kiosk-importer.h"
#include "kiosk-search.h"
#include "kiosk-store.h"

void
kiosk_cli_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the content sources, their versions and what the kiosk holds"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Search the articles and print the best results"), N_("QUERY") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Language of printed titles: vi or en"), N_("LANG") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import a content repository from a folder or file:// address"), N_("PATH") },
    { "trust-key", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Trust a content publisher's public key"), N_("KEY") },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
}

static KioskStore *
open_store (KioskStoreRole role)
{
  g_autofree char *path = kiosk_store_default_path ();
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (path, role, &error);

  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

/* Every command sees the bundled content, as the window would on a first start. */
static KioskStore *
open_store_with_bundle (void)
{
  g_autoptr(KioskStore) store = open_store (KIOSK_STORE_WRITER);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return NULL;
  result = kiosk_bundle_ensure (store, NULL, &error);
  if (result == NULL && !g_error_matches (error, KIOSK_IMPORT_ERROR, KIOSK_IMPORT_ERROR_ROLLBACK))
    g_printerr ("%s\n", error->message);
  return g_steal_pointer (&store);
}

static KioskLang
lang_from_options (GVariantDict *options)
{
  const char *lang = NULL;

  if (g_variant_dict_lookup (options, "lang", "&s", &lang))
    return kiosk_lang_from_string (lang);
  return kiosk_lang_from_string (g_getenv ("LANGUAGE") ?: g_getenv ("LANG"));
}

static void
print_source (KioskSource *source,
              KioskLang    lang)
{
  const char *name = source->name[lang] ?: source->id;

  g_print (_("%s: version %" PRId64 " (%s)\n"), source->id, source->version, name);
  if (source->url != NULL)
    g_print (_("  address: %s%s\n"), source->url, source->enabled ? "" : _(" (turned off)"));
  if (source->last_result != NULL)
    g_print (_("  last sync: %s\n"), source->last_result);
}

static int
run_status (GVariantDict *options)
{
  g_autoptr(KioskStore) store = open_store_with_bundle ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  KioskStoreCounts counts;
  KioskLang lang = lang_from_options (options);

  if (store == NULL)
    return 1;
  sources = kiosk_store_list_sources (store, &error);
  if (sources == NULL || !kiosk_store_get_counts (store, &counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (sources->len == 0)
    g_print (_("No content sources yet.\n"));
  for (guint i = 0; i < sources->len; i++)
    print_source (sources->pdata[i], lang);
  g_print (_("Topics: %u, articles: %u, hotlines: %u, pictures: %u\n"),
           counts.topics, counts.articles, counts.hotlines, counts.media);
  return 0;
}

static int
run_search (GVariantDict *options,
            const char   *query)
{
  g_autoptr(KioskStore) store = open_store_with_bundle ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  KioskLang lang = lang_from_options (options);

  if (store == NULL)
    return 1;
  hits = kiosk_store_search (store, query, lang, 20, &error);
  if (hits == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      KioskSearchHit *hit = hits->pdata[i];

      g_print ("%s\t%s\n", hit->article_id, hit->title);
    }
  return 0;
}

static int
run_import (const char *location)
{
  g_autoptr(KioskStore) store = open_store_with_bundle ();
  g_autoptr(GFile) repo = g_file_new_for_commandline_arg (location);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return 1;
  result = kiosk_import_repository (store, repo, NULL, KIOSK_IMPORT_DEFAULT, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (result->up_to_date)
    g_print (_("%s is already up to date (version %" PRId64 ").\n"),
             result->source, result->new_version);
  else
    g_print (_("Imported %s version %" PRId64 ": %u new, %u updated, %u removed articles.\n"),
             result->source, result->new_version, result->articles_added,
             result->articles_updated, result->articles_removed);
  return 0;
}

static int
run_trust_key (const char *key)
{
  g_autoptr(KioskStore) store = open_store (KIOSK_STORE_WRITER);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return 1;
  if (!kiosk_store_trust_key (store, key, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The kiosk now trusts content signed with this key.\n"));
  return 0;
}

int
kiosk_cli_run (GVariantDict *options)
{
  const char *value = NULL;

  if (g_variant_dict_lookup (options, "trust-key", "&s", &value))
    return run_trust_key (value);
  if (g_variant_dict_lookup (options, "import", "^&ay", &value))
    return run_import (value);
  if (g_variant_dict_lookup (options, "search", "&s", &value))
    return run_search (options, value);
  if (g_variant_dict_contains (options, "status"))
    return run_status (options);
  return -1;
}
