/* test-print.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing through a real CUPS: a private cupsd started here, with a cups-pdf queue
 * whose output PDF is read back with poppler.
 */

#include "config.h"

#include <cups/cups.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-leaflet.h"
#include "kiosk-print-job.h"
#include "kiosk-test-cups.h"
#include "kiosk-test-leaflet.h"
#include "kiosk-test-util.h"

#define QUEUE   "kiosk-test-pdf"
#define ARTICLE "injury-drowning-home"

static KioskTestCups *cups;
static char *skip_reason;

typedef struct {
  char  *dir;
  char  *pdf;
  char  *title;
  guint  n_pages;
} Leaflet;

static gboolean
need_cups (void)
{
  if (cups == NULL)
    g_test_skip (skip_reason);
  return cups != NULL;
}

static void
leaflet_set_up (Leaflet       *leaflet,
                gconstpointer  data)
{
  g_autoptr(KioskLeaflet) renderer = kiosk_leaflet_new (kiosk_test_bundled_store (),
                                                        KIOSK_LANG_VI, KIOSK_PAPER_A4);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  kiosk_leaflet_set_commune (renderer, KIOSK_TEST_COMMUNE_NAME, KIOSK_TEST_COMMUNE_ADDRESS);
  g_assert_true (kiosk_leaflet_add_article (renderer, ARTICLE, &error));
  g_assert_no_error (error);
  leaflet->dir = kiosk_test_mkdtemp ("print");
  leaflet->pdf = g_build_filename (leaflet->dir, "leaflet.pdf", NULL);
  file = g_file_new_for_path (leaflet->pdf);
  g_assert_true (kiosk_leaflet_save_pdf (renderer, file, NULL, &error));
  g_assert_no_error (error);
  leaflet->title = g_strdup (kiosk_leaflet_get_title (renderer));
  leaflet->n_pages = kiosk_leaflet_get_n_pages (renderer);
}

static void
leaflet_tear_down (Leaflet       *leaflet,
                   gconstpointer  data)
{
  kiosk_test_rm_rf (leaflet->dir);
  g_free (leaflet->dir);
  g_free (leaflet->pdf);
  g_free (leaflet->title);
}

/* cups-pdf writes one copy whatever the count; the scheduler's page log shows the
 * pages it was asked for, copies included. */
static void
assert_page_log (int   job_id,
                 guint total)
{
  g_autofree char *log = kiosk_test_cups_get_page_log (cups);
  g_autofree char *job = g_strdup_printf (QUEUE " root %d ", job_id);
  g_autofree char *expected = g_strdup_printf (" total %u ", total);
  const char *line = strstr (log, job);

  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, expected));
}

static void
assert_printed_leaflet (Leaflet    *leaflet,
                        GPtrArray  *before)
{
  g_autofree char *output = kiosk_test_cups_wait_output (cups, before);
  g_autofree char *text = NULL;

  g_assert_nonnull (output);
  g_assert_cmpuint (kiosk_test_pdf_pages (output), ==, leaflet->n_pages);
  text = kiosk_test_pdf_text (output);
  kiosk_test_assert_text (text, leaflet->title);
  kiosk_test_assert_text (text, "111");
  kiosk_test_assert_text (text, KIOSK_TEST_COMMUNE_NAME);
}

static void
test_two_copies (Leaflet       *leaflet,
                 gconstpointer  data)
{
  g_autoptr(KioskPrintJob) job = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_cups ())
    return;
  before = kiosk_test_cups_list_output (cups);
  job = kiosk_print_job_new (QUEUE, leaflet->pdf, leaflet->title, 2, KIOSK_PAPER_A4);
  g_assert_true (kiosk_print_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_print_job_get_state (job), ==, KIOSK_PRINT_STATE_DONE);
  g_assert_cmpfloat (kiosk_print_job_get_fraction (job), ==, 1.0);
  g_assert_cmpstr (kiosk_print_job_get_printer (job), ==, QUEUE);
  g_assert_nonnull (strstr (kiosk_print_job_get_status (job), "2 copies"));
  assert_printed_leaflet (leaflet, before);
  assert_page_log (kiosk_print_job_get_id (job), 2 * leaflet->n_pages);
}

