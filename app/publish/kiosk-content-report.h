/* kiosk-content-report.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kiosk-content-source.h"

G_BEGIN_DECLS

char     *kiosk_content_report_build (KioskContentSource  *source);
gboolean  kiosk_content_report_write (KioskContentSource  *source,
                                      const char          *path,
                                      GError             **error);

G_END_DECLS
