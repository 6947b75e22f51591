/* test-sync-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "kiosk-sync-page.h"
#include "kiosk-test-util.h"

static void
count_cb (KioskSyncScheduler *scheduler,
          gboolean            ok,
          guint              *count)
{
  (*count)++;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_page (void)
{
  g_autofree char *dir = kiosk_test_mkdtemp ("page");
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KioskStore) store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);
  g_autoptr(KioskSyncScheduler) scheduler = kiosk_sync_scheduler_new (path, NULL);
  const char *keys[] = { "JyqNmjsCXJjdExNCcdDAkGaidiRul7BkbNtbNO+3uRQ=", NULL };
  GtkWidget *page;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *sources, *log;
  guint finished = 0;

  g_assert_true (kiosk_store_add_source (store, "vn.test.page", "http://127.0.0.1:1/", keys,
                                         &error));
  page = kiosk_sync_page_new (store, scheduler);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (scheduler, "finished", G_CALLBACK (count_cb), &finished);

  sources = GTK_WIDGET (gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE, "sources_list"));
  log = GTK_WIDGET (gtk_widget_get_template_child (page, KIOSK_TYPE_SYNC_PAGE, "log_list"));
  g_assert_cmpuint (count_rows (sources), ==, 1);
  g_assert_cmpuint (count_rows (log), ==, 0);

  g_assert_true (gtk_widget_activate_action (page, "sync.now", NULL));
  g_assert_true (kiosk_sync_scheduler_get_running (scheduler));
  while (finished == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (count_rows (log), ==, 1);
  g_assert_nonnull (strstr (kiosk_sync_scheduler_get_status (scheduler), "No connection"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kiosk/sync-page/sync-now", test_page);
  return g_test_run ();
}
