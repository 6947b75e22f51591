/* test-print-dialog.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leaflet dialog on the test's X display, driven through its actions, printing to
 * a private cupsd with a cups-pdf queue.
 */

#include "config.h"

#include <string.h>

#include "kiosk-print-dialog.h"
#include "kiosk-resources.h"
#include "kiosk-test-cups.h"
#include "kiosk-test-leaflet.h"
#include "kiosk-test-ui.h"
#include "kiosk-test-util.h"

#define QUEUE "kiosk-test-dialog"

static const char *const two_articles[] = { "injury-drowning-home", "online-cyberbullying", NULL };
static const char *const one_article[] = { "injury-drowning-home", NULL };

static KioskTestCups *cups;
static char *skip_reason;

typedef struct {
  KioskSettings    *settings;
  KioskPrintDialog *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings;

  fixture->settings = kiosk_settings_new ();
  settings = kiosk_settings_get_gsettings (fixture->settings);
  g_settings_set_string (settings, "commune-name", KIOSK_TEST_COMMUNE_NAME);
  g_settings_set_string (settings, "commune-address", KIOSK_TEST_COMMUNE_ADDRESS);
  g_settings_set_string (settings, "printer", cups ? QUEUE : "");
  g_settings_set_string (settings, "paper-size", "a4");
}

static void
settle (void)
{
  kiosk_test_ui_wait (100);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->dialog));
      settle ();
      g_assert_finalize_object (fixture->dialog);
    }
  g_clear_object (&fixture->settings);
}

static gboolean
printers_known (gpointer data)
{
  KioskPrintDialog *dialog = data;

  return kiosk_print_dialog_get_printer (dialog) != NULL ||
         *kiosk_print_dialog_get_status (dialog) != '\0';
}

static void
open_dialog (Fixture           *fixture,
             const char *const *ids)
{
  fixture->dialog = kiosk_print_dialog_open (NULL, kiosk_test_bundled_store (), fixture->settings,
                                             ids, KIOSK_LANG_VI);
  g_object_ref (fixture->dialog);
  kiosk_test_ui_wait (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->dialog)));
  g_assert_true (kiosk_test_ui_wait_until (printers_known, fixture->dialog, 10000));
}

static void
activate (Fixture    *fixture,
          const char *action,
          guint       times)
{
  for (guint i = 0; i < times; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), action, NULL);
}

static void
assert_on_screen (Fixture    *fixture,
                  const char *text)
{
  g_autofree char *shown = kiosk_test_ui_collect_text (GTK_WIDGET (fixture->dialog));

  if (strstr (shown, text) == NULL)
    g_error ("“%s” is not on screen: %s", text, shown);
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  GtkPicture *preview;
  GdkPaintable *page;

  open_dialog (fixture, two_articles);
  g_assert_cmpuint (kiosk_print_dialog_get_n_pages (fixture->dialog), ==, 4);
  g_assert_cmpuint (kiosk_print_dialog_get_page (fixture->dialog), ==, 0);
  assert_on_screen (fixture, "Page 1 of 4");

  preview = GTK_PICTURE (kiosk_test_ui_find_type (GTK_WIDGET (fixture->dialog), GTK_TYPE_PICTURE));
  page = gtk_picture_get_paintable (preview);
  g_assert_nonnull (page);
  /* The real page, A4 upright. */
  g_assert_cmpfloat_with_epsilon (gdk_paintable_get_intrinsic_aspect_ratio (page), 210.0 / 297,
                                  0.01);

  activate (fixture, "print.next-page", 6);
  g_assert_cmpuint (kiosk_print_dialog_get_page (fixture->dialog), ==, 3);
  assert_on_screen (fixture, "Page 4 of 4");
  g_assert_true (gtk_picture_get_paintable (preview) != page);
  activate (fixture, "print.previous-page", 1);
  g_assert_cmpuint (kiosk_print_dialog_get_page (fixture->dialog), ==, 2);
  if (g_getenv ("KIOSK_TEST_SCREENSHOT") == NULL)
    return;
  /* A frame first: the screenshot is of what was drawn. */
  kiosk_test_ui_wait (300);
  kiosk_test_ui_screenshot (gtk_window_get_child (GTK_WINDOW (fixture->dialog)),
                              g_getenv ("KIOSK_TEST_SCREENSHOT"));
}

static void
test_copies (Fixture       *fixture,
             gconstpointer  data)
{
  open_dialog (fixture, one_article);
  g_assert_cmpuint (kiosk_print_dialog_get_copies (fixture->dialog), ==, 1);
  activate (fixture, "print.copies-more", 120);
  g_assert_cmpuint (kiosk_print_dialog_get_copies (fixture->dialog), ==, 100);
  assert_on_screen (fixture, "100");
  activate (fixture, "print.copies-less", 150);
  g_assert_cmpuint (kiosk_print_dialog_get_copies (fixture->dialog), ==, 1);
}

static void
test_paper (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *paper = NULL;
  guint a4_pages;

  open_dialog (fixture, one_article);
  a4_pages = kiosk_print_dialog_get_n_pages (fixture->dialog);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "print.paper", "s", "a5");
  g_object_get (fixture->dialog, "paper", &paper, NULL);
  g_assert_cmpstr (paper, ==, "a5");
  g_assert_cmpuint (kiosk_print_dialog_get_n_pages (fixture->dialog), >, a4_pages);
  g_assert_cmpuint (kiosk_print_dialog_get_page (fixture->dialog), ==, 0);
}

