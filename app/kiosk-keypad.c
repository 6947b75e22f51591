/* kiosk-keypad.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-keypad"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kiosk-pins.h"
#include "kiosk-keypad.h"

/* A dot per digit: the number of digits is no secret, the digits are. */
#define DOT "●"

struct _KioskKeypad
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkWidget *layout;
  GtkLabel  *title;
  GtkLabel  *dots;
  GtkLabel  *message;
  GtkGrid   *keys;
  GtkWidget *cancel;

  /* owned */
  char       digits[KIOSK_PIN_MAX_LENGTH + 1];
  guint      length;
  gboolean   busy;
  guint      lock_left;
  guint      lock_source;
};

G_DEFINE_FINAL_TYPE (KioskKeypad, kiosk_keypad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAN_CANCEL,
  N_PROPS
};

enum {
  SUBMITTED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update (KioskKeypad *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = !self->busy && self->lock_left == 0;
  GString *dots = g_string_new (NULL);

  for (guint i = 0; i < self->length; i++)
    g_string_append (dots, DOT);
  gtk_label_set_text (self->dots, dots->len > 0 ? dots->str : "");
  g_string_free (dots, TRUE);

  gtk_widget_action_set_enabled (widget, "keypad.digit",
                                 open && self->length < KIOSK_PIN_MAX_LENGTH);
  gtk_widget_action_set_enabled (widget, "keypad.backspace", open && self->length > 0);
  gtk_widget_action_set_enabled (widget, "keypad.submit",
                                 open && self->length >= KIOSK_PIN_MIN_LENGTH);
}

void
kiosk_keypad_set_message (KioskKeypad *self,
                          const char  *message,
                          gboolean     is_error)
{
  g_return_if_fail (KIOSK_IS_KEYPAD (self));

  gtk_label_set_text (self->message, message ? message : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
}

void
kiosk_keypad_clear (KioskKeypad *self)
{
  g_return_if_fail (KIOSK_IS_KEYPAD (self));

  sodium_memzero (self->digits, sizeof self->digits);
  self->length = 0;
  update (self);
}

/* ---- actions ---- */

static void
digit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KioskKeypad *self = KIOSK_KEYPAD (widget);
  const char *digit = g_variant_get_string (param, NULL);

  if (self->length >= KIOSK_PIN_MAX_LENGTH || !g_ascii_isdigit (digit[0]) || digit[1] != '\0')
    return;
  self->digits[self->length++] = digit[0];
  update (self);
}

static void
backspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  KioskKeypad *self = KIOSK_KEYPAD (widget);

  if (self->length == 0)
    return;
  self->digits[--self->length] = '\0';
  update (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskKeypad *self = KIOSK_KEYPAD (widget);
  char pin[KIOSK_PIN_MAX_LENGTH + 1] = { 0 };

  if (self->length < KIOSK_PIN_MIN_LENGTH)
    return;
  memcpy (pin, self->digits, self->length);
  g_signal_emit (self, signals[SUBMITTED], 0, pin);
  sodium_memzero (pin, sizeof pin);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[CANCELLED], 0);
}

/* ---- the lock ---- */

static void
show_lock (KioskKeypad *self)
{
  g_autofree char *text =
    g_strdup_printf (_("Too many wrong PINs. The keypad opens again in %u:%02u."),
                     self->lock_left / 60, self->lock_left % 60);

  kiosk_keypad_set_message (self, text, TRUE);
}

static gboolean
lock_tick_cb (gpointer data)
{
  KioskKeypad *self = data;

  if (--self->lock_left > 0)
    {
      show_lock (self);
      return G_SOURCE_CONTINUE;
    }
  self->lock_source = 0;
  kiosk_keypad_set_message (self, _("You can try again now."), FALSE);
  update (self);
  return G_SOURCE_REMOVE;
}

void
kiosk_keypad_lock (KioskKeypad *self,
                   guint        seconds)
{
  g_return_if_fail (KIOSK_IS_KEYPAD (self));

  g_clear_handle_id (&self->lock_source, g_source_remove);
  self->lock_left = seconds;
  kiosk_keypad_clear (self);
  if (seconds == 0)
    return;
  show_lock (self);
  self->lock_source = g_timeout_add (1000, lock_tick_cb, self);
}

gboolean
kiosk_keypad_is_locked (KioskKeypad *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYPAD (self), FALSE);
  return self->lock_left > 0;
}

void
kiosk_keypad_set_busy (KioskKeypad *self,
                       gboolean     busy)
{
  g_return_if_fail (KIOSK_IS_KEYPAD (self));

  self->busy = !!busy;
  if (busy)
    kiosk_keypad_set_message (self, _("Checking…"), FALSE);
  update (self);
}

