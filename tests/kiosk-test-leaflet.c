/* kiosk-test-leaflet.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kiosk-bundle.h"
#include "kiosk-test-leaflet.h"
#include "kiosk-test-util.h"

static KioskStore *bundled_store;

static void
close_bundled_store (void)
{
  g_clear_object (&bundled_store);
}

KioskStore *
kiosk_test_bundled_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskImportResult) result = NULL;
  g_autofree char *bundle = kiosk_test_build_path ("data/content");
  g_autofree char *path = NULL;

  if (bundled_store != NULL)
    return bundled_store;
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  path = g_build_filename (kiosk_test_init_dirs (), "bundled.sqlite", NULL);
  bundled_store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_assert_no_error (error);
  result = kiosk_bundle_ensure (bundled_store, NULL, &error);
  g_assert_no_error (error);
  atexit (close_bundled_store);
  return bundled_store;
}

char *
kiosk_test_normalize_text (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) words = g_strsplit_set (nfc, " \n\t\f", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

char *
kiosk_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = run (argv);

  return kiosk_test_normalize_text (out);
}

guint
kiosk_test_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *pages = strstr (out, "\nPages:");

  g_assert_nonnull (pages);
  pages += strlen ("\nPages:");
  return (guint) g_ascii_strtoull (pages + strspn (pages, " "), NULL, 10);
}

void
kiosk_test_assert_text (const char *text,
                        const char *needle)
{
  g_autofree char *wanted = kiosk_test_normalize_text (needle);

  if (strstr (text, wanted) == NULL)
    g_error ("“%s” is not in the text: %s", wanted, text);
}
