/* kiosk-contacts.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commune's local contacts, kept as hotline rows of the "local" source.
 */

#define G_LOG_DOMAIN "kiosk-contacts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-contacts.h"
#include "kiosk-store-private.h"

G_DEFINE_QUARK (kiosk-contact-error-quark, kiosk_contact_error)

/* A hotline row carries both languages whatever the screen shows now, so both are
 * written here as data rather than looked up through gettext. */
typedef struct {
  const char *id;
  const char *name[KIOSK_N_LANGS];
  const char *purpose[KIOSK_N_LANGS];
} ContactSpec;

static const ContactSpec contacts[KIOSK_N_CONTACTS] = {
  { "commune-police",
    { "Công an xã", "Commune police" },
    { "Khi trẻ đang gặp nguy hiểm, hoặc để báo tin bạo lực, xâm hại trẻ em.",
      "When a child is in danger now, or to report violence against or abuse of a child." } },
  { "health-station",
    { "Trạm Y tế xã", "Commune health station" },
    { "Sơ cứu, khám bệnh và tư vấn sức khỏe cho trẻ em và gia đình.",
      "First aid, check-ups and health advice for children and families." } },
  { "womens-union",
    { "Hội Liên hiệp Phụ nữ xã", "Commune Women's Union" },
    { "Hỗ trợ phụ nữ và trẻ em bị bạo lực gia đình; tư vấn nuôi dạy con.",
      "Support for women and children facing violence at home; advice on bringing up children." } },
  { "child-protection-officer",
    { "Cán bộ bảo vệ trẻ em của xã", "Commune child-protection officer" },
    { "Tư vấn, tiếp nhận tin báo và hỗ trợ trẻ em cần được bảo vệ.",
      "Advice, reports and support for children who need protection." } },
};

/* Between the contact's name and the person or office that answers. */
#define PERSON_SEPARATOR ": "

const char *
kiosk_contact_id (KioskContactKind kind)
{
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, NULL);
  return contacts[kind].id;
}

const char *
kiosk_contact_name (KioskContactKind kind,
                    KioskLang        lang)
{
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, NULL);
  return contacts[kind].name[lang == KIOSK_LANG_EN ? KIOSK_LANG_EN : KIOSK_LANG_VI];
}

gboolean
kiosk_contact_number_is_valid (const char  *number,
                               GError     **error)
{
  guint digits = 0;
  gboolean ok = number != NULL;

  for (const char *p = number; ok && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+')
        ok = p == number;
      else
        ok = strchr (" .-()", *p) != NULL;
    }
  if (ok && digits >= 3 && digits <= 15)
    return TRUE;
  g_set_error (error, KIOSK_CONTACT_ERROR, KIOSK_CONTACT_ERROR_INVALID,
               _("“%s” is not a phone number: use 3 to 15 digits."), number ? number : "");
  return FALSE;
}

static char *
full_name (KioskContactKind  kind,
           KioskLang         lang,
           const char       *person)
{
  if (person == NULL || *person == '\0')
    return g_strdup (contacts[kind].name[lang]);
  return g_strconcat (contacts[kind].name[lang], PERSON_SEPARATOR, person, NULL);
}

gboolean
kiosk_contacts_set (KioskStore        *store,
                    KioskContactKind   kind,
                    const char        *number,
                    const char        *person,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *name_vi = NULL;
  g_autofree char *name_en = NULL;
  const ContactSpec *spec;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, FALSE);

  stripped = g_strstrip (g_strdup (number ? number : ""));
  if (!kiosk_contact_number_is_valid (stripped, error))
    return FALSE;

  spec = &contacts[kind];
  person = person != NULL ? person : "";
  name_vi = full_name (kind, KIOSK_LANG_VI, person);
  name_en = full_name (kind, KIOSK_LANG_EN, person);
  stmt = kiosk_store_prepare (store,
                              "INSERT OR REPLACE INTO hotlines (source, id, position, number, "
                              "national, free,"
                              " name_vi, name_en, purpose_vi, purpose_en, hours_vi, hours_en)"
                              " VALUES ('" KIOSK_LOCAL_SOURCE "', ?1, ?2, ?3, 0, 0,"
                              " ?4, ?5, ?6, ?7, '', '')",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, spec->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, kind + 1);
  sqlite3_bind_text (stmt, 3, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, name_vi, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, name_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, spec->purpose[KIOSK_LANG_VI], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, spec->purpose[KIOSK_LANG_EN], -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return kiosk_store_set_error (store, rc, error);
  return TRUE;
}

gboolean
kiosk_contacts_remove (KioskStore        *store,
                       KioskContactKind   kind,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KIOSK_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, FALSE);

  stmt = kiosk_store_prepare (store,
                              "DELETE FROM hotlines"
                              " WHERE source = '" KIOSK_LOCAL_SOURCE "' AND id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, contacts[kind].id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return kiosk_store_set_error (store, rc, error);
  return TRUE;
}

char *
kiosk_contacts_dup_number (KioskStore        *store,
                           KioskContactKind   kind,
                           char             **person)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;
  gsize prefix;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, NULL);

  if (person != NULL)
    *person = NULL;
  stmt = kiosk_store_prepare (store,
                              "SELECT number, name_vi FROM hotlines"
                              " WHERE source = '" KIOSK_LOCAL_SOURCE "' AND id = ?1",
                              NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, contacts[kind].id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  name = (const char *) sqlite3_column_text (stmt, 1);
  prefix = strlen (contacts[kind].name[KIOSK_LANG_VI]) + strlen (PERSON_SEPARATOR);
  if (person != NULL && name != NULL && strlen (name) > prefix)
    *person = g_strdup (name + prefix);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
