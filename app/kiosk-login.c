/* kiosk-login.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-login"

#include "config.h"

#include "kiosk-login.h"

struct _KioskLogin
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *layout;
  KioskKeypad  *keypad;

  /* owned */
  KioskSession *session;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (KioskLogin, kiosk_login, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_lock (KioskLogin *self)
{
  KioskPinStatus status;

  kiosk_session_get_pin_status (self->session, &status);
  kiosk_keypad_lock (self->keypad, status.seconds_left);
}

static void
log_in_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KioskLogin) self = user_data;
  g_autoptr(GError) error = NULL;
  KioskRole role = kiosk_session_log_in_finish (KIOSK_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  kiosk_keypad_set_busy (self->keypad, FALSE);
  kiosk_keypad_clear (self->keypad);
  if (role != KIOSK_ROLE_VISITOR)
    {
      kiosk_keypad_set_message (self->keypad, NULL, FALSE);
      g_signal_emit (self, signals[FINISHED], 0, TRUE);
    }
  else if (g_error_matches (error, KIOSK_PIN_ERROR, KIOSK_PIN_ERROR_LOCKED))
    show_lock (self);
  else
    kiosk_keypad_set_message (self->keypad, error->message, TRUE);
}

static void
on_keypad_submitted_cb (KioskLogin *self,
                        const char *pin)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  kiosk_keypad_set_busy (self->keypad, TRUE);
  kiosk_session_log_in_async (self->session, pin, self->cancellable, log_in_done_cb,
                              g_object_ref (self));
}

static void
on_keypad_cancelled_cb (KioskLogin *self)
{
  kiosk_login_stop (self);
  g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

static void
kiosk_login_dispose (GObject *object)
{
  KioskLogin *self = KIOSK_LOGIN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_LOGIN);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (kiosk_login_parent_class)->dispose (object);
}

static void
kiosk_login_class_init (KioskLoginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_login_dispose;

  /* TRUE when someone signed in, FALSE when they cancelled. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (KIOSK_TYPE_KEYPAD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-login.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskLogin, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskLogin, keypad);
  gtk_widget_class_bind_template_callback (widget_class, on_keypad_submitted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keypad_cancelled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosklogin");
}

static void
kiosk_login_init (KioskLogin *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_login_new (KioskSession *session)
{
  KioskLogin *self;

  g_return_val_if_fail (KIOSK_IS_SESSION (session), NULL);

  self = g_object_new (KIOSK_TYPE_LOGIN, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}

void
kiosk_login_start (KioskLogin *self)
{
  g_return_if_fail (KIOSK_IS_LOGIN (self));

  kiosk_login_stop (self);
  kiosk_keypad_set_message (self->keypad, NULL, FALSE);
  show_lock (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->keypad));
}

void
kiosk_login_stop (KioskLogin *self)
{
  g_return_if_fail (KIOSK_IS_LOGIN (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  kiosk_keypad_set_busy (self->keypad, FALSE);
  kiosk_keypad_clear (self->keypad);
}

KioskKeypad *
kiosk_login_get_keypad (KioskLogin *self)
{
  g_return_val_if_fail (KIOSK_IS_LOGIN (self), NULL);
  return self->keypad;
}
