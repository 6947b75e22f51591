/* kiosk-leaflet-cli.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * goc-tre-em --leaflet ID[,ID…] --output FILE.pdf [--lang vi|en] [--paper a4|a5]
 * goc-tre-em --print ID [--copies N] [--printer NAME]
 * Neither needs a display: rendering is Pango and cairo, printing is libcups.
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kiosk-leaflet-cli.h"
#include "kiosk-leaflet-private.h"
#include "kiosk-leaflet.h"
#include "kiosk-print-job.h"
#include "kiosk-settings.h"

#define MAX_COPIES 100

void
kiosk_leaflet_cli_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "leaflet", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write a printable leaflet of these articles (comma-separated ids) to --output"),
      N_("ID[,ID…]") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The PDF file --leaflet writes"), N_("FILE.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Leaflet paper size: a4 or a5 (the kiosk's setting when not given)"), N_("SIZE") },
    { "print", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Print a leaflet of this article on the kiosk's printer"), N_("ID") },
    { "copies", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("How many copies --print makes (1 to 100)"), N_("N") },
    { "printer", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The printer queue for --print (the kiosk's printer, else the default one)"),
      N_("NAME") },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
}

gboolean
kiosk_leaflet_cli_handles (GVariantDict *options)
{
  return g_variant_dict_contains (options, "leaflet") || g_variant_dict_contains (options, "print");
}

/* Prints @message for the person at the terminal; returns the failing exit status. */
static int
fail (const char *message)
{
  g_printerr ("%s\n", message);
  return 1;
}

/* --lang and --paper win over the kiosk's settings. */
static gboolean
read_format (GVariantDict  *options,
             KioskSettings *settings,
             KioskLang     *lang,
             KioskPaper    *paper)
{
  const char *value = NULL;
  g_autofree char *paper_setting = kiosk_settings_dup_paper_size (settings);

  *lang = kiosk_settings_get_language (settings);
  if (g_variant_dict_lookup (options, "lang", "&s", &value))
    {
      if (g_strcmp0 (value, "vi") != 0 && g_strcmp0 (value, "en") != 0)
        {
          fail (_("The language must be vi or en."));
          return FALSE;
        }
      *lang = kiosk_lang_from_string (value);
    }
  *paper = kiosk_paper_from_string (paper_setting);
  if (g_variant_dict_lookup (options, "paper", "&s", &value))
    {
      if (g_ascii_strcasecmp (value, "a4") != 0 && g_ascii_strcasecmp (value, "a5") != 0)
        {
          fail (_("The paper size must be a4 or a5."));
          return FALSE;
        }
      *paper = kiosk_paper_from_string (value);
    }
  return TRUE;
}

static KioskLeaflet *
build_leaflet (GVariantDict *options,
               KioskStore   *store,
               const char   *ids)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  g_autoptr(KioskLeaflet) leaflet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kiosk_settings_dup_commune_name (settings);
  g_autofree char *address = kiosk_settings_dup_commune_address (settings);
  KioskLang lang;
  KioskPaper paper;

  if (!read_format (options, settings, &lang, &paper))
    return NULL;
  leaflet = kiosk_leaflet_new (store, lang, paper);
  kiosk_leaflet_set_commune (leaflet, name, address);
  if (!kiosk_leaflet_add_articles (leaflet, ids, &error))
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  return g_steal_pointer (&leaflet);
}

static int
write_leaflet (GVariantDict *options,
               KioskStore   *store,
               const char   *ids)
{
  g_autoptr(KioskLeaflet) leaflet = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = NULL;
  guint n_pages;

  if (!g_variant_dict_lookup (options, "output", "^&ay", &output))
    return fail (_("Give the PDF file to write with --output FILE.pdf."));
  leaflet = build_leaflet (options, store, ids);
  if (leaflet == NULL)
    return 1;
  file = g_file_new_for_commandline_arg (output);
  if (!kiosk_leaflet_save_pdf (leaflet, file, NULL, &error))
    {
      return fail (error->message);
    }
  n_pages = kiosk_leaflet_get_n_pages (leaflet);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page.\n", "Wrote %s: %u pages.\n",
                        n_pages), output, n_pages);
  return 0;
}

static void
on_job_status_cb (KioskPrintJob *job)
{
  if (kiosk_print_job_get_state (job) != KIOSK_PRINT_STATE_FAILED)
    g_print ("%s\n", kiosk_print_job_get_status (job));
}

static char *
write_temporary_pdf (KioskLeaflet  *leaflet,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd = g_file_open_tmp ("goc-tre-em-XXXXXX.pdf", &path, error);

  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  file = g_file_new_for_path (path);
  if (!kiosk_leaflet_save_pdf (leaflet, file, NULL, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static int
print_leaflet (GVariantDict *options,
               KioskStore   *store,
               const char   *ids)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  g_autoptr(KioskLeaflet) leaflet = NULL;
  g_autoptr(KioskPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printer = kiosk_settings_dup_printer (settings);
  g_autofree char *path = NULL;
  const char *value = NULL;
  int copies = 1;
  gboolean ok;

  if (g_variant_dict_lookup (options, "copies", "i", &copies) &&
      (copies < 1 || copies > MAX_COPIES))
    return fail (_("The number of copies must be between 1 and 100."));
  if (g_variant_dict_lookup (options, "printer", "&s", &value))
    {
      g_free (printer);
      printer = g_strdup (value);
    }
  leaflet = build_leaflet (options, store, ids);
  if (leaflet == NULL)
    return 1;
  path = write_temporary_pdf (leaflet, &error);
  if (path != NULL)
    {
      job = kiosk_print_job_new (printer, path, kiosk_leaflet_get_title (leaflet), copies,
                                 kiosk_leaflet_get_paper (leaflet));
      g_signal_connect (job, "notify::status", G_CALLBACK (on_job_status_cb), NULL);
      ok = kiosk_print_job_run (job, NULL, &error);
      g_unlink (path);
      if (ok)
        return 0;
    }
  return fail (error->message);
}

int
kiosk_leaflet_cli_run (GVariantDict *options,
                       KioskStore   *store)
{
  const char *ids = NULL;

  g_return_val_if_fail (store != NULL, 1);

  /* Nothing but leaflets is drawn in this process. */
  kiosk_leaflet_fonts_use_only_dejavu ();
  if (g_variant_dict_lookup (options, "print", "&s", &ids))
    return print_leaflet (options, store, ids);
  if (g_variant_dict_lookup (options, "leaflet", "&s", &ids))
    return write_leaflet (options, store, ids);
  return -1;
}
