/* kiosk-cli.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command-line options that work without a display. */
void kiosk_cli_add_options (GApplication *app);

/* Runs the command named in @options, if any, and returns its exit status; -1 when
 * there is none and the app should start its window. */
int  kiosk_cli_run         (GVariantDict *options);

G_END_DECLS