typedef struct {
  GArray   *states;
  gboolean  done;
  gboolean  ok;
  GError   *error;
  GThread  *thread;     /* where the job was started, when the test checks it */
  gboolean  elsewhere;  /* a state change was seen in another thread */
} Watch;

static void
on_state_cb (KioskPrintJob *job,
             GParamSpec    *pspec,
             Watch         *watch)
{
  KioskPrintState state = kiosk_print_job_get_state (job);

  g_array_append_val (watch->states, state);
  if (watch->thread != NULL && g_thread_self () != watch->thread)
    watch->elsewhere = TRUE;
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;

  watch->ok = kiosk_print_job_run_finish (KIOSK_PRINT_JOB (source), result, &watch->error);
  watch->done = TRUE;
}

static gboolean
states_contain (GArray          *states,
                KioskPrintState  wanted)
{
  for (guint i = 0; i < states->len; i++)
    if (g_array_index (states, KioskPrintState, i) == wanted)
      return TRUE;
  return FALSE;
}

/* The default queue, in a worker thread, with progress on the main context: every
 * change of state is seen in the thread that started the job, as the screens that
 * watch a job are GTK widgets. */
static void
test_async_default_printer (Leaflet       *leaflet,
                            gconstpointer  data)
{
  g_autoptr(KioskPrintJob) job = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (KioskPrintState));
  Watch watch = { states, .thread = g_thread_self () };

  if (!need_cups ())
    return;
  kiosk_test_cups_run (cups, "lpadmin", "-d", QUEUE, NULL);
  before = kiosk_test_cups_list_output (cups);
  job = kiosk_print_job_new (NULL, leaflet->pdf, leaflet->title, 1, KIOSK_PAPER_A4);
  g_signal_connect (job, "notify::state", G_CALLBACK (on_state_cb), &watch);
  kiosk_print_job_run_async (job, NULL, run_done_cb, &watch);
  while (!watch.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  g_assert_cmpstr (kiosk_print_job_get_printer (job), ==, QUEUE);
  g_assert_true (states_contain (states, KIOSK_PRINT_STATE_QUEUED));
  g_assert_cmpint (g_array_index (states, KioskPrintState, states->len - 1), ==,
                   KIOSK_PRINT_STATE_DONE);
  g_assert_false (watch.elsewhere);
  assert_printed_leaflet (leaflet, before);
}

static void
assert_print_error (Leaflet         *leaflet,
                    const char      *printer,
                    KioskPrintError  code,
                    const char      *words)
{
  g_autoptr(KioskPrintJob) job = kiosk_print_job_new (printer, leaflet->pdf, leaflet->title, 1,
                                                      KIOSK_PAPER_A4);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_print_job_run (job, NULL, &error));
  g_assert_error (error, KIOSK_PRINT_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (kiosk_print_job_get_state (job), ==, KIOSK_PRINT_STATE_FAILED);
  g_assert_cmpstr (kiosk_print_job_get_status (job), ==, error->message);
}

static void
test_stopped_printer (Leaflet       *leaflet,
                      gconstpointer  data)
{
  if (!need_cups ())
    return;
  kiosk_test_cups_run (cups, "cupsdisable", QUEUE, NULL);
  assert_print_error (leaflet, QUEUE, KIOSK_PRINT_ERROR_PRINTER_STOPPED, "stopped or paused");
  kiosk_test_cups_run (cups, "cupsenable", QUEUE, NULL);
  kiosk_test_cups_run (cups, "cupsreject", QUEUE, NULL);
  assert_print_error (leaflet, QUEUE, KIOSK_PRINT_ERROR_PRINTER_STOPPED, QUEUE);
  kiosk_test_cups_run (cups, "cupsaccept", QUEUE, NULL);
}

static void
test_missing_printer (Leaflet       *leaflet,
                      gconstpointer  data)
{
  if (!need_cups ())
    return;
  assert_print_error (leaflet, "no-such-printer", KIOSK_PRINT_ERROR_PRINTER_NOT_FOUND,
                      "There is no printer called “no-such-printer”");
}

