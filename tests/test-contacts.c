/* test-contacts.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commune's local contacts: hotline rows of the "local" source that the hotline
 * screen and leaflets show, and that no content import touches.
 */

#include "config.h"

#include <string.h>

#include "kiosk-contacts.h"
#include "kiosk-importer.h"
#include "kiosk-test-repo.h"
#include "kiosk-test-util.h"

#define HOTLINES \
  "[{\"id\":\"child-protection\",\"number\":\"111\",\"national\":true,\"free\":true," \
  "\"name\":{\"vi\":\"Tổng đài quốc gia bảo vệ trẻ em\",\"en\":\"Child protection\"}," \
  "\"purpose\":{\"vi\":\"Bảo vệ trẻ em\",\"en\":\"Child safety\"}," \
  "\"hours\":{\"vi\":\"Cả ngày và đêm\",\"en\":\"Day and night\"}}]"

static KioskStore *
open_store (const char *name)
{
  g_autofree char *dir = kiosk_test_mkdtemp (name);
  g_autofree char *path = g_build_filename (dir, "store.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  KioskStore *store = kiosk_store_open (path, KIOSK_STORE_WRITER, &error);

  g_assert_no_error (error);
  return store;
}

static KioskHotline *
find_local (GPtrArray  *hotlines,
            const char *id)
{
  for (guint i = 0; i < hotlines->len; i++)
    {
      KioskHotline *hotline = hotlines->pdata[i];

      if (g_str_equal (hotline->source, KIOSK_LOCAL_SOURCE) && g_str_equal (hotline->id, id))
        return hotline;
    }
  return NULL;
}

static void
test_numbers (void)
{
  const char *good[] = {
    "113", "0236 3812 345", "+84 236 381 2345", "(0236) 381-2345", "1900.1567",
  };
  const char *bad[] = { "", "12", "abc", "0236 38x", "84+236", "1234567890123456", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (kiosk_contact_number_is_valid (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (kiosk_contact_number_is_valid (bad[i], &error));
      g_assert_error (error, KIOSK_CONTACT_ERROR, KIOSK_CONTACT_ERROR_INVALID);
    }
}

static void
test_set_edit_remove (void)
{
  g_autoptr(KioskStore) store = open_store ("contacts");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hotlines = NULL;
  g_autofree char *number = NULL;
  g_autofree char *person = NULL;
  KioskHotline *police;

  g_assert_true (kiosk_contacts_set (store, KIOSK_CONTACT_POLICE, " 0236 3812 345 ", NULL,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (kiosk_contacts_set (store, KIOSK_CONTACT_CHILD_PROTECTION, "0905 111 222",
                                     "chị Nguyễn Thị Lan", &error));
  g_assert_no_error (error);

  hotlines = kiosk_store_list_hotlines (store, NULL);
  g_assert_cmpuint (hotlines->len, ==, 2);
  police = find_local (hotlines, "commune-police");
  g_assert_nonnull (police);
  g_assert_false (police->national);
  g_assert_cmpstr (police->number, ==, "0236 3812 345");
  g_assert_cmpstr (police->name[KIOSK_LANG_VI], ==, "Công an xã");
  g_assert_cmpstr (police->name[KIOSK_LANG_EN], ==, "Commune police");
  g_assert_cmpstr (police->purpose[KIOSK_LANG_EN], !=, "");
  g_assert_cmpstr (find_local (hotlines, "child-protection-officer")->name[KIOSK_LANG_VI], ==,
                   "Cán bộ bảo vệ trẻ em của xã: chị Nguyễn Thị Lan");

  number = kiosk_contacts_dup_number (store, KIOSK_CONTACT_CHILD_PROTECTION, &person);
  g_assert_cmpstr (number, ==, "0905 111 222");
  g_assert_cmpstr (person, ==, "chị Nguyễn Thị Lan");

  /* Editing replaces; a bad number changes nothing. */
  g_assert_true (kiosk_contacts_set (store, KIOSK_CONTACT_POLICE, "113", "", &error));
  g_assert_false (kiosk_contacts_set (store, KIOSK_CONTACT_POLICE, "11", "", &error));
  g_assert_error (error, KIOSK_CONTACT_ERROR, KIOSK_CONTACT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&number, g_free);
  g_clear_pointer (&person, g_free);
  number = kiosk_contacts_dup_number (store, KIOSK_CONTACT_POLICE, &person);
  g_assert_cmpstr (number, ==, "113");
  g_assert_null (person);

  g_assert_true (kiosk_contacts_remove (store, KIOSK_CONTACT_POLICE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&number, g_free);
  number = kiosk_contacts_dup_number (store, KIOSK_CONTACT_POLICE, NULL);
  g_assert_null (number);
  g_assert_null (kiosk_contacts_dup_number (store, KIOSK_CONTACT_HEALTH_STATION, NULL));
}

/* A content update replaces its own source's hotlines and leaves the commune's. */
static void
test_survive_import (void)
{
  g_autoptr(KioskStore) store = open_store ("contacts-import");
  g_autoptr(KioskTestRepo) repo = kiosk_test_repo_new ("vn.test.province");
  g_autofree char *dir = kiosk_test_mkdtemp ("contacts-repo");
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(KioskImportResult) result = NULL;
  g_autoptr(GPtrArray) hotlines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) hotlines_json = g_bytes_new_static (HOTLINES, strlen (HOTLINES));

  kiosk_test_repo_add_raw (repo, "hotlines", "hotlines", hotlines_json, NULL, -1);
  kiosk_test_repo_add_topic (repo, "injury", "Thương tích");
  kiosk_test_repo_add_article (repo, "injury-one", "injury", "Một", "Nội dung.");
  kiosk_test_repo_write (repo, dir);
  g_assert_true (kiosk_contacts_set (store, KIOSK_CONTACT_HEALTH_STATION, "0236 3000 111", NULL,
                                     &error));
  g_assert_true (kiosk_store_trust_key (store, kiosk_test_repo_public_key (repo), &error));
  result = kiosk_import_repository (store, folder, NULL, KIOSK_IMPORT_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  hotlines = kiosk_store_list_hotlines (store, NULL);
  g_assert_cmpuint (hotlines->len, ==, 2);
  g_assert_nonnull (find_local (hotlines, "health-station"));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init_dirs ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/contacts/numbers", test_numbers);
  g_test_add_func ("/kiosk/contacts/set-edit-remove", test_set_edit_remove);
  g_test_add_func ("/kiosk/contacts/survive-import", test_survive_import);

  return g_test_run ();
}
