/* test-settings.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kiosk-settings.h"
#include "kiosk-test-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  g_autofree char *paper = kiosk_settings_dup_paper_size (settings);

  g_assert_cmpint (kiosk_settings_get_language (settings), ==, KIOSK_LANG_VI);
  g_assert_cmpuint (kiosk_settings_get_idle_timeout (settings), ==, 120);
  g_assert_cmpuint (kiosk_settings_get_sync_interval (settings), ==, 30);
  g_assert_cmpstr (paper, ==, "a4");
}

static void
test_both_ways (void)
{
  g_autoptr(KioskSettings) settings = kiosk_settings_new ();
  GSettings *gsettings = kiosk_settings_get_gsettings (settings);
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  guint notified = 0;

  g_signal_connect (settings, "notify::commune-name", G_CALLBACK (count_notify_cb), &notified);

  g_object_set (settings, "commune-name", "Xã Quảng Phú", NULL);
  stored = g_settings_get_string (gsettings, "commune-name");
  g_assert_cmpstr (stored, ==, "Xã Quảng Phú");
  g_assert_cmpuint (notified, ==, 1);

  g_settings_set_string (gsettings, "commune-name", "Xã Hải Ninh");
  name = kiosk_settings_dup_commune_name (settings);
  g_assert_cmpstr (name, ==, "Xã Hải Ninh");
  g_assert_cmpuint (notified, ==, 2);

  g_object_set (settings, "idle-timeout", 300, NULL);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "idle-timeout"), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/settings/defaults", test_defaults);
  g_test_add_func ("/kiosk/settings/both-ways", test_both_ways);

  return g_test_run ();
}
