/* kiosk-test-ui.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for UI tests: a real window on the test's X display, a store filled from
 * the bundled repository, and ways to find what is on screen.
 */

#pragma once

#include <gtk/gtk.h>

#include "kiosk-session.h"
#include "kiosk-store.h"

G_BEGIN_DECLS

#define KIOSK_TEST_ADMIN_PIN "246810"
#define KIOSK_TEST_STAFF_PIN "1357"

/* gtk_init plus the app's stylesheet and resources; skips the test program when
 * there is no display. Call from main() after kiosk_test_init_dirs(). */
void        kiosk_test_ui_init            (int        *argc,
                                           char     ***argv);

/* A store with the bundled content imported (built by the build into
 * <build>/data/content). One per test program, owned by the helper. */
KioskStore *kiosk_test_ui_bundled_store   (void);

/* Runs the main loop for @ms milliseconds, or until @done returns TRUE. */
void        kiosk_test_ui_wait            (guint       ms);
gboolean    kiosk_test_ui_wait_until      (gboolean  (*done) (gpointer),
                                           gpointer    data,
                                           guint       timeout_ms);

/* The first visible, mapped widget under @root whose GtkLabel text contains
 * @text, or whose type is @type (G_TYPE_INVALID to ignore). */
GtkWidget  *kiosk_test_ui_find_label      (GtkWidget  *root,
                                           const char *text);
GtkWidget  *kiosk_test_ui_find_type       (GtkWidget  *root,
                                           GType       type);
/* Every GtkLabel's text under @root, joined by newlines: "what is on screen". */
char       *kiosk_test_ui_collect_text    (GtkWidget  *root);

/* Whether @action_name (with @target, or NULL) is enabled for @widget: a button for
 * that action is put under @widget for a moment and asked whether it is sensitive,
 * as a real button there would be. */
gboolean    kiosk_test_ui_action_enabled  (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *target);

/* Sets the staff and admin PINs above, as the first-run set-up does, so the kiosk
 * starts on its home screen. */
void        kiosk_test_ui_set_pins        (KioskSession *session);
/* Signs in with @pin and waits for the answer. */
KioskRole   kiosk_test_ui_log_in          (KioskSession *session,
                                           const char   *pin,
                                           GError      **error);

/* Writes a PNG of @widget as it is drawn now. */
void        kiosk_test_ui_screenshot      (GtkWidget  *widget,
                                           const char *path);

/* The window's text size (percent of normal), its header's height, and whether a
 * widget has been given room on screen: for testing a page on its own. */
void        kiosk_test_ui_set_text_size   (int         percent);
GtkWidget  *kiosk_test_ui_header_stand_in (void);
gboolean    kiosk_test_ui_is_laid_out     (gpointer    widget);

/* Every widget under @root that is drawn got at least the size it asks for, so no text
 * or icon is cut off or drawn over its neighbour; returns a description of the first
 * one that did not, or NULL. */
char       *kiosk_test_ui_find_squeezed   (GtkWidget  *root);

G_END_DECLS
