/* kiosk-contacts.h
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kiosk-store.h"

G_BEGIN_DECLS

/* The commune's own contacts are hotline rows of this source, national = 0: the
 * hotline screen and the leaflets show them with the others, and no repository
 * import touches them (an import owns only its own source's rows). */
#define KIOSK_LOCAL_SOURCE "local"

#define KIOSK_CONTACT_ERROR (kiosk_contact_error_quark ())

typedef enum {
  KIOSK_CONTACT_ERROR_INVALID,
} KioskContactError;

/* The people a family may need in the commune. */
typedef enum {
  KIOSK_CONTACT_POLICE,
  KIOSK_CONTACT_HEALTH_STATION,
  KIOSK_CONTACT_WOMENS_UNION,
  KIOSK_CONTACT_CHILD_PROTECTION,
  KIOSK_N_CONTACTS
} KioskContactKind;

GQuark      kiosk_contact_error_quark     (void);

/* The hotline row's id, e.g. "commune-police". */
const char *kiosk_contact_id              (KioskContactKind   kind);
/* The contact's name in @lang, as the hotline screen shows it. */
const char *kiosk_contact_name            (KioskContactKind   kind,
                                           KioskLang          lang);

/* 3 to 15 digits, with spaces, dots, dashes, brackets or a leading + between them. */
gboolean    kiosk_contact_number_is_valid (const char        *number,
                                           GError           **error);

/* Adds or replaces the contact; @person (may be NULL or "") is who or which office
 * answers, shown after the name. */
gboolean    kiosk_contacts_set            (KioskStore        *store,
                                           KioskContactKind   kind,
                                           const char        *number,
                                           const char        *person,
                                           GError           **error);
gboolean    kiosk_contacts_remove         (KioskStore        *store,
                                           KioskContactKind   kind,
                                           GError           **error);
/* The stored number, or NULL; @person gets what was stored with it. */
char       *kiosk_contacts_dup_number     (KioskStore        *store,
                                           KioskContactKind   kind,
                                           char             **person);

G_END_DECLS
