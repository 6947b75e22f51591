/* kiosk-test-cups.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk-test-cups.h"
#include "kiosk-test-util.h"

#define CUPSD       "/usr/sbin/cupsd"
#define CUPS_PDF_PPD "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"

struct _KioskTestCups
{
  char      *dir;
  char      *socket;
  char      *output_dir;
  gboolean   output_dir_existed;
  GPtrArray *initial_output;
  GPid       pid;
};

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Everything under the test folder: no printcap, log or state file of the system's. */
static void
write_config (KioskTestCups *cups)
{
  g_autofree char *cupsd = g_strdup_printf (
    "Listen %s\n"
    "LogLevel debug\n"
    "WebInterface No\n"
    "Browsing No\n"
    "DefaultAuthType None\n"
    "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
    "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n"
    "</Policy>\n", cups->socket);
  g_autofree char *files = g_strdup_printf (
    "ServerRoot %1$s/etc\n"
    "RequestRoot %1$s/spool\n"
    "TempDir %1$s/spool/tmp\n"
    "CacheDir %1$s/cache\n"
    "StateDir %1$s/run\n"
    "Printcap %1$s/run/printcap\n"
    "AccessLog %1$s/log/access_log\n"
    "ErrorLog %1$s/log/error_log\n"
    "PageLog %1$s/log/page_log\n"
    "FileDevice No\n", cups->dir);
  const char *subdirs[] = { "etc", "spool/tmp", "cache", "run", "log" };

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (cups->dir, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
    }
  write_file (cups->dir, "cupsd.conf", cupsd);
  write_file (cups->dir, "cups-files.conf", files);
}

/* If the test program dies on a failed assertion, its scheduler goes with it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
socket_answers (const char *path)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocketConnection) connection = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, NULL);
  return connection != NULL;
}

static void
spawn_cupsd (KioskTestCups *cups)
{
  g_autofree char *conf = g_build_filename (cups->dir, "cupsd.conf", NULL);
  g_autofree char *files = g_build_filename (cups->dir, "cups-files.conf", NULL);
  const char *argv[] = { CUPSD, "-f", "-c", conf, "-s", files, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 die_with_parent, NULL, &cups->pid, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 200 && !socket_answers (cups->socket); i++)
    g_usleep (50 * 1000);
  g_assert_true (socket_answers (cups->socket));
}

static char *
cups_pdf_output_dir (void)
{
  struct passwd *user = getpwuid (getuid ());

  g_assert_nonnull (user);
  return g_build_filename (user->pw_dir, "PDF", NULL);
}

KioskTestCups *
kiosk_test_cups_start (char **skip_reason)
{
  g_autoptr(GError) error = NULL;
  KioskTestCups *cups;

  if (!g_file_test (CUPSD, G_FILE_TEST_IS_EXECUTABLE))
    {
      *skip_reason = g_strdup ("cupsd is not installed (tools/install-deps --test installs it)");
      return NULL;
    }
  if (geteuid () != 0)
    {
      *skip_reason = g_strdup ("cups-pdf only prints when its scheduler runs as root");
      return NULL;
    }
  g_assert_true (g_file_test (CUPS_PDF_PPD, G_FILE_TEST_EXISTS));

  cups = g_new0 (KioskTestCups, 1);
  /* Filters run as the lp user, so the folder must be open to it. */
  cups->dir = g_dir_make_tmp ("kiosk-cups-XXXXXX", &error);
  g_assert_no_error (error);
  g_chmod (cups->dir, 0755);
  cups->socket = g_build_filename (cups->dir, "cups.sock", NULL);
  cups->output_dir = cups_pdf_output_dir ();
  cups->output_dir_existed = g_file_test (cups->output_dir, G_FILE_TEST_IS_DIR);
  cups->initial_output = kiosk_test_cups_list_output (cups);
  write_config (cups);
  spawn_cupsd (cups);
  g_setenv ("CUPS_SERVER", cups->socket, TRUE);
  return cups;
}

static void
end_cupsd (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 100; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (50 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

static gboolean
contains (GPtrArray  *files,
          const char *file)
{
  return g_ptr_array_find_with_equal_func (files, file, g_str_equal, NULL);
}

/* The file name of a "name size mtime" entry. */
static char *
entry_name (const char *entry)
{
  char *name = g_strdup (entry);

  *strrchr (name, ' ') = '\0';
  *strrchr (name, ' ') = '\0';
  return name;
}

/* Whatever cups-pdf wrote while this scheduler ran, failed jobs' files included. */
static void
remove_new_output (KioskTestCups *cups)
{
  g_autoptr(GPtrArray) now = kiosk_test_cups_list_output (cups);

  for (guint i = 0; i < now->len; i++)
    {
      g_autofree char *name = entry_name (now->pdata[i]);
      g_autofree char *path = g_build_filename (cups->output_dir, name, NULL);

      if (!contains (cups->initial_output, now->pdata[i]))
        g_unlink (path);
    }
}

void
kiosk_test_cups_stop (KioskTestCups *cups)
{
  if (cups == NULL)
    return;
  end_cupsd (cups->pid);
  g_spawn_close_pid (cups->pid);
  remove_new_output (cups);
  if (!cups->output_dir_existed)
    g_rmdir (cups->output_dir);
  if (g_getenv ("KIOSK_TEST_KEEP") == NULL)
    kiosk_test_rm_rf (cups->dir);
  g_ptr_array_unref (cups->initial_output);
  g_free (cups->output_dir);
  g_free (cups->socket);
  g_free (cups->dir);
  g_free (cups);
}

const char *
kiosk_test_cups_get_server (KioskTestCups *cups)
{
  return cups->socket;
}

void
kiosk_test_cups_run (KioskTestCups *cups,
                     const char    *command,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) command);
  va_start (args, command);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command, err);
}

void
kiosk_test_cups_add_pdf_queue (KioskTestCups *cups,
                               const char    *name)
{
  kiosk_test_cups_run (cups, "lpadmin", "-p", name, "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD, "-E",
                       "-o", "pdftops-renderer-default=pdftocairo", NULL);
}

/* "name size mtime" for each file: cups-pdf names files after the job's title and id,
 * and ids start again at 1 with each scheduler, so a name alone may come back. */
GPtrArray *
kiosk_test_cups_list_output (KioskTestCups *cups)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (cups->output_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cups->output_dir, name, NULL);
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        g_ptr_array_add (files, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                                 ".%09ld", name, (gint64) st.st_size,
                                                 (gint64) st.st_mtim.tv_sec,
                                                 st.st_mtim.tv_nsec));
    }
  return files;
}

char *
kiosk_test_cups_wait_output (KioskTestCups *cups,
                             GPtrArray     *before)
{
  /* cups-pdf is done when the job is; a moment more covers its final rename. */
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(GPtrArray) now = kiosk_test_cups_list_output (cups);

      for (guint n = 0; n < now->len; n++)
        {
          g_autofree char *name = entry_name (now->pdata[n]);

          if (!contains (before, now->pdata[n]) && g_str_has_suffix (name, ".pdf"))
            return g_build_filename (cups->output_dir, name, NULL);
        }
      g_usleep (100 * 1000);
    }
  return NULL;
}

char *
kiosk_test_cups_get_page_log (KioskTestCups *cups)
{
  g_autofree char *path = g_build_filename (cups->dir, "log", "page_log", NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents ? contents : g_strdup ("");
}
