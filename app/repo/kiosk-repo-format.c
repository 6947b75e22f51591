/* kiosk-repo-format.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "kiosk-repo-format.h"
#include "kiosk-sha256.h"

static gboolean
is_id_char (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static gboolean
is_alnum_lower (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

gboolean
kiosk_repo_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len == 0 || len > 64 || !is_alnum_lower (id[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!is_id_char (id[i]) && id[i] != '.')
      return FALSE;
  return strstr (id, "..") == NULL;
}

gboolean
kiosk_object_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len == 0 || len > 64 || !is_alnum_lower (id[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!is_id_char (id[i]))
      return FALSE;
  return TRUE;
}

/* A media id is an object id with exactly one '.' followed by a known extension. */
gboolean
kiosk_media_id_is_valid (const char *id)
{
  const char *dot;
  g_autofree char *stem = NULL;

  if (id == NULL || strlen (id) > 64)
    return FALSE;
  dot = strchr (id, '.');
  if (dot == NULL || strchr (dot + 1, '.') != NULL)
    return FALSE;
  if (g_strcmp0 (dot, ".svg") != 0 && g_strcmp0 (dot, ".png") != 0 &&
      g_strcmp0 (dot, ".jpg") != 0 && g_strcmp0 (dot, ".jpeg") != 0)
    return FALSE;
  stem = g_strndup (id, dot - id);
  return kiosk_object_id_is_valid (stem);
}

gboolean
kiosk_sha256_hex_is_valid (const char *hex)
{
  if (hex == NULL || strlen (hex) != 64)
    return FALSE;
  for (int i = 0; i < 64; i++)
    if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
      return FALSE;
  return TRUE;
}

char *
kiosk_sha256_hex (const guint8 *data,
                  gsize         len)
{
  KioskSha256 sha;
  char *hex = g_malloc (KIOSK_SHA256_HEX_LEN + 1);

  kiosk_sha256_init (&sha);
  kiosk_sha256_update (&sha, data, len);
  kiosk_sha256_finish_hex (&sha, hex);
  return hex;
}

/* Builds the manifest.signed envelope around @body, signed with one secret key. */
char *
kiosk_manifest_envelope_sign (GBytes       *body,
                              const guint8 *secret_key,
                              gsize        *out_len)
{
  guint8 sig[crypto_sign_BYTES];
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  gsize body_len;
  const guint8 *body_data = g_bytes_get_data (body, &body_len);
  g_autofree char *pk64 = NULL;
  g_autofree char *sig64 = NULL;
  GString *out;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (secret_key != NULL, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");

  crypto_sign_detached (sig, NULL, body_data, body_len, secret_key);
  crypto_sign_ed25519_sk_to_pk (pk, secret_key);
  pk64 = g_base64_encode (pk, sizeof pk);
  sig64 = g_base64_encode (sig, sizeof sig);

  out = g_string_new (KIOSK_MANIFEST_MAGIC "\n");
  g_string_append_printf (out, "signature ed25519 %s %s\n\n", pk64, sig64);
  g_string_append_len (out, (const char *) body_data, body_len);
  if (out_len)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}
