/* kiosk-print-job.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing goes through libcups, not GtkPrintOperation: on GTK 4.8 printing to a named
 * printer without a dialog crashes (see DESIGN.md), and this path needs no display, so
 * the command line prints the same way the dialog does.
 */

#define G_LOG_DOMAIN "kiosk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "kiosk-cups.h"
#include "kiosk-print-job.h"

/* How often the queue is asked about the job. */
#define POLL_INTERVAL_MS 150

struct _KioskPrintJob
{
  GObject          parent_instance;

  /* owned */
  char            *wanted;     /* as asked for: NULL means the default queue */
  char            *path;
  char            *title;
  char            *printer;    /* the queue used, once known */
  char            *status;

  guint            copies;
  KioskPaper       paper;
  KioskPrintState  state;
  double           fraction;
  int              id;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (KioskPrintJob, kiosk_print_job, G_TYPE_OBJECT)

G_DEFINE_QUARK (kiosk-print-error-quark, kiosk_print_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_STATUS,
  PROP_FRACTION,
  PROP_PRINTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set once libcups is loaded (see kiosk-cups.c); only used after that. */
static const KioskCups *cups;

static void
close_http (http_t *http)
{
  cups->httpClose (http);
}

static void
delete_ipp (ipp_t *ipp)
{
  cups->ippDelete (ipp);
}

static void
free_dest (cups_dest_t *dest)
{
  cups->cupsFreeDests (1, dest);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (http_t, close_http)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, delete_ipp)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cups_dest_t, free_dest)

/* What the worker thread knows; copies, so it never reads the job object. */
typedef struct {
  KioskPrintJob *job;
  GMainContext  *context;     /* where progress goes; NULL when run in the caller's thread */
  char          *wanted;
  char          *path;
  char          *title;
  guint          copies;
  KioskPaper     paper;
} Work;

typedef struct {
  KioskPrintJob   *job;
  KioskPrintState  state;
  char            *printer;
  int              id;
} Update;

static void
kiosk_print_job_finalize (GObject *object)
{
  KioskPrintJob *self = KIOSK_PRINT_JOB (object);

  g_free (self->wanted);
  g_free (self->path);
  g_free (self->title);
  g_free (self->printer);
  g_free (self->status);

  G_OBJECT_CLASS (kiosk_print_job_parent_class)->finalize (object);
}

static void
kiosk_print_job_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KioskPrintJob *self = KIOSK_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_PRINTER:
      g_value_set_string (value, self->printer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_print_job_class_init (KioskPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = kiosk_print_job_finalize;
  object_class->get_property = kiosk_print_job_get_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, KIOSK_PRINT_STATE_READY,
                                             KIOSK_PRINT_STATE_FAILED, KIOSK_PRINT_STATE_READY,
                                             flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_PRINTER] = g_param_spec_string ("printer", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_print_job_init (KioskPrintJob *self)
{
  self->status = g_strdup (_("Ready to print."));
}

KioskPrintJob *
kiosk_print_job_new (const char *printer,
                     const char *pdf_path,
                     const char *title,
                     guint       copies,
                     KioskPaper  paper)
{
  KioskPrintJob *self;

  g_return_val_if_fail (pdf_path != NULL, NULL);
  g_return_val_if_fail (copies >= 1, NULL);

  self = g_object_new (KIOSK_TYPE_PRINT_JOB, NULL);
  self->wanted = printer != NULL && *printer != '\0' ? g_strdup (printer) : NULL;
  self->path = g_strdup (pdf_path);
  self->title = g_strdup (title ?: "Góc Trẻ Em");
  self->copies = copies;
  self->paper = paper;
  return self;
}

KioskPrintState
kiosk_print_job_get_state (KioskPrintJob *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), KIOSK_PRINT_STATE_READY);

  return self->state;
}

const char *
kiosk_print_job_get_status (KioskPrintJob *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), NULL);

  return self->status;
}

double
kiosk_print_job_get_fraction (KioskPrintJob *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), 0);

  return self->fraction;
}

const char *
kiosk_print_job_get_printer (KioskPrintJob *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), NULL);

  return self->printer;
}

int
kiosk_print_job_get_id (KioskPrintJob *self)
{
  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), 0);

  return self->id;
}

/* State and the sentence people read. */

static char *
status_for (KioskPrintJob *self)
{
  const char *printer = self->printer ?: "";

  switch (self->state)
    {
    case KIOSK_PRINT_STATE_SENDING:
      return g_strdup_printf (_("Sending the leaflet to “%s”…"), printer);
    case KIOSK_PRINT_STATE_QUEUED:
      return g_strdup_printf (_("Waiting for the printer “%s”…"), printer);
    case KIOSK_PRINT_STATE_PRINTING:
      return g_strdup_printf (_("Printing on “%s”…"), printer);
    case KIOSK_PRINT_STATE_DONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Printed %u copy on “%s”.",
                                           "Printed %u copies on “%s”.", self->copies),
                              self->copies, printer);
    case KIOSK_PRINT_STATE_READY:
    case KIOSK_PRINT_STATE_FAILED:
    default:
      return g_strdup (_("Ready to print."));
    }
}

