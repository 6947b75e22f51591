/* test-pins.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PINs: Argon2id hashes only, the lockout that doubles and survives a restart, and
 * the session that checks them off the main thread.
 */

#include "config.h"

#include <string.h>

#include "kiosk-pins.h"
#include "kiosk-session.h"
#include "kiosk-test-util.h"

#define ADMIN_PIN "482913"
#define STAFF_PIN "7351"
#define NOW       ((gint64) 1780000000)

static char *
store_path (const char *name)
{
  g_autofree char *dir = kiosk_test_mkdtemp (name);

  return g_build_filename (dir, "store.sqlite", NULL);
}

static KioskStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);

  g_assert_no_error (error);
  return store;
}

static KioskStore *
store_with_pins (const char *path)
{
  g_autoptr(GError) error = NULL;
  KioskStore *store = open_store (path);

  g_assert_true (kiosk_pins_set (store, ADMIN_PIN, STAFF_PIN, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_valid (void)
{
  const char *good[] = { "1234", "000000", "123456789012" };
  const char *bad[] = { "", "123", "1234567890123", "12a4", " 1234", "１２３４", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (kiosk_pin_is_valid (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_pin_is_valid (bad[i], &error));
      g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_INVALID);
    }
}

static void
test_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = kiosk_pin_hash (ADMIN_PIN, &error);
  g_autofree char *again = kiosk_pin_hash (ADMIN_PIN, &error);

  g_assert_no_error (error);
  /* Argon2id with its own salt each time, and no trace of the PIN itself. */
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_cmpstr (hash, !=, again);
  g_assert_null (strstr (hash, ADMIN_PIN));
  g_assert_true (kiosk_pin_hash_verify (hash, ADMIN_PIN));
  g_assert_true (kiosk_pin_hash_verify (again, ADMIN_PIN));
  g_assert_false (kiosk_pin_hash_verify (hash, "482914"));
  g_assert_false (kiosk_pin_hash_verify (hash, ""));
}

/* The store holds hashes only: nothing in the file is the PIN in clear. */
static void
test_stored_as_hashes (void)
{
  g_autofree char *path = store_path ("hashes");
  g_autoptr(KioskStore) store = store_with_pins (path);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (kiosk_pins_have (store, KIOSK_ROLE_ADMIN, NULL));
  g_assert_true (kiosk_pins_have (store, KIOSK_ROLE_STAFF, NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (kiosk_store_get_db (store),
                                       "SELECT role, hash FROM pins ORDER BY role", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *hash = (const char *) sqlite3_column_text (stmt, 1);

      g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
      g_assert_null (strstr (hash, ADMIN_PIN));
    }
  sqlite3_finalize (stmt);

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_null (g_strstr_len (bytes, length, ADMIN_PIN));
}

static void
test_same_pins_refused (void)
{
  g_autofree char *path = store_path ("same");
  g_autoptr(KioskStore) store = open_store (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (kiosk_pins_set (store, "1234", "1234", &error));
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_SAME);
  g_clear_error (&error);
  g_assert_false (kiosk_pins_set (store, "1234", "12", &error));
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_INVALID);
  /* Nothing half-set. */
  g_assert_false (kiosk_pins_have (store, KIOSK_ROLE_ADMIN, NULL));
  g_assert_false (kiosk_pins_have (store, KIOSK_ROLE_STAFF, NULL));
}

static void
test_roles (void)
{
  g_autofree char *path = store_path ("roles");
  g_autoptr(KioskStore) store = store_with_pins (path);
  g_autoptr(GError) error = NULL;
  KioskPinStatus status;

  g_assert_cmpint (kiosk_pins_check (store, ADMIN_PIN, NOW, &status, &error), ==,
                   KIOSK_ROLE_ADMIN);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_pins_check (store, STAFF_PIN, NOW, &status, &error), ==,
                   KIOSK_ROLE_STAFF);
  g_assert_no_error (error);
  g_assert_cmpint (kiosk_pins_check (store, "0000", NOW, &status, &error), ==,
                   KIOSK_ROLE_VISITOR);
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_WRONG);
  g_assert_cmpuint (status.tries_left, ==, KIOSK_PIN_MAX_FAILURES - 1);
}

static void
fail_times (KioskStore *store,
            guint       times,
            gint64      now)
{
  for (guint i = 0; i < times; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (kiosk_pins_check (store, "9999", now, NULL, &error), ==,
                       KIOSK_ROLE_VISITOR);
      g_assert_nonnull (error);
    }
}

static void
assert_locked (KioskStore *store,
               const char *pin,
               gint64      now,
               guint       seconds_left)
{
  g_autoptr(GError) error = NULL;
  KioskPinStatus status;

  g_assert_cmpint (kiosk_pins_check (store, pin, now, &status, &error), ==, KIOSK_ROLE_VISITOR);
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_LOCKED);
  g_assert_cmpuint (status.seconds_left, ==, seconds_left);
}

