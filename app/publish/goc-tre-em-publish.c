/* goc-tre-em-publish.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <sodium.h>

#include "kiosk-content-report.h"
#include "kiosk-i18n.h"
#include "kiosk-content-source.h"
#include "kiosk-publisher.h"
#include "kiosk-repo-format.h"

#define EXIT_USAGE 2

typedef struct
{
  char     *generate_key;
  char     *key;
  int       expires_days;
  gboolean  lint;
  char     *report;
  char     *depfile;
  char    **paths;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->generate_key);
  g_free (options->key);
  g_free (options->report);
  g_free (options->depfile);
  g_strfreev (options->paths);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static GOptionContext *
make_context (Options *options)
{
  const GOptionEntry entries[] = {
    { "generate-key", 0, 0, G_OPTION_ARG_FILENAME, &options->generate_key,
      N_("Write a new secret key to FILE and print its public key"), N_("FILE") },
    { "key", 'k', 0, G_OPTION_ARG_FILENAME, &options->key,
      N_("Sign with the secret key in FILE"), N_("FILE") },
    { "expires-days", 0, 0, G_OPTION_ARG_INT, &options->expires_days,
      N_("Days until kiosks stop applying this publish (default 365)"), N_("N") },
    { "lint", 0, 0, G_OPTION_ARG_NONE, &options->lint,
      N_("Check the writing style too; any warning then stops the publish"), NULL },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &options->report,
      N_("Write a Markdown table of the articles and their word counts to FILE"), N_("FILE") },
    { "depfile", 0, 0, G_OPTION_ARG_FILENAME, &options->depfile,
      N_("Write the files read to FILE as a Makefile rule, for build systems"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->paths, NULL, NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("SOURCE_DIR OUTPUT_DIR"));

  g_option_context_set_summary (context,
                                _("Checks a folder of articles and publishes it as a signed "
                                  "repository for Góc Trẻ Em kiosks."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Run “%s --help” to see how to use it.\n"), g_get_prgname ());
  return EXIT_USAGE;
}

static int
generate_key (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *public_key = NULL;

  if (!kiosk_publisher_generate_key (path, &public_key, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", public_key);
  return EXIT_SUCCESS;
}

static guint
print_diagnostics (KioskContentSource *source)
{
  GPtrArray *diagnostics = kiosk_content_source_get_diagnostics (source);
  guint n_errors = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      KioskDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = kiosk_diagnostic_to_string (diagnostic);

      g_printerr ("%s\n", line);
      n_errors += diagnostic->level == KIOSK_DIAGNOSTIC_ERROR;
    }
  return n_errors;
}

/* Make syntax: a space or '#' in a path must be escaped, '$' doubled. */
static void
append_make_path (GString    *out,
                  const char *path)
{
  g_string_append_c (out, ' ');
  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '#' || *p == '\\')
        g_string_append_c (out, '\\');
      else if (*p == '$')
        g_string_append_c (out, '$');
      g_string_append_c (out, *p);
    }
}

/* Folders are listed too: adding an article changes its folder, and ninja then runs the
 * publish again although the new file was not known before. */
static gboolean
write_depfile (const char          *path,
               const char          *target,
               KioskContentSource  *source,
               GError             **error)
{
  GPtrArray *inputs = kiosk_content_source_get_inputs (source);
  g_autoptr(GString) out = g_string_new (NULL);

  append_make_path (out, target);
  g_string_erase (out, 0, 1);
  g_string_append_c (out, ':');
  for (guint i = 0; i < inputs->len; i++)
    append_make_path (out, g_ptr_array_index (inputs, i));
  g_string_append_c (out, '\n');
  return g_file_set_contents (path, out->str, out->len, error);
}

static gboolean
load_source (KioskContentSource  *source,
             const Options       *options,
             GError             **error)
{
  KioskContentSourceFlags flags = options->lint ? KIOSK_CONTENT_SOURCE_LINT
                                                : KIOSK_CONTENT_SOURCE_NONE;
  gboolean ok = kiosk_content_source_load (source, flags, error);
  guint n_errors = print_diagnostics (source);
  g_autoptr(GError) report_error = NULL;

  /* Style warnings leave the word counts right, so the report is written all the same. */
  if (options->report != NULL && n_errors == 0 &&
      !kiosk_content_report_write (source, options->report, &report_error))
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&report_error));
      return FALSE;
    }
  return ok;
}

static gboolean
publish (const Options  *options,
         const guint8   *secret_key,
         GError        **error)
{
  g_autoptr(KioskContentSource) source = kiosk_content_source_new (options->paths[0]);
  const char *output_dir = options->paths[1];
  KioskPublishResult result;

  if (!load_source (source, options, error) ||
      !kiosk_publisher_publish (source, secret_key, output_dir, options->expires_days, NULL,
                                &result, error))
    return FALSE;
  if (options->depfile != NULL &&
      !write_depfile (options->depfile, output_dir, source, error))
    return FALSE;
  g_print (_("Published %s version %" PRId64 " to %s: %u objects, %u written, "
             "%u removed\n"),
           kiosk_content_source_get_repository_id (source), result.version, output_dir,
           result.n_objects, result.n_written, result.n_removed);
  return TRUE;
}

static int
run_publish (const Options *options)
{
  g_autoptr(GError) error = NULL;
  guint8 secret_key[KIOSK_SECRET_KEY_SIZE];
  gboolean ok;

  if (!kiosk_publisher_load_key (options->key, secret_key, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }
  ok = publish (options, secret_key, &error);
  sodium_memzero (secret_key, sizeof secret_key);
  if (!ok)
    g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

static const char *
check_options (const Options *options)
{
  guint n_paths = options->paths != NULL ? g_strv_length (options->paths) : 0;

  if (options->generate_key != NULL)
    return options->key == NULL && n_paths == 0 && options->report == NULL && !options->lint
           ? NULL : _("--generate-key takes only the key file");
  if (options->key == NULL)
    return _("--key is required");
  if (n_paths != 2)
    return _("give the source folder and the output folder");
  if (options->expires_days < 1 || options->expires_days > 3650)
    return _("--expires-days must be between 1 and 3650");
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { .expires_days = KIOSK_PUBLISH_DEFAULT_EXPIRES_DAYS };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  kiosk_i18n_init ();
  g_set_prgname ("goc-tre-em-publish");

  context = make_context (&options);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if ((problem = check_options (&options)) != NULL)
    return usage_error (problem);
  if (options.generate_key != NULL)
    return generate_key (options.generate_key);
  return run_publish (&options);
}
