/* kiosk-print-job.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-leaflet.h"

G_BEGIN_DECLS

#define KIOSK_PRINT_ERROR (kiosk_print_error_quark ())

typedef enum {
  KIOSK_PRINT_ERROR_NO_SERVICE,
  KIOSK_PRINT_ERROR_NO_PRINTER,
  KIOSK_PRINT_ERROR_PRINTER_NOT_FOUND,
  KIOSK_PRINT_ERROR_PRINTER_STOPPED,
  KIOSK_PRINT_ERROR_JOB_FAILED,
  KIOSK_PRINT_ERROR_JOB_CANCELLED,
} KioskPrintError;

typedef enum {
  KIOSK_PRINT_STATE_READY,
  KIOSK_PRINT_STATE_SENDING,
  KIOSK_PRINT_STATE_QUEUED,
  KIOSK_PRINT_STATE_PRINTING,
  KIOSK_PRINT_STATE_DONE,
  KIOSK_PRINT_STATE_FAILED,
} KioskPrintState;

GQuark         kiosk_print_error_quark       (void);

/* The CUPS queues (CUPS_SERVER is honoured) and the default one, if any. Blocking:
 * call it from a worker thread, or through the _async pair. */
GStrv          kiosk_print_list_printers     (char               **default_name,
                                              GError             **error);
void           kiosk_print_list_printers_async  (GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
GStrv          kiosk_print_list_printers_finish (GAsyncResult       *result,
                                                 char              **default_name,
                                                 GError            **error);

#define KIOSK_TYPE_PRINT_JOB (kiosk_print_job_get_type ())
G_DECLARE_FINAL_TYPE (KioskPrintJob, kiosk_print_job, KIOSK, PRINT_JOB, GObject)

/* A PDF sent to a CUPS queue with libcups: to @printer, or the default queue when it is
 * NULL or empty. The job follows the print until the queue reports it completed, and
 * its state, status (a sentence for people) and fraction change as it goes. */
KioskPrintJob   *kiosk_print_job_new          (const char          *printer,
                                               const char          *pdf_path,
                                               const char          *title,
                                               guint                copies,
                                               KioskPaper           paper);

KioskPrintState  kiosk_print_job_get_state    (KioskPrintJob       *self);
const char      *kiosk_print_job_get_status   (KioskPrintJob       *self);
double           kiosk_print_job_get_fraction (KioskPrintJob       *self);
/* The queue used, once known. */
const char      *kiosk_print_job_get_printer  (KioskPrintJob       *self);
int              kiosk_print_job_get_id       (KioskPrintJob       *self);

/* Runs the whole job in the calling thread; notifications come from that thread. */
gboolean         kiosk_print_job_run          (KioskPrintJob       *self,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Runs the job in a worker thread; notifications come on the calling thread's main
 * context. Cancelling withdraws the job from the queue. */
void             kiosk_print_job_run_async    (KioskPrintJob       *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean         kiosk_print_job_run_finish   (KioskPrintJob       *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
