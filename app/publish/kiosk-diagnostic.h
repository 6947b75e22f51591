/* kiosk-diagnostic.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIOSK_PUBLISH_ERROR (kiosk_publish_error_quark ())

typedef enum
{
  KIOSK_PUBLISH_ERROR_INVALID_SOURCE,
  KIOSK_PUBLISH_ERROR_INVALID_KEY,
  KIOSK_PUBLISH_ERROR_INVALID_OUTPUT,
  KIOSK_PUBLISH_ERROR_TOO_LARGE,
} KioskPublishError;

typedef enum
{
  KIOSK_DIAGNOSTIC_ERROR,
  KIOSK_DIAGNOSTIC_WARNING,
} KioskDiagnosticLevel;

/* One problem found in a source file; @file is relative to the source folder. */
typedef struct
{
  KioskDiagnosticLevel  level;
  char                 *file;
  guint                 line;
  char                 *message;
} KioskDiagnostic;

GQuark           kiosk_publish_error_quark    (void);

KioskDiagnostic *kiosk_diagnostic_new         (KioskDiagnosticLevel   level,
                                               const char            *file,
                                               guint                  line,
                                               const char            *message);
void             kiosk_diagnostic_free        (KioskDiagnostic       *diagnostic);
char            *kiosk_diagnostic_to_string   (const KioskDiagnostic *diagnostic);

void             kiosk_diagnostics_add_valist (GPtrArray             *diagnostics,
                                               KioskDiagnosticLevel   level,
                                               const char            *file,
                                               guint                  line,
                                               const char            *format,
                                               va_list                args) G_GNUC_PRINTF (5, 0);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KioskDiagnostic, kiosk_diagnostic_free)

G_END_DECLS