/* ---- a real keyboard ---- */

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   KioskKeypad           *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkWidget *widget = GTK_WIDGET (self);

  if (c >= '0' && c <= '9')
    {
      char digit[2] = { (char) c, '\0' };

      return gtk_widget_activate_action (widget, "keypad.digit", "s", digit);
    }
  switch (keyval)
    {
    case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (widget, "keypad.backspace", NULL);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      return gtk_widget_activate_action (widget, "keypad.submit", NULL);
    case GDK_KEY_Escape:
      return gtk_widget_activate_action (widget, "keypad.cancel", NULL);
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* ---- the keys ---- */

static GtkWidget *
key_new (const char *label,
         const char *action_name,
         const char *accessible_name)
{
  GtkWidget *button = label ? gtk_button_new_with_label (label) : gtk_button_new ();

  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  gtk_widget_add_css_class (button, "keypad-key");
  return button;
}

/* Laid out like a telephone: 1 2 3 on top, 0 between backspace and OK. */
static void
attach_keys (KioskKeypad *self)
{
  GtkWidget *backspace = key_new (NULL, "keypad.backspace", _("Delete the last digit"));
  GtkWidget *ok = key_new (_("OK"), "keypad.submit", _("OK"));

  for (int n = 0; n <= 9; n++)
    {
      char text[2] = { (char) ('0' + n), '\0' };
      GtkWidget *key = key_new (text, "keypad.digit", text);
      int row = n == 0 ? 3 : (n - 1) / 3;
      int column = n == 0 ? 1 : (n - 1) % 3;

      gtk_actionable_set_action_target (GTK_ACTIONABLE (key), "s", text);
      gtk_grid_attach (self->keys, key, column, row, 1, 1);
    }
  gtk_button_set_icon_name (GTK_BUTTON (backspace), "edit-clear-symbolic");
  gtk_widget_add_css_class (backspace, "keypad-backspace");
  gtk_widget_add_css_class (ok, "keypad-ok");
  gtk_grid_attach (self->keys, backspace, 0, 3, 1, 1);
  gtk_grid_attach (self->keys, ok, 2, 3, 1, 1);
}

/* ---- GObject ---- */

static void
kiosk_keypad_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KioskKeypad *self = KIOSK_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_text (self->title));
      break;
    case PROP_CAN_CANCEL:
      g_value_set_boolean (value, gtk_widget_get_visible (self->cancel));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keypad_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KioskKeypad *self = KIOSK_KEYPAD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kiosk_keypad_set_title (self, g_value_get_string (value));
      break;
    case PROP_CAN_CANCEL:
      if (gtk_widget_get_visible (self->cancel) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->cancel, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keypad_dispose (GObject *object)
{
  KioskKeypad *self = KIOSK_KEYPAD (object);

  g_clear_handle_id (&self->lock_source, g_source_remove);
  sodium_memzero (self->digits, sizeof self->digits);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_KEYPAD);

  G_OBJECT_CLASS (kiosk_keypad_parent_class)->dispose (object);
}

static void
kiosk_keypad_class_init (KioskKeypadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_keypad_dispose;
  object_class->get_property = kiosk_keypad_get_property;
  object_class->set_property = kiosk_keypad_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_CANCEL] =
    g_param_spec_boolean ("can-cancel", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/goctreem/Kiosk/kiosk-keypad.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, title);
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, dots);
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, message);
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, keys);
  gtk_widget_class_bind_template_child (widget_class, KioskKeypad, cancel);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "keypad.digit", "s", digit_action);
  gtk_widget_class_install_action (widget_class, "keypad.backspace", NULL, backspace_action);
  gtk_widget_class_install_action (widget_class, "keypad.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "keypad.cancel", NULL, cancel_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskkeypad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kiosk_keypad_init (KioskKeypad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  attach_keys (self);
  update (self);
}

GtkWidget *
kiosk_keypad_new (void)
{
  return g_object_new (KIOSK_TYPE_KEYPAD, NULL);
}

void
kiosk_keypad_set_title (KioskKeypad *self,
                        const char  *title)
{
  g_return_if_fail (KIOSK_IS_KEYPAD (self));

  if (g_strcmp0 (gtk_label_get_text (self->title), title ? title : "") == 0)
    return;
  gtk_label_set_text (self->title, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title), title != NULL && *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
kiosk_keypad_get_length (KioskKeypad *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYPAD (self), 0);
  return self->length;
}