static double
fraction_for (KioskPrintState state)
{
  static const double fractions[] = { 0, 0.1, 0.3, 0.6, 1, 0 };

  return fractions[state];
}

static void
set_status (KioskPrintJob *self,
            char          *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    {
      g_free (status);
      return;
    }
  g_free (self->status);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_state (KioskPrintJob   *self,
           KioskPrintState  state)
{
  double fraction = fraction_for (state);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (state != KIOSK_PRINT_STATE_FAILED && self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (state != KIOSK_PRINT_STATE_FAILED)
    set_status (self, status_for (self));
}

static void
apply_update (KioskPrintJob *self,
              const Update  *update)
{
  /* A late report from the worker must not undo the end of the job. */
  if (!self->running)
    return;
  if (update->printer != NULL && g_strcmp0 (self->printer, update->printer) != 0)
    {
      g_free (self->printer);
      self->printer = g_strdup (update->printer);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTER]);
    }
  if (update->id > 0)
    self->id = update->id;
  set_state (self, update->state);
}

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->job);
  g_free (update->printer);
  g_free (update);
}

static gboolean
apply_update_cb (gpointer data)
{
  Update *update = data;

  apply_update (update->job, update);
  return G_SOURCE_REMOVE;
}

static void
report (Work            *work,
        KioskPrintState  state,
        const char      *printer,
        int              id)
{
  Update update = { work->job, state, (char *) printer, id };
  Update *copy;

  if (work->context == NULL)
    {
      apply_update (work->job, &update);
      return;
    }
  copy = g_new0 (Update, 1);
  copy->job = g_object_ref (work->job);
  copy->state = state;
  copy->printer = g_strdup (printer);
  copy->id = id;
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, apply_update_cb, copy,
                              update_free);
}

/* CUPS, in the worker thread. */

static http_t *
connect_cups (GError **error)
{
  http_t *http;

  cups = kiosk_cups_get (error);
  if (cups == NULL)
    return NULL;
  http = cups->httpConnect2 (cups->cupsServer (), cups->ippPort (), NULL, AF_UNSPEC,
                             cups->cupsEncryption (), 1, 30000, NULL);
  if (http == NULL)
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_SERVICE,
                         _("The printing service is not running, so no printer can be reached."));
  return http;
}

static gboolean
service_unavailable (void)
{
  return cups->cupsLastError () == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE;
}

static gboolean
set_no_printer_error (int       n_dests,
                      GError  **error)
{
  if (service_unavailable ())
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_SERVICE,
                         _("The printing service is not running, so no printer can be reached."));
  else if (n_dests == 0)
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_PRINTER,
                         _("No printer is set up on this computer. "
                           "Ask your IT helper to add one."));
  else
    g_set_error_literal (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_NO_PRINTER,
                         _("No printer is chosen and there is no default printer. "
                           "Choose a printer."));
  return FALSE;
}

/* The named queue, or the default one; with a single queue and no default, that one. */
static cups_dest_t *
find_dest (http_t      *http,
           const char  *wanted,
           GError     **error)
{
  cups_dest_t *dest = cups->cupsGetNamedDest (http, wanted, NULL);
  cups_dest_t *dests = NULL;
  int n_dests;

  if (dest != NULL)
    return dest;
  if (wanted != NULL && !service_unavailable ())
    {
      g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_PRINTER_NOT_FOUND,
                   _("There is no printer called “%s”. Choose another printer."), wanted);
      return NULL;
    }
  n_dests = cups->cupsGetDests2 (http, &dests);
  if (wanted == NULL && n_dests == 1)
    cups->cupsCopyDest (dests, 0, &dest);
  else
    set_no_printer_error (n_dests, error);
  cups->cupsFreeDests (n_dests, dests);
  return dest;
}

static gboolean
check_ready (cups_dest_t  *dest,
             GError      **error)
{
  const char *state = cups->cupsGetOption ("printer-state", dest->num_options, dest->options);
  const char *accepting = cups->cupsGetOption ("printer-is-accepting-jobs", dest->num_options,
                                         dest->options);

  if ((state != NULL && atoi (state) == IPP_PSTATE_STOPPED) || g_strcmp0 (accepting, "false") == 0)
    {
      g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_PRINTER_STOPPED,
                   _("The printer “%s” is stopped or paused. Check that it is on and has paper, "
                     "resume it, then print again."), dest->name);
      return FALSE;
    }
  return TRUE;
}