static gboolean
status_has (gpointer data)
{
  gpointer *args = data;

  return strstr (kiosk_print_dialog_get_status (args[0]), args[1]) != NULL;
}

static void
wait_for_status (Fixture    *fixture,
                 const char *text,
                 guint       timeout_ms)
{
  gpointer args[] = { fixture->dialog, (gpointer) text };

  if (!kiosk_test_ui_wait_until (status_has, args, timeout_ms))
    g_error ("The dialog says “%s”, not “%s”", kiosk_print_dialog_get_status (fixture->dialog),
             text);
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *usb = kiosk_test_mkdtemp ("usb-stick");
  g_autofree char *pdf = g_build_filename (usb, "injury-drowning-home-2-vi.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (usb);
  g_autoptr(GFile) gone = g_file_new_for_path ("/nonexistent-usb-stick");
  g_autofree char *text = NULL;

  open_dialog (fixture, two_articles);
  kiosk_print_dialog_save_to_folder (fixture->dialog, folder);
  wait_for_status (fixture, "Saved the leaflet as", 10000);
  g_assert_cmpuint (kiosk_test_pdf_pages (pdf), ==, 4);
  text = kiosk_test_pdf_text (pdf);
  kiosk_test_assert_text (text, KIOSK_TEST_COMMUNE_NAME);

  kiosk_print_dialog_save_to_folder (fixture->dialog, gone);
  wait_for_status (fixture, "could not be saved", 10000);
  g_assert_true (gtk_widget_has_css_class (
    kiosk_test_ui_find_label (GTK_WIDGET (fixture->dialog), "could not be saved"), "error"));
  kiosk_test_rm_rf (usb);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;

  if (cups == NULL)
    {
      g_test_skip (skip_reason);
      return;
    }
  open_dialog (fixture, one_article);
  g_assert_cmpstr (kiosk_print_dialog_get_printer (fixture->dialog), ==, QUEUE);
  activate (fixture, "print.copies-more", 1);
  before = kiosk_test_cups_list_output (cups);
  activate (fixture, "print.print", 1);
  wait_for_status (fixture, "Printed 2 copies on “" QUEUE "”.", 60000);
  output = kiosk_test_cups_wait_output (cups, before);
  g_assert_nonnull (output);
  g_assert_cmpuint (kiosk_test_pdf_pages (output), ==,
                    kiosk_print_dialog_get_n_pages (fixture->dialog));
  text = kiosk_test_pdf_text (output);
  kiosk_test_assert_text (text, KIOSK_TEST_COMMUNE_NAME);
  kiosk_test_assert_text (text, "111");
}

static void
test_stopped_printer (Fixture       *fixture,
                      gconstpointer  data)
{
  if (cups == NULL)
    {
      g_test_skip (skip_reason);
      return;
    }
  kiosk_test_cups_run (cups, "cupsdisable", QUEUE, NULL);
  open_dialog (fixture, one_article);
  activate (fixture, "print.print", 1);
  wait_for_status (fixture, "is stopped or paused", 30000);
  g_assert_true (gtk_widget_has_css_class (
    kiosk_test_ui_find_label (GTK_WIDGET (fixture->dialog), "stopped or paused"), "error"));
  kiosk_test_cups_run (cups, "cupsenable", QUEUE, NULL);
}

static void
test_missing_printer (Fixture       *fixture,
                      gconstpointer  data)
{
  if (cups == NULL)
    {
      g_test_skip (skip_reason);
      return;
    }
  g_settings_set_string (kiosk_settings_get_gsettings (fixture->settings), "printer",
                         "no-such-printer");
  open_dialog (fixture, one_article);
  wait_for_status (fixture, "The printer “no-such-printer” set for this kiosk is not available",
                   10000);
  /* The only queue there is stands in. */
  g_assert_cmpstr (kiosk_print_dialog_get_printer (fixture->dialog), ==, QUEUE);
}

static void
test_missing_article (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *const ids[] = { "no-such-article", NULL };

  open_dialog (fixture, ids);
  wait_for_status (fixture, "no-such-article", 1000);
  g_assert_cmpuint (kiosk_print_dialog_get_n_pages (fixture->dialog), ==, 0);
  activate (fixture, "print.print", 1);
  activate (fixture, "print.next-page", 1);
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Links the app's resources in from the static library. */
  g_assert_nonnull (kiosk_get_resource ());
  g_setenv ("GTK_A11Y", "test", FALSE);
  kiosk_test_init_dirs ();
  kiosk_test_bundled_store ();
  kiosk_test_ui_init (&argc, &argv);
  cups = kiosk_test_cups_start (&skip_reason);
  if (cups != NULL)
    kiosk_test_cups_add_pdf_queue (cups, QUEUE);

  add ("/kiosk/print/dialog/preview", test_preview);
  add ("/kiosk/print/dialog/copies", test_copies);
  add ("/kiosk/print/dialog/paper", test_paper);
  add ("/kiosk/print/dialog/save-pdf", test_save_pdf);
  add ("/kiosk/print/dialog/print", test_print);
  add ("/kiosk/print/dialog/stopped-printer", test_stopped_printer);
  add ("/kiosk/print/dialog/missing-printer", test_missing_printer);
  add ("/kiosk/print/dialog/missing-article", test_missing_article);

  status = g_test_run ();
  g_clear_pointer (&cups, kiosk_test_cups_stop);
  g_free (skip_reason);
  return status;
}