/* Five wrong PINs lock for a minute, even the right PIN; then the next five for two
 * minutes, and so on; the right PIN after a lock forgives everything. */
static void
test_lockout_doubles (void)
{
  g_autofree char *path = store_path ("lockout");
  g_autoptr(KioskStore) store = store_with_pins (path);
  g_autoptr(GError) error = NULL;
  KioskPinStatus status;

  fail_times (store, KIOSK_PIN_MAX_FAILURES - 1, NOW);
  g_assert_true (kiosk_pins_get_status (store, NOW, &status, NULL));
  g_assert_cmpuint (status.tries_left, ==, 1);
  g_assert_cmpuint (status.seconds_left, ==, 0);

  fail_times (store, 1, NOW);
  assert_locked (store, ADMIN_PIN, NOW + 1, 59);
  assert_locked (store, ADMIN_PIN, NOW + 59, 1);

  /* The second round locks for two minutes. */
  fail_times (store, KIOSK_PIN_MAX_FAILURES, NOW + 60);
  assert_locked (store, ADMIN_PIN, NOW + 61, 119);
  fail_times (store, KIOSK_PIN_MAX_FAILURES, NOW + 180);
  assert_locked (store, ADMIN_PIN, NOW + 180, 240);

  g_assert_cmpint (kiosk_pins_check (store, ADMIN_PIN, NOW + 420, &status, &error), ==,
                   KIOSK_ROLE_ADMIN);
  g_assert_no_error (error);
  g_assert_cmpuint (status.lockouts, ==, 0);
  g_assert_cmpuint (status.tries_left, ==, KIOSK_PIN_MAX_FAILURES);
  fail_times (store, KIOSK_PIN_MAX_FAILURES, NOW + 500);
  assert_locked (store, ADMIN_PIN, NOW + 500, 60);
}

static void
test_lock_lengths (void)
{
  g_assert_cmpuint (kiosk_pin_lock_seconds (0), ==, 0);
  g_assert_cmpuint (kiosk_pin_lock_seconds (1), ==, 60);
  g_assert_cmpuint (kiosk_pin_lock_seconds (2), ==, 120);
  g_assert_cmpuint (kiosk_pin_lock_seconds (5), ==, 960);
  g_assert_cmpuint (kiosk_pin_lock_seconds (11), ==, 61440);
  g_assert_cmpuint (kiosk_pin_lock_seconds (12), ==, KIOSK_PIN_LONGEST_LOCK);
  g_assert_cmpuint (kiosk_pin_lock_seconds (200), ==, KIOSK_PIN_LONGEST_LOCK);
}

/* Closing the app (or pulling the plug) in the middle of guessing changes nothing:
 * the count and the lock are read back from the store. */
static void
test_lockout_survives_reopen (void)
{
  g_autofree char *path = store_path ("reopen");
  KioskStore *store = store_with_pins (path);
  KioskPinStatus status;

  fail_times (store, 3, NOW);
  g_assert_finalize_object (store);

  store = open_store (path);
  g_assert_true (kiosk_pins_get_status (store, NOW, &status, NULL));
  g_assert_cmpuint (status.failures, ==, 3);
  fail_times (store, 2, NOW);
  g_assert_finalize_object (store);

  store = open_store (path);
  assert_locked (store, ADMIN_PIN, NOW + 30, 30);
  g_assert_finalize_object (store);
}

/* A clock set far ahead when the lock began, then put right, must not leave the
 * keypad locked for years. */
static void
test_lock_capped_by_clock (void)
{
  g_autofree char *path = store_path ("clock");
  g_autoptr(KioskStore) store = store_with_pins (path);
  KioskPinStatus status;

  fail_times (store, KIOSK_PIN_MAX_FAILURES, NOW + 10 * 365 * 24 * 3600);
  g_assert_true (kiosk_pins_get_status (store, NOW, &status, NULL));
  g_assert_cmpuint (status.seconds_left, ==, 60);
}

/* ---- the session ---- */

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (30, set_flag, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  return *slot;
}

static KioskRole
log_in (KioskSession  *session,
        const char    *pin,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_session_log_in_async (session, pin, NULL, got_result_cb, &result);
  return kiosk_session_log_in_finish (session, wait_for_result (&result), error);
}