static int
submit (http_t      *http,
        Work        *work,
        const char  *printer,
        GError     **error)
{
  g_autofree char *copies = g_strdup_printf ("%u", work->copies);
  cups_option_t *options = NULL;
  int n_options = 0;
  int id;

  n_options = cups->cupsAddOption ("copies", copies, n_options, &options);
  n_options = cups->cupsAddOption ("media", work->paper == KIOSK_PAPER_A5 ? "A5" : "A4", n_options,
                             &options);
  id = cups->cupsPrintFile2 (http, printer, work->path, work->title, n_options, options);
  cups->cupsFreeOptions (n_options, options);
  if (id == 0)
    g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_JOB_FAILED,
                 _("The leaflet could not be sent to “%s” (%s). Try again."), printer,
                 cups->cupsLastErrorString ());
  return id;
}

static gboolean
has_reason (ipp_attribute_t *reasons,
            const char      *reason)
{
  for (int i = 0; reasons != NULL && i < cups->ippGetCount (reasons); i++)
    if (g_strcmp0 (cups->ippGetString (reasons, i, NULL), reason) == 0)
      return TRUE;
  return FALSE;
}

/* The job's state, or COMPLETED once the queue no longer knows it. */
static ipp_jstate_t
query_job (http_t   *http,
           int       id,
           gboolean *printer_stopped)
{
  static const char *const wanted[] = { "job-state", "job-state-reasons" };
  g_autofree char *uri = g_strdup_printf ("ipp://localhost/jobs/%d", id);
  ipp_t *request = cups->ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  g_autoptr(ipp_t) response = NULL;
  ipp_attribute_t *state, *reasons;

  cups->ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", NULL, uri);
  cups->ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
                cups->cupsUser ());
  cups->ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (wanted), NULL, wanted);
  response = cups->cupsDoRequest (http, request, "/");
  state = response ? cups->ippFindAttribute (response, "job-state", IPP_TAG_ENUM) : NULL;
  if (state == NULL)
    return cups->cupsLastError () == IPP_STATUS_ERROR_NOT_FOUND ? IPP_JSTATE_COMPLETED
                                                          : IPP_JSTATE_PENDING;
  reasons = cups->ippFindAttribute (response, "job-state-reasons", IPP_TAG_KEYWORD);
  *printer_stopped = has_reason (reasons, "printer-stopped");
  return cups->ippGetInteger (state, 0);
}

static gboolean
sleep_or_cancelled (GCancellable *cancellable)
{
  for (int waited = 0; waited < POLL_INTERVAL_MS; waited += 10)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return TRUE;
      g_usleep (10 * 1000);
    }
  return g_cancellable_is_cancelled (cancellable);
}

static gboolean
job_ended (ipp_jstate_t   state,
           const char    *printer,
           GError       **error)
{
  if (state == IPP_JSTATE_CANCELED)
    g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_JOB_CANCELLED,
                 _("The print job on “%s” was cancelled. Nothing more will print."), printer);
  else if (state == IPP_JSTATE_ABORTED)
    g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_JOB_FAILED,
                 _("The printer “%s” could not print the leaflet. Check the printer and try "
                   "again."), printer);
  return state == IPP_JSTATE_COMPLETED;
}

static gboolean
stopped_error (const char  *printer,
               GError     **error)
{
  g_set_error (error, KIOSK_PRINT_ERROR, KIOSK_PRINT_ERROR_PRINTER_STOPPED,
               _("The printer “%s” stopped. The leaflet waits in its queue and prints when the "
                 "printer is resumed."), printer);
  return FALSE;
}

static gboolean
follow_job (http_t        *http,
            Work          *work,
            const char    *printer,
            int            id,
            GCancellable  *cancellable,
            GError       **error)
{
  for (;;)
    {
      gboolean printer_stopped = FALSE;
      ipp_jstate_t state = query_job (http, id, &printer_stopped);

      if (printer_stopped)
        return stopped_error (printer, error);
      /* On a running printer a stopped job is one its filters could not print: it would
       * wait in the queue for ever. */
      if (state == IPP_JSTATE_STOPPED)
        {
          cups->cupsCancelJob2 (http, printer, id, 0);
          state = IPP_JSTATE_ABORTED;
        }
      if (state >= IPP_JSTATE_CANCELED)
        return job_ended (state, printer, error);
      report (work, state == IPP_JSTATE_PROCESSING ? KIOSK_PRINT_STATE_PRINTING
                                                   : KIOSK_PRINT_STATE_QUEUED, printer, id);
      if (sleep_or_cancelled (cancellable))
        {
          cups->cupsCancelJob2 (http, printer, id, 0);
          return !g_cancellable_set_error_if_cancelled (cancellable, error);
        }
    }
}

