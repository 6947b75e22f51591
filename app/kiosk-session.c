/* kiosk-session.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The role of whoever is at the kiosk. Argon2id takes a fraction of a second and the
 * lockout is written to disk, so both run in a worker thread with its own writer
 * connection; the main thread only reads.
 */

#define G_LOG_DOMAIN "kiosk-session"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-session.h"

struct _KioskSession
{
  GObject     parent_instance;

  /* owned */
  KioskStore *store;
  KioskRole   role;
  gboolean    needs_setup;
};

G_DEFINE_FINAL_TYPE (KioskSession, kiosk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_NEEDS_SETUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker needs: copies only, and the PINs wiped when done with. */
typedef struct {
  char   *path;
  char   *pin;
  char   *staff_pin;
  gint64  now;
} PinJob;

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

static void
pin_job_free (PinJob *job)
{
  g_free (job->path);
  wipe_free (job->pin);
  wipe_free (job->staff_pin);
  g_free (job);
}

static PinJob *
pin_job_new (KioskSession *self,
             const char   *pin,
             const char   *staff_pin)
{
  PinJob *job = g_new0 (PinJob, 1);

  job->path = g_strdup (kiosk_store_get_path (self->store));
  job->pin = g_strdup (pin);
  job->staff_pin = g_strdup (staff_pin);
  job->now = g_get_real_time () / G_USEC_PER_SEC;
  return job;
}

static void
set_role (KioskSession *self,
          KioskRole     role)
{
  if (self->role == role)
    return;
  g_debug ("Session role %d → %d", self->role, role);
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
update_needs_setup (KioskSession *self)
{
  g_autoptr(GError) error = NULL;
  gboolean needs = !kiosk_pins_have (self->store, KIOSK_ROLE_ADMIN, &error);

  if (error != NULL)
    g_message ("Could not read the PINs: %s", error->message);
  if (self->needs_setup == needs)
    return;
  self->needs_setup = needs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_SETUP]);
}

static void
kiosk_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KioskSession *self = KIOSK_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;
    case PROP_NEEDS_SETUP:
      g_value_set_boolean (value, self->needs_setup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_session_dispose (GObject *object)
{
  KioskSession *self = KIOSK_SESSION (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_session_parent_class)->dispose (object);
}

static void
kiosk_session_class_init (KioskSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_session_dispose;
  object_class->get_property = kiosk_session_get_property;

  properties[PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, KIOSK_ROLE_VISITOR, KIOSK_ROLE_ADMIN, KIOSK_ROLE_VISITOR,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEEDS_SETUP] =
    g_param_spec_boolean ("needs-setup", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_session_init (KioskSession *self)
{
}

KioskSession *
kiosk_session_new (KioskStore *store)
{
  KioskSession *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_SESSION, NULL);
  self->store = g_object_ref (store);
  self->needs_setup = !kiosk_pins_have (store, KIOSK_ROLE_ADMIN, NULL);
  return self;
}

KioskRole
kiosk_session_get_role (KioskSession *self)
{
  g_return_val_if_fail (KIOSK_IS_SESSION (self), KIOSK_ROLE_VISITOR);
  return self->role;
}

gboolean
kiosk_session_allows (KioskSession *self,
                      KioskRole     role)
{
  g_return_val_if_fail (KIOSK_IS_SESSION (self), FALSE);
  return self->role >= role;
}

void
kiosk_session_end (KioskSession *self)
{
  g_return_if_fail (KIOSK_IS_SESSION (self));
  set_role (self, KIOSK_ROLE_VISITOR);
}

gboolean
kiosk_session_get_needs_setup (KioskSession *self)
{
  g_return_val_if_fail (KIOSK_IS_SESSION (self), FALSE);
  return self->needs_setup;
}

void
kiosk_session_get_pin_status (KioskSession   *self,
                              KioskPinStatus *status)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KIOSK_IS_SESSION (self));
  g_return_if_fail (status != NULL);

  if (!kiosk_pins_get_status (self->store, g_get_real_time () / G_USEC_PER_SEC, status, &error))
    g_message ("Could not read the keypad's lockout: %s", error->message);
}

/* ---- logging in ---- */

static void
log_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PinJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;
  KioskRole role = KIOSK_ROLE_VISITOR;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  if (writer != NULL)
    role = kiosk_pins_check (writer, job->pin, job->now, NULL, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, role);
}

void
kiosk_session_log_in_async (KioskSession        *self,
                            const char          *pin,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_SESSION (self));
  g_return_if_fail (pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_session_log_in_async);
  g_task_set_task_data (task, pin_job_new (self, pin, NULL), (GDestroyNotify) pin_job_free);
  g_task_run_in_thread (task, log_in_thread);
}

KioskRole
kiosk_session_log_in_finish (KioskSession  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  gssize role;

  g_return_val_if_fail (KIOSK_IS_SESSION (self), KIOSK_ROLE_VISITOR);
  g_return_val_if_fail (g_task_is_valid (result, self), KIOSK_ROLE_VISITOR);
  g_return_val_if_fail (g_async_result_is_tagged (result, kiosk_session_log_in_async),
                        KIOSK_ROLE_VISITOR);

  role = g_task_propagate_int (G_TASK (result), error);
  if (role <= KIOSK_ROLE_VISITOR)
    return KIOSK_ROLE_VISITOR;
  set_role (self, role);
  return role;
}

/* ---- setting the PINs ---- */

static void
set_pins_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PinJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  if (writer == NULL || !kiosk_pins_set (writer, job->pin, job->staff_pin, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
kiosk_session_set_pins_async (KioskSession        *self,
                              const char          *admin_pin,
                              const char          *staff_pin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (KIOSK_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kiosk_session_set_pins_async);
  if (!self->needs_setup && self->role != KIOSK_ROLE_ADMIN)
    {
      g_task_return_new_error (task, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_NOT_ALLOWED,
                               _("Only an admin can change the PINs."));
      return;
    }
  g_task_set_task_data (task, pin_job_new (self, admin_pin, staff_pin),
                        (GDestroyNotify) pin_job_free);
  g_task_run_in_thread (task, set_pins_thread);
}

gboolean
kiosk_session_set_pins_finish (KioskSession  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (KIOSK_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, kiosk_session_set_pins_async), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  update_needs_setup (self);
  return TRUE;
}