static gboolean
set_pins (KioskSession  *session,
          const char    *admin_pin,
          const char    *staff_pin,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kiosk_session_set_pins_async (session, admin_pin, staff_pin, NULL, got_result_cb, &result);
  return kiosk_session_set_pins_finish (session, wait_for_result (&result), error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_session (void)
{
  g_autofree char *path = store_path ("session");
  g_autoptr(KioskStore) reader = open_store (path);
  g_autoptr(KioskSession) session = kiosk_session_new (reader);
  g_autoptr(GError) error = NULL;
  guint role_changes = 0;

  g_signal_connect (session, "notify::role", G_CALLBACK (count_notify_cb), &role_changes);
  g_assert_true (kiosk_session_get_needs_setup (session));
  g_assert_cmpint (kiosk_session_get_role (session), ==, KIOSK_ROLE_VISITOR);

  /* The first run sets the PINs without one. */
  g_assert_true (set_pins (session, ADMIN_PIN, STAFF_PIN, &error));
  g_assert_no_error (error);
  g_assert_false (kiosk_session_get_needs_setup (session));

  /* Afterwards only an admin may change them. */
  g_assert_false (set_pins (session, "1111", "2222", &error));
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_cmpint (log_in (session, STAFF_PIN, &error), ==, KIOSK_ROLE_STAFF);
  g_assert_no_error (error);
  g_assert_true (kiosk_session_allows (session, KIOSK_ROLE_STAFF));
  g_assert_false (kiosk_session_allows (session, KIOSK_ROLE_ADMIN));
  g_assert_false (set_pins (session, "1111", "2222", &error));
  g_clear_error (&error);

  g_assert_cmpint (log_in (session, "0000", &error), ==, KIOSK_ROLE_VISITOR);
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_WRONG);
  g_clear_error (&error);
  /* A wrong PIN does not end the session that is open. */
  g_assert_cmpint (kiosk_session_get_role (session), ==, KIOSK_ROLE_STAFF);

  g_assert_cmpint (log_in (session, ADMIN_PIN, &error), ==, KIOSK_ROLE_ADMIN);
  g_assert_true (set_pins (session, "1111", "2222", &error));
  g_assert_no_error (error);
  kiosk_session_end (session);
  g_assert_cmpint (kiosk_session_get_role (session), ==, KIOSK_ROLE_VISITOR);
  g_assert_cmpuint (role_changes, ==, 3);

  g_assert_cmpint (log_in (session, "1111", &error), ==, KIOSK_ROLE_ADMIN);
  g_assert_no_error (error);
}

static void
test_session_lockout (void)
{
  g_autofree char *path = store_path ("session-lockout");
  g_autoptr(KioskStore) reader = store_with_pins (path);
  g_autoptr(KioskSession) session = kiosk_session_new (reader);
  g_autoptr(GError) error = NULL;
  KioskPinStatus status;

  for (guint i = 0; i < KIOSK_PIN_MAX_FAILURES; i++)
    {
      g_assert_cmpint (log_in (session, "0000", &error), ==, KIOSK_ROLE_VISITOR);
      g_clear_error (&error);
    }
  kiosk_session_get_pin_status (session, &status);
  g_assert_cmpuint (status.seconds_left, >, 55);
  g_assert_cmpint (log_in (session, ADMIN_PIN, &error), ==, KIOSK_ROLE_VISITOR);
  g_assert_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_LOCKED);
  g_assert_cmpint (kiosk_session_get_role (session), ==, KIOSK_ROLE_VISITOR);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/pins/valid", test_valid);
  g_test_add_func ("/kiosk/pins/hash", test_hash);
  g_test_add_func ("/kiosk/pins/stored-as-hashes", test_stored_as_hashes);
  g_test_add_func ("/kiosk/pins/same-pins-refused", test_same_pins_refused);
  g_test_add_func ("/kiosk/pins/roles", test_roles);
  g_test_add_func ("/kiosk/pins/lock-lengths", test_lock_lengths);
  g_test_add_func ("/kiosk/pins/lockout-doubles", test_lockout_doubles);
  g_test_add_func ("/kiosk/pins/lockout-survives-reopen", test_lockout_survives_reopen);
  g_test_add_func ("/kiosk/pins/lock-capped-by-clock", test_lock_capped_by_clock);
  g_test_add_func ("/kiosk/session/roles", test_session);
  g_test_add_func ("/kiosk/session/lockout", test_session_lockout);

  return g_test_run ();
}
