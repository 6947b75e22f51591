/* kiosk-pins.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The staff and admin PINs: stored only as Argon2id hashes in the store, checked with
 * a lockout that doubles and outlives a restart. Why the store and not GSettings:
 * docs/admin.md.
 */

#define G_LOG_DOMAIN "kiosk-pins"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-pins.h"
#include "kiosk-store-private.h"

G_DEFINE_QUARK (kiosk-pin-error-quark, kiosk_pin_error)

static const char *
role_key (KioskRole role)
{
  return role == KIOSK_ROLE_ADMIN ? "admin" : "staff";
}

gboolean
kiosk_pin_is_valid (const char  *pin,
                    GError     **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      len = 0;
  if (len >= KIOSK_PIN_MIN_LENGTH && len <= KIOSK_PIN_MAX_LENGTH)
    return TRUE;
  g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_INVALID,
               _("A PIN is %d to %d digits."), KIOSK_PIN_MIN_LENGTH, KIOSK_PIN_MAX_LENGTH);
  return FALSE;
}

/* Interactive limits (64 MiB, a fraction of a second): a 2 GB kiosk can afford them
 * on every try, and together with the lockout they make guessing hopeless. */
char *
kiosk_pin_hash (const char  *pin,
                GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!kiosk_pin_is_valid (pin, error))
    return NULL;
  if (sodium_init () < 0 ||
      crypto_pwhash_str_alg (hash, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_FAILED,
                   _("The PIN could not be stored: the computer is out of memory."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
kiosk_pin_hash_verify (const char *hash,
                       const char *pin)
{
  g_return_val_if_fail (hash != NULL, FALSE);

  if (pin == NULL || sodium_init () < 0)
    return FALSE;
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

guint
kiosk_pin_lock_seconds (guint lockouts)
{
  if (lockouts == 0)
    return 0;
  if (lockouts > 20)
    return KIOSK_PIN_LONGEST_LOCK;
  return MIN ((guint) KIOSK_PIN_FIRST_LOCK << (lockouts - 1), KIOSK_PIN_LONGEST_LOCK);
}

static gboolean
run (KioskStore  *store,
     sqlite3_stmt *stmt,
     GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return kiosk_store_set_error (store, rc, error);
  return TRUE;
}

static char *
dup_hash (KioskStore  *store,
          KioskRole    role,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = kiosk_store_prepare (store, "SELECT hash FROM pins WHERE role = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, role_key (role), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
kiosk_pins_have (KioskStore  *store,
                 KioskRole    role,
                 GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (role != KIOSK_ROLE_VISITOR, FALSE);

  hash = dup_hash (store, role, error);
  return hash != NULL;
}

static gboolean
store_hash (KioskStore  *store,
            KioskRole    role,
            const char  *hash,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    kiosk_store_prepare (store,
                         "INSERT INTO pins (role, hash, changed) VALUES (?1, ?2, ?3)"
                         " ON CONFLICT (role) DO UPDATE SET hash = ?2, changed = ?3",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, role_key (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  return run (store, stmt, error);
}

static gboolean
write_lockout (KioskStore  *store,
               guint        failures,
               guint        lockouts,
               gint64       locked_until,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    kiosk_store_prepare (store,
                         "UPDATE pin_lockout SET failures = ?1, lockouts = ?2, locked_until = ?3"
                         " WHERE id = 1",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, failures);
  sqlite3_bind_int (stmt, 2, lockouts);
  sqlite3_bind_int64 (stmt, 3, locked_until);
  return run (store, stmt, error);
}

gboolean
kiosk_pins_set (KioskStore  *store,
                const char  *admin_pin,
                const char  *staff_pin,
                GError     **error)
{
  g_autofree char *admin_hash = NULL;
  g_autofree char *staff_hash = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);

  if (g_strcmp0 (admin_pin, staff_pin) == 0)
    {
      g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_SAME,
                   _("The staff PIN must differ from the admin PIN."));
      return FALSE;
    }
  /* Hash before the transaction: the write lock is held for milliseconds only. */
  if ((admin_hash = kiosk_pin_hash (admin_pin, error)) == NULL ||
      (staff_hash = kiosk_pin_hash (staff_pin, error)) == NULL ||
      !kiosk_store_begin_write (store, error))
    return FALSE;
  if (!store_hash (store, KIOSK_ROLE_ADMIN, admin_hash, error) ||
      !store_hash (store, KIOSK_ROLE_STAFF, staff_hash, error) ||
      !write_lockout (store, 0, 0, 0, error) ||
      !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* A lock never lasts longer than its length from now, so a clock that was wrong
 * (set years ahead, then corrected) cannot lock the keypad for years. */
static void
fill_status (KioskPinStatus *status,
             guint           failures,
             guint           lockouts,
             gint64          locked_until,
             gint64          now)
{
  gint64 left = MAX (0, locked_until - now);

  status->failures = failures;
  status->lockouts = lockouts;
  status->tries_left = failures < KIOSK_PIN_MAX_FAILURES ? KIOSK_PIN_MAX_FAILURES - failures : 0;
  status->seconds_left = (guint) MIN (left, (gint64) kiosk_pin_lock_seconds (lockouts));
}

gboolean
kiosk_pins_get_status (KioskStore      *store,
                       gint64           now,
                       KioskPinStatus  *status,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  status->tries_left = KIOSK_PIN_MAX_FAILURES;
  stmt = kiosk_store_prepare (store,
                              "SELECT failures, lockouts, locked_until FROM pin_lockout"
                              " WHERE id = 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    fill_status (status, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                 sqlite3_column_int64 (stmt, 2), now);
  return TRUE;
}

static void
set_locked_error (GError               **error,
                  const KioskPinStatus  *status)
{
  guint minutes = (status->seconds_left + 59) / 60;

  if (status->seconds_left < 60)
    g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_LOCKED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Too many wrong PINs. Try again in %u second.",
                              "Too many wrong PINs. Try again in %u seconds.",
                              status->seconds_left),
                 status->seconds_left);
  else
    g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_LOCKED,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Too many wrong PINs. Try again in %u minute.",
                              "Too many wrong PINs. Try again in %u minutes.",
                              minutes),
                 minutes);
}

/* One more wrong PIN, inside the caller's write transaction; the fifth in a row locks. */
static gboolean
count_failure (KioskStore      *store,
               gint64           now,
               KioskPinStatus  *status,
               GError         **error)
{
  KioskPinStatus before;
  guint failures;
  guint lockouts;
  gint64 until = 0;

  if (!kiosk_pins_get_status (store, now, &before, error))
    return FALSE;
  failures = before.failures + 1;
  lockouts = before.lockouts;
  if (failures >= KIOSK_PIN_MAX_FAILURES)
    {
      failures = 0;
      lockouts++;
      until = now + kiosk_pin_lock_seconds (lockouts);
    }
  if (!write_lockout (store, failures, lockouts, until, error))
    return FALSE;
  fill_status (status, failures, lockouts, until, now);
  return TRUE;
}

static gboolean
note_failure (KioskStore      *store,
              gint64           now,
              KioskPinStatus  *status,
              GError         **error)
{
  if (!kiosk_store_begin_write (store, error))
    return FALSE;
  if (!count_failure (store, now, status, error) || !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* A hash that cannot be read matches nothing; the failure count then says why. */
static KioskRole
match_role (KioskStore *store,
            const char *pin)
{
  static const KioskRole roles[] = { KIOSK_ROLE_ADMIN, KIOSK_ROLE_STAFF };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *hash = dup_hash (store, roles[i], NULL);

      if (hash != NULL && kiosk_pin_hash_verify (hash, pin))
        return roles[i];
    }
  return KIOSK_ROLE_VISITOR;
}

static gboolean
wrong_pin (KioskStore      *store,
           gint64           now,
           KioskPinStatus  *status,
           GError         **error)
{
  if (!note_failure (store, now, status, error))
    return FALSE;
  if (status->seconds_left > 0)
    set_locked_error (error, status);
  else
    g_set_error (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_WRONG,
                 g_dngettext (GETTEXT_PACKAGE,
                              "Wrong PIN. %u more try before the keypad locks.",
                              "Wrong PIN. %u more tries before the keypad locks.",
                              status->tries_left),
                 status->tries_left);
  return FALSE;
}

/* The right PIN forgives the wrong ones before it. */
static gboolean
clear_lockout (KioskStore  *store,
               GError     **error)
{
  if (!kiosk_store_begin_write (store, error))
    return FALSE;
  if (!write_lockout (store, 0, 0, 0, error) || !kiosk_store_commit (store, error))
    {
      kiosk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

KioskRole
kiosk_pins_check (KioskStore      *store,
                  const char      *pin,
                  gint64           now,
                  KioskPinStatus  *status,
                  GError         **error)
{
  KioskPinStatus local_status;
  KioskRole role;

  g_return_val_if_fail (KIOSK_IS_STORE (store), KIOSK_ROLE_VISITOR);

  if (status == NULL)
    status = &local_status;
  if (!kiosk_pins_get_status (store, now, status, error))
    return KIOSK_ROLE_VISITOR;
  /* While locked, no PIN is even looked at. */
  if (status->seconds_left > 0)
    {
      set_locked_error (error, status);
      return KIOSK_ROLE_VISITOR;
    }

  role = match_role (store, pin);
  if (role == KIOSK_ROLE_VISITOR)
    {
      wrong_pin (store, now, status, error);
      return KIOSK_ROLE_VISITOR;
    }
  if ((status->failures > 0 || status->lockouts > 0) && !clear_lockout (store, error))
    return KIOSK_ROLE_VISITOR;
  fill_status (status, 0, 0, 0, now);
  return role;
}