static gboolean
print_file (Work          *work,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(http_t) http = connect_cups (error);
  g_autoptr(cups_dest_t) dest = NULL;
  int id;

  if (http == NULL)
    return FALSE;
  dest = find_dest (http, work->wanted, error);
  if (dest == NULL || !check_ready (dest, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report (work, KIOSK_PRINT_STATE_SENDING, dest->name, 0);
  id = submit (http, work, dest->name, error);
  if (id == 0)
    return FALSE;
  g_debug ("Job %d sent to %s", id, dest->name);
  report (work, KIOSK_PRINT_STATE_QUEUED, dest->name, id);
  return follow_job (http, work, dest->name, id, cancellable, error);
}

/* Running. */

static void
work_free (Work *work)
{
  g_object_unref (work->job);
  g_clear_pointer (&work->context, g_main_context_unref);
  g_free (work->wanted);
  g_free (work->path);
  g_free (work->title);
  g_free (work);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Work, work_free)

static Work *
work_new (KioskPrintJob *self,
          GMainContext  *context)
{
  Work *work = g_new0 (Work, 1);

  work->job = g_object_ref (self);
  work->context = context ? g_main_context_ref (context) : NULL;
  work->wanted = g_strdup (self->wanted);
  work->path = g_strdup (self->path);
  work->title = g_strdup (self->title);
  work->copies = self->copies;
  work->paper = self->paper;
  return work;
}

static void
start (KioskPrintJob *self)
{
  self->running = TRUE;
  self->id = 0;
  set_state (self, KIOSK_PRINT_STATE_READY);
}

static gboolean
finish (KioskPrintJob  *self,
        gboolean        ok,
        GError         *error)
{
  set_state (self, ok ? KIOSK_PRINT_STATE_DONE : KIOSK_PRINT_STATE_FAILED);
  if (!ok)
    set_status (self, g_strdup (error->message));
  self->running = FALSE;
  return ok;
}

gboolean
kiosk_print_job_run (KioskPrintJob  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(Work) work = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (KIOSK_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  start (self);
  work = work_new (self, NULL);
  ok = print_file (work, cancellable, &local_error);
  finish (self, ok, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (print_file (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KioskPrintJob *self = KIOSK_PRINT_JOB (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  finish (self, ok, error);
  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

void
kiosk_print_job_run_async (KioskPrintJob       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  /* Progress is reported where the job was started. g_main_context_get_thread_default()
   * would be NULL in a thread that pushed no context of its own, such as GTK's, and the
   * worker would then change the job, and the screens watching it, itself. */
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  g_return_if_fail (KIOSK_IS_PRINT_JOB (self));
  g_return_if_fail (!self->running);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, kiosk_print_job_run_async);
  /* The outer task reports only when the state is final. */
  g_task_set_check_cancellable (outer, FALSE);
  start (self);

  task = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, run_thread);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_task_data (task, work_new (self, context), (GDestroyNotify) work_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
kiosk_print_job_run_finish (KioskPrintJob  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kiosk_print_job_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The queues. */

GStrv
kiosk_print_list_printers (char   **default_name,
                           GError **error)
{
  g_autoptr(http_t) http = connect_cups (error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  cups_dest_t *dests = NULL;
  int n_dests;

  if (http == NULL)
    return NULL;
  n_dests = cups->cupsGetDests2 (http, &dests);
  if (n_dests == 0 && service_unavailable ())
    {
      set_no_printer_error (0, error);
      return NULL;
    }
  for (int i = 0; i < n_dests; i++)
    {
      if (dests[i].instance != NULL)
        continue;
      g_strv_builder_add (names, dests[i].name);
      if (dests[i].is_default && default_name != NULL)
        *default_name = g_strdup (dests[i].name);
    }
  cups->cupsFreeDests (n_dests, dests);
  return g_strv_builder_end (names);
}

typedef struct {
  GStrv  names;
  char  *default_name;
} PrinterList;

static void
printer_list_free (PrinterList *list)
{
  g_strfreev (list->names);
  g_free (list->default_name);
  g_free (list);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PrinterList *list = g_new0 (PrinterList, 1);
  GError *error = NULL;

  list->names = kiosk_print_list_printers (&list->default_name, &error);
  if (list->names == NULL)
    {
      printer_list_free (list);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, list, (GDestroyNotify) printer_list_free);
}

void
kiosk_print_list_printers_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, kiosk_print_list_printers_async);
  g_task_run_in_thread (task, list_thread);
}

GStrv
kiosk_print_list_printers_finish (GAsyncResult  *result,
                                  char         **default_name,
                                  GError       **error)
{
  PrinterList *list;
  GStrv names;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  list = g_task_propagate_pointer (G_TASK (result), error);
  if (list == NULL)
    return NULL;
  names = g_steal_pointer (&list->names);
  if (default_name != NULL)
    *default_name = g_steal_pointer (&list->default_name);
  printer_list_free (list);
  return names;
}
