/* kiosk-test-cups.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private CUPS scheduler for tests: its own configuration, spool and socket under a
 * temporary folder, never the system's cupsd. Queues print through cups-pdf, which
 * writes into ~/PDF of the job's user (see /etc/cups/cups-pdf.conf).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KioskTestCups KioskTestCups;

/* Starts cupsd and points CUPS_SERVER at its socket. Returns NULL and sets @skip_reason
 * when this machine cannot run it (no cupsd installed, or not root for cups-pdf). */
KioskTestCups *kiosk_test_cups_start          (char          **skip_reason);
/* Ends the scheduler (by its PID) and removes its folder and every PDF it printed. */
void           kiosk_test_cups_stop           (KioskTestCups  *cups);

const char    *kiosk_test_cups_get_server     (KioskTestCups  *cups);
/* A cups-pdf queue whose filters keep text as text (pdftocairo). */
void           kiosk_test_cups_add_pdf_queue  (KioskTestCups  *cups,
                                               const char     *name);
/* Runs a CUPS command (lpadmin, cupsdisable, …) against the private scheduler. */
void           kiosk_test_cups_run            (KioskTestCups  *cups,
                                               const char     *command,
                                               ...) G_GNUC_NULL_TERMINATED;

/* What the cups-pdf output folder holds now, to compare with later. */
GPtrArray     *kiosk_test_cups_list_output    (KioskTestCups  *cups);
/* Waits for a PDF from cups-pdf that is new or changed since @before and returns its
 * path (removed by kiosk_test_cups_stop()), or NULL after 30 s. */
char          *kiosk_test_cups_wait_output    (KioskTestCups  *cups,
                                               GPtrArray      *before);
/* The scheduler's page log: one line per job with its page total (pages × copies). */
char          *kiosk_test_cups_get_page_log   (KioskTestCups  *cups);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskTestCups, kiosk_test_cups_stop)

G_END_DECLS
