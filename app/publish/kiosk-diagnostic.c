/* kiosk-diagnostic.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-diagnostic.h"

G_DEFINE_QUARK (kiosk-publish-error-quark, kiosk_publish_error)

KioskDiagnostic *
kiosk_diagnostic_new (KioskDiagnosticLevel  level,
                      const char           *file,
                      guint                 line,
                      const char           *message)
{
  KioskDiagnostic *diagnostic = g_new0 (KioskDiagnostic, 1);

  diagnostic->level = level;
  diagnostic->file = g_strdup (file);
  diagnostic->line = line;
  diagnostic->message = g_strdup (message);
  return diagnostic;
}

void
kiosk_diagnostic_free (KioskDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;
  g_free (diagnostic->file);
  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* The `file:line: message` form that editors and build logs know how to jump to.
 * "warning:" stays untranslated: scripts and editors match on it. */
char *
kiosk_diagnostic_to_string (const KioskDiagnostic *diagnostic)
{
  g_return_val_if_fail (diagnostic != NULL, NULL);

  if (diagnostic->level == KIOSK_DIAGNOSTIC_WARNING)
    return g_strdup_printf ("%s:%u: warning: %s", diagnostic->file, diagnostic->line,
                            diagnostic->message);
  return g_strdup_printf ("%s:%u: %s", diagnostic->file, diagnostic->line, diagnostic->message);
}

/* Adds a diagnostic to @diagnostics; callers wrap it in their own printf-like reporter. */
void
kiosk_diagnostics_add_valist (GPtrArray            *diagnostics,
                              KioskDiagnosticLevel  level,
                              const char           *file,
                              guint                 line,
                              const char           *format,
                              va_list               args)
{
  g_autofree char *message = NULL;

  g_return_if_fail (diagnostics != NULL);

  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (diagnostics, kiosk_diagnostic_new (level, file, MAX (line, 1), message));
}