static void
test_no_printer (Leaflet       *leaflet,
                 gconstpointer  data)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_cups ())
    return;
  kiosk_test_cups_run (cups, "lpadmin", "-x", QUEUE, NULL);
  names = kiosk_print_list_printers (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  assert_print_error (leaflet, NULL, KIOSK_PRINT_ERROR_NO_PRINTER, "No printer is set up");
  kiosk_test_cups_add_pdf_queue (cups, QUEUE);
}

/* Nothing listens on the socket: the scheduler is not running. */
static void
test_no_service (Leaflet       *leaflet,
                 gconstpointer  data)
{
  g_autofree char *socket = g_build_filename (leaflet->dir, "no-cupsd.sock", NULL);
  g_autofree char *server = g_strdup (g_getenv ("CUPS_SERVER"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_setenv ("CUPS_SERVER", socket, TRUE);
  cupsSetServer (NULL);
  assert_print_error (leaflet, NULL, KIOSK_PRINT_ERROR_NO_SERVICE, "not running");
  names = kiosk_print_list_printers (NULL, &error);
  g_assert_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_SERVICE);
  g_assert_null (names);
  if (server != NULL)
    g_setenv ("CUPS_SERVER", server, TRUE);
  else
    g_unsetenv ("CUPS_SERVER");
  cupsSetServer (NULL);
}

static void
test_list_printers (void)
{
  g_autofree char *default_name = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  if (!need_cups ())
    return;
  kiosk_test_cups_add_pdf_queue (cups, "kiosk-test-second");
  kiosk_test_cups_run (cups, "lpadmin", "-d", QUEUE, NULL);
  names = kiosk_print_list_printers (&default_name, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char *const *) names, QUEUE));
  g_assert_true (g_strv_contains ((const char *const *) names, "kiosk-test-second"));
  g_assert_cmpstr (default_name, ==, QUEUE);
  kiosk_test_cups_run (cups, "lpadmin", "-x", "kiosk-test-second", NULL);
}

/* A "PDF" no filter can read: CUPS stops the job, and it is withdrawn. */
static void
test_job_failed (Leaflet       *leaflet,
                 gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (leaflet->dir, "broken.pdf", NULL);
  g_autoptr(GError) error = NULL;

  if (!need_cups ())
    return;
  g_file_set_contents (broken, "%PDF-1.4\nnot really a PDF\n", -1, &error);
  g_assert_no_error (error);
  g_free (leaflet->pdf);
  leaflet->pdf = g_strdup (broken);
  assert_print_error (leaflet, QUEUE, KIOSK_PRINT_ERROR_JOB_FAILED, "could not print the leaflet");
}

static void
on_job_queued_cb (KioskPrintJob *job,
                  GParamSpec    *pspec,
                  gpointer       user_data)
{
  g_autofree char *id = NULL;

  if (kiosk_print_job_get_state (job) != KIOSK_PRINT_STATE_QUEUED || user_data == NULL)
    return;
  /* Someone at the office cancels it in CUPS. */
  id = g_strdup_printf ("%d", kiosk_print_job_get_id (job));
  kiosk_test_cups_run (cups, "cancel", id, NULL);
}

static void
on_job_queued_cancel_cb (KioskPrintJob *job,
                         GParamSpec    *pspec,
                         GCancellable  *cancellable)
{
  if (kiosk_print_job_get_state (job) == KIOSK_PRINT_STATE_QUEUED)
    g_cancellable_cancel (cancellable);
}

/* Jobs wait in the queue until released, so they can be cancelled while queued. */
static void
hold_jobs (gboolean hold)
{
  kiosk_test_cups_run (cups, "lpadmin", "-p", QUEUE, "-o",
                       hold ? "job-hold-until-default=indefinite"
                            : "job-hold-until-default=no-hold", NULL);
}

