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
#include <string.h>
#include <unistd.h>

#include "kiosk-bundle.h"
#include "kiosk-cli.h"
#include "kiosk-importer.h"
#include "kiosk-pins.h"
#include "kiosk-search.h"
#include "kiosk-settings.h"
#include "kiosk-sources.h"
#include "kiosk-store.h"
#include "render/kiosk-leaflet-cli.h"
#include "sync/kiosk-sync-client.h"

void
kiosk_cli_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the content sources, their versions and what the kiosk holds"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Search the articles and print the best results"), N_("QUERY") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Language of printed titles and leaflets: vi or en"), N_("LANG") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import a content repository from a folder or file:// address"), N_("PATH") },
    { "trust-key", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Trust a content publisher's public key"), N_("KEY") },
    { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Sync every enabled content source over the network now"), NULL },
    { "add-source", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Follow a content source: its id, then its address and its publisher's public key"),
      N_("ID URL KEY") },
    { "remove-source", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Stop following a content source and remove its content"), N_("ID") },
    { "set-pins", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Set the admin and staff PINs, read as two lines from standard input"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL, NULL, NULL },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
  kiosk_leaflet_cli_add_options (app);
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
run_leaflet (GVariantDict *options)
{
  g_autoptr(KioskStore) store = open_store_with_bundle ();

  if (store == NULL)
    return 1;
  return kiosk_leaflet_cli_run (options, store);
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

/* ---- sync ---- */

typedef struct {
  GMainLoop       *loop;
  KioskSyncReport *report;
  GError          *error;
  gboolean         tty;
} CliSync;

static void
on_progress_cb (KioskSyncClient *client,
                const char      *source,
                guint            phase,
                guint            done,
                guint            total,
                guint64          bytes_done,
                guint64          bytes_total,
                CliSync         *sync)
{
  g_autofree char *got = g_format_size (bytes_done);
  g_autofree char *all = g_format_size (bytes_total);

  if (phase != KIOSK_SYNC_PHASE_DOWNLOADING || (!sync->tty && done != total))
    return;
  g_print (_("%s%s: %u of %u parts, %s of %s"), sync->tty ? "\r" : "", source, done, total,
           got, all);
  if (!sync->tty || done == total)
    g_print ("\n");
}

static void
on_cli_synced_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CliSync *sync = user_data;

  kiosk_sync_client_sync_finish (KIOSK_SYNC_CLIENT (source), result, &sync->report,
                                 &sync->error);
  g_main_loop_quit (sync->loop);
}

static gboolean
sync_one (KioskSyncClient *client,
          const char      *store_path,
          KioskSource     *source)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CliSync sync = { .loop = loop, .tty = isatty (fileno (stdout)) };
  gulong progress_id;

  g_print (_("Syncing %s from %s …\n"), source->id, source->url);
  progress_id = g_signal_connect (client, "progress", G_CALLBACK (on_progress_cb), &sync);
  kiosk_sync_client_sync_async (client, store_path, source->id, NULL, on_cli_synced_cb, &sync);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (client, progress_id);
  report = sync.report;
  error = sync.error;

  if (error != NULL)
    g_printerr ("%s: %s\n", source->id, error->message);
  else
    g_print ("%s: %s\n", source->id, report->message);
  return error == NULL;
}

static KioskSyncClient *
cli_sync_client (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(KioskSettings) settings = NULL;
  g_autofree char *proxy = NULL;
  KioskSyncClient *client = kiosk_sync_client_new ();

  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)))
    {
      settings = kiosk_settings_new ();
      proxy = kiosk_settings_dup_proxy (settings);
      kiosk_sync_client_set_proxy (client, proxy);
    }
  return client;
}

static int
run_sync (void)
{
  g_autoptr(KioskStore) store = open_store_with_bundle ();
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(KioskSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  guint tried = 0, failed = 0;

  if (store == NULL)
    return 1;
  sources = kiosk_store_list_sources (store, &error);
  if (sources == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  client = cli_sync_client ();
  for (guint i = 0; i < sources->len; i++)
    {
      KioskSource *source = sources->pdata[i];

      if (source->url == NULL || !source->enabled)
        continue;
      tried++;
      failed += !sync_one (client, kiosk_store_get_path (store), source);
    }

  if (tried == 0)
    {
      g_printerr (_("No content sources are set up for sync. Add one with goc-tre-em --add-source ID URL KEY.\n"));
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Synced %u source: %u failed.\n",
                        "Synced %u sources: %u failed.\n", tried), tried, failed);
  return failed > 0 ? 1 : 0;
}

static int
run_add_source (const char   *id,
                GVariantDict *options)
{
  g_autoptr(KioskStore) store = open_store (KIOSK_STORE_WRITER);
  g_autoptr(GError) error = NULL;
  g_autofree const char **rest = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&s", &rest) ||
      g_strv_length ((char **) rest) != 2)
    {
      g_printerr (_("Usage: goc-tre-em --add-source ID URL PUBLIC_KEY\n"));
      return 2;
    }
  if (store == NULL)
    return 1;
  if (!kiosk_store_add_source (store, id, rest[0], &rest[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The kiosk now follows %s at %s, checked with the given key. Run goc-tre-em --sync to fetch its content now.\n"),
           id, rest[0]);
  return 0;
}

static int
run_remove_source (const char *id)
{
  g_autoptr(KioskStore) store = open_store (KIOSK_STORE_WRITER);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return 1;
  if (!kiosk_sources_remove (store, id, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The kiosk no longer follows %s; its content was removed.\n"), id);
  return 0;
}

/* A line of standard input without its line end; NULL at the end of input. */
static char *
read_line (void)
{
  char line[64];

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* For setting up kiosks by script, and the way back in after the admin PIN is lost
 * (which needs a shell on the kiosk's account). The PINs come on standard input, never
 * the command line, which other users can see. */
static int
run_set_pins (void)
{
  g_autoptr(KioskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *admin_pin = read_line ();
  g_autofree char *staff_pin = read_line ();

  if (admin_pin == NULL || staff_pin == NULL)
    {
      g_printerr (_("Give the admin PIN, then the staff PIN, each on its own line.\n"));
      return 2;
    }
  if ((store = open_store (KIOSK_STORE_WRITER)) == NULL)
    return 1;
  if (!kiosk_pins_set (store, admin_pin, staff_pin, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The admin and staff PINs are set, and the keypad is unlocked.\n"));
  return 0;
}

int
kiosk_cli_run (GVariantDict *options)
{
  const char *value = NULL;

  if (g_variant_dict_contains (options, "sync"))
    return run_sync ();
  if (g_variant_dict_lookup (options, "add-source", "&s", &value))
    return run_add_source (value, options);
  if (g_variant_dict_lookup (options, "remove-source", "&s", &value))
    return run_remove_source (value);
  if (g_variant_dict_contains (options, "set-pins"))
    return run_set_pins ();

  if (g_variant_dict_lookup (options, "trust-key", "&s", &value))
    return run_trust_key (value);
  if (g_variant_dict_lookup (options, "import", "^&ay", &value))
    return run_import (value);
  if (g_variant_dict_lookup (options, "search", "&s", &value))
    return run_search (options, value);
  if (g_variant_dict_contains (options, "status"))
    return run_status (options);
  if (kiosk_leaflet_cli_handles (options))
    return run_leaflet (options);
  return -1;
}
