/* kiosk-sha256.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>

#include "kiosk-sha256.h"

void
kiosk_sha256_init (KioskSha256 *sha)
{
  sha256_init (&sha->ctx);
}

void
kiosk_sha256_update (KioskSha256  *sha,
                     gconstpointer data,
                     gsize         len)
{
  sha256_update (&sha->ctx, len, data);
}

/* Lower-case hex, as object ids are written in a manifest. */
void
kiosk_sha256_finish_hex (KioskSha256 *sha,
                         char         hex[KIOSK_SHA256_HEX_LEN + 1])
{
  guint8 digest[SHA256_DIGEST_SIZE];

  sha256_digest (&sha->ctx, sizeof digest, digest);
  sodium_bin2hex (hex, KIOSK_SHA256_HEX_LEN + 1, digest, sizeof digest);
}

/* Whether @data hashes to @hex, an object id. */
gboolean
kiosk_sha256_matches (gconstpointer data,
                      gsize         len,
                      const char   *hex)
{
  char got[KIOSK_SHA256_HEX_LEN + 1];
  KioskSha256 sha;

  kiosk_sha256_init (&sha);
  kiosk_sha256_update (&sha, data, len);
  kiosk_sha256_finish_hex (&sha, got);
  return g_strcmp0 (got, hex) == 0;
}