static void
test_job_cancelled (Leaflet       *leaflet,
                    gconstpointer  data)
{
  g_autoptr(KioskPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_cups ())
    return;
  hold_jobs (TRUE);
  job = kiosk_print_job_new (QUEUE, leaflet->pdf, leaflet->title, 1, KIOSK_PAPER_A4);
  g_signal_connect (job, "notify::state", G_CALLBACK (on_job_queued_cb), GINT_TO_POINTER (1));
  g_assert_false (kiosk_print_job_run (job, NULL, &error));
  g_assert_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_JOB_CANCELLED);
  g_assert_nonnull (strstr (kiosk_print_job_get_status (job), "was cancelled"));
  hold_jobs (FALSE);
}

/* Cancelling the job's cancellable withdraws it from the queue. */
static void
test_cancel (Leaflet       *leaflet,
             gconstpointer  data)
{
  g_autoptr(KioskPrintJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "lpstat", "-o", QUEUE, NULL };

  if (!need_cups ())
    return;
  hold_jobs (TRUE);
  job = kiosk_print_job_new (QUEUE, leaflet->pdf, leaflet->title, 1, KIOSK_PAPER_A4);
  g_signal_connect (job, "notify::state", G_CALLBACK (on_job_queued_cancel_cb), cancellable);
  g_assert_false (kiosk_print_job_run (job, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL,
                NULL);
  g_assert_cmpstr (out, ==, "");
  hold_jobs (FALSE);
}

static int
run_app (const char *const *args,
         char             **out,
         char             **err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, kiosk_test_build_path ("app/goc-tre-em"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* goc-tre-em --print, with no display. The CLI has no commune name here (the memory
 * settings backend starts empty), so the title and 111 are what is checked. */
static void
test_cli (void)
{
  const char *print[] = { "--print", ARTICLE, "--copies", "2", "--printer", QUEUE, NULL };
  const char *missing[] = { "--print", ARTICLE, "--printer", "no-such-printer", NULL };
  const char *copies[] = { "--print", ARTICLE, "--copies", "101", NULL };
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  g_autoptr(KioskArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_cups ())
    return;
  article = kiosk_store_get_article (kiosk_test_bundled_store (), ARTICLE, &error);
  g_assert_no_error (error);
  before = kiosk_test_cups_list_output (cups);
  g_assert_cmpint (run_app (print, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Printed 2 copies on “" QUEUE "”."));
  output = kiosk_test_cups_wait_output (cups, before);
  g_assert_nonnull (output);
  text = kiosk_test_pdf_text (output);
  kiosk_test_assert_text (text, article->title[KIOSK_LANG_VI]);
  kiosk_test_assert_text (text, "111");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_app (missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "There is no printer called “no-such-printer”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_app (copies, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "between 1 and 100"));
}

static void
add_leaflet_test (const char *path,
                  void      (*func) (Leaflet *, gconstpointer))
{
  g_test_add (path, Leaflet, NULL, leaflet_set_up, func, leaflet_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bundle = NULL;
  int status;

  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  /* Before any thread: the store, the environment, the scheduler. */
  bundle = kiosk_test_build_path ("data/content");
  g_setenv ("GOC_TRE_EM_BUNDLED_DIR", bundle, TRUE);
  kiosk_test_bundled_store ();
  cups = kiosk_test_cups_start (&skip_reason);
  if (cups != NULL)
    kiosk_test_cups_add_pdf_queue (cups, QUEUE);

  add_leaflet_test ("/kiosk/print/two-copies", test_two_copies);
  add_leaflet_test ("/kiosk/print/async-default-printer", test_async_default_printer);
  add_leaflet_test ("/kiosk/print/stopped-printer", test_stopped_printer);
  add_leaflet_test ("/kiosk/print/missing-printer", test_missing_printer);
  add_leaflet_test ("/kiosk/print/job-failed", test_job_failed);
  add_leaflet_test ("/kiosk/print/job-cancelled", test_job_cancelled);
  add_leaflet_test ("/kiosk/print/cancel", test_cancel);
  add_leaflet_test ("/kiosk/print/no-printer", test_no_printer);
  add_leaflet_test ("/kiosk/print/no-service", test_no_service);
  g_test_add_func ("/kiosk/print/list-printers", test_list_printers);
  g_test_add_func ("/kiosk/print/cli", test_cli);

  status = g_test_run ();
  g_clear_pointer (&cups, kiosk_test_cups_stop);
  g_free (skip_reason);
  return status;
}
