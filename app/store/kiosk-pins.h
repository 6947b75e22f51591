/* kiosk-pins.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"
#include "kiosk-types.h"

G_BEGIN_DECLS

#define KIOSK_PIN_MIN_LENGTH   4
#define KIOSK_PIN_MAX_LENGTH   12
/* Wrong PINs in a row before the keypad locks. */
#define KIOSK_PIN_MAX_FAILURES 5
/* The first lock lasts a minute; each one after it twice as long, up to a day. */
#define KIOSK_PIN_FIRST_LOCK   60
#define KIOSK_PIN_LONGEST_LOCK (24 * 60 * 60)

#define KIOSK_PIN_ERROR (kiosk_pin_error_quark ())

typedef enum {
  KIOSK_PIN_ERROR_WRONG,
  KIOSK_PIN_ERROR_LOCKED,
  KIOSK_PIN_ERROR_INVALID,
  KIOSK_PIN_ERROR_SAME,
  KIOSK_PIN_ERROR_NOT_ALLOWED,
  KIOSK_PIN_ERROR_FAILED,
} KioskPinError;

/* Where the keypad stands after the last try. */
typedef struct {
  guint  failures;       /* wrong PINs since the last success or lock */
  guint  tries_left;     /* before the next lock */
  guint  lockouts;       /* locks since the last success */
  guint  seconds_left;   /* of the current lock; 0 when not locked */
} KioskPinStatus;

GQuark    kiosk_pin_error_quark  (void);

/* 4 to 12 digits. */
gboolean  kiosk_pin_is_valid     (const char      *pin,
                                  GError         **error);
/* An Argon2id hash string with its salt and limits (libsodium crypto_pwhash_str). */
char     *kiosk_pin_hash         (const char      *pin,
                                  GError         **error);
gboolean  kiosk_pin_hash_verify  (const char      *hash,
                                  const char      *pin);
/* How long the @lockouts-th lock lasts, in seconds. */
guint     kiosk_pin_lock_seconds (guint            lockouts);

/* Whether a PIN is set for @role (staff or admin). */
gboolean  kiosk_pins_have        (KioskStore      *store,
                                  KioskRole        role,
                                  GError         **error);
/* Stores the hashes of both PINs in one transaction and clears any lockout. The two
 * must differ: the PIN is what tells the roles apart. Slow (Argon2id): call it from a
 * worker thread. */
gboolean  kiosk_pins_set         (KioskStore      *store,
                                  const char      *admin_pin,
                                  const char      *staff_pin,
                                  GError         **error);
gboolean  kiosk_pins_get_status  (KioskStore      *store,
                                  gint64           now,
                                  KioskPinStatus  *status,
                                  GError         **error);
/* The role @pin opens, or KIOSK_ROLE_VISITOR with KIOSK_PIN_ERROR_WRONG or _LOCKED.
 * Every wrong PIN is written down before the answer, so a restart does not reset the
 * count; @now is unix seconds. Slow (Argon2id): call it from a worker thread. */
KioskRole kiosk_pins_check       (KioskStore      *store,
                                  const char      *pin,
                                  gint64           now,
                                  KioskPinStatus  *status,
                                  GError         **error);

G_END_DECLS
