/* kiosk-setup-wizard.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-setup"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "kiosk-keyboard.h"
#include "kiosk-keypad.h"
#include "kiosk-setup-wizard.h"
#include "kiosk-sources.h"

static const char *const step_names[] = {
  "welcome", "commune", "admin-pin", "staff-pin", "sync", "done",
};

enum {
  STEP_WELCOME,
  STEP_COMMUNE,
  STEP_ADMIN_PIN,
  STEP_STAFF_PIN,
  STEP_SYNC,
  STEP_DONE,
  N_STEPS
};

struct _KioskSetupWizard
{
  GtkWidget         parent_instance;

  /* template widgets */
  GtkWidget        *layout;
  GtkLabel         *step_label;
  GtkWidget        *cancel_button;
  GtkStack         *steps;
  GtkEntry         *commune_entry;
  KioskKeyboard    *commune_keyboard;
  KioskKeypad      *admin_keypad;
  KioskKeypad      *staff_keypad;
  GtkEntry         *source_entry;
  GtkEntry         *url_entry;
  GtkEntry         *key_entry;
  GtkLabel         *summary_label;
  GtkWidget        *spinner;
  GtkLabel         *error_label;
  GtkWidget        *back_button;
  GtkWidget        *later_button;
  GtkWidget        *next_button;
  GtkWidget        *finish_button;

  /* owned */
  KioskApplication *app;
  KioskLang         lang;
  GCancellable     *cancellable;
  gboolean          first_run;
  gboolean          confirming;
  gboolean          use_source;
  gboolean          applying;
  char              first_pin[KIOSK_PIN_MAX_LENGTH + 1];
  char              admin_pin[KIOSK_PIN_MAX_LENGTH + 1];
  char              staff_pin[KIOSK_PIN_MAX_LENGTH + 1];
};

G_DEFINE_FINAL_TYPE (KioskSetupWizard, kiosk_setup_wizard, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
current_step (KioskSetupWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < N_STEPS; i++)
    if (g_strcmp0 (name, step_names[i]) == 0)
      return i;
  return STEP_WELCOME;
}

static void
show_error (KioskSetupWizard *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
wipe_pins (KioskSetupWizard *self)
{
  sodium_memzero (self->first_pin, sizeof self->first_pin);
  sodium_memzero (self->admin_pin, sizeof self->admin_pin);
  sodium_memzero (self->staff_pin, sizeof self->staff_pin);
}

static void
update_buttons (KioskSetupWizard *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint step = current_step (self);
  gboolean pin_step = step == STEP_ADMIN_PIN || step == STEP_STAFF_PIN;

  gtk_widget_set_visible (self->back_button, step != STEP_WELCOME);
  gtk_widget_set_visible (self->later_button, step == STEP_SYNC);
  gtk_widget_set_visible (self->next_button, step != STEP_DONE && !pin_step);
  gtk_widget_set_visible (self->finish_button, step == STEP_DONE);
  gtk_widget_action_set_enabled (widget, "setup.back", step != STEP_WELCOME && !self->applying);
  gtk_widget_action_set_enabled (widget, "setup.next", step != STEP_DONE && !pin_step);
  gtk_widget_action_set_enabled (widget, "setup.later", step == STEP_SYNC);
  gtk_widget_action_set_enabled (widget, "setup.finish", step == STEP_DONE && !self->applying);
  gtk_widget_action_set_enabled (widget, "setup.cancel", !self->first_run && !self->applying);
}

/* ---- PINs, each typed twice ---- */

static void
reset_pin_step (KioskSetupWizard *self,
                KioskKeypad      *keypad)
{
  self->confirming = FALSE;
  sodium_memzero (self->first_pin, sizeof self->first_pin);
  kiosk_keypad_clear (keypad);
  kiosk_keypad_set_message (keypad, NULL, FALSE);
  kiosk_keypad_set_title (keypad, keypad == self->admin_keypad
                                  ? _("Choose an admin PIN of 4 to 12 digits")
                                  : _("Choose a staff PIN of 4 to 12 digits"));
}

static void
go_to_step (KioskSetupWizard *self,
            guint             step)
{
  gtk_stack_set_visible_child_name (self->steps, step_names[step]);
}

static void
take_pin (KioskSetupWizard *self,
          KioskKeypad      *keypad,
          char             *slot,
          const char       *pin,
          const char       *must_differ)
{
  kiosk_keypad_clear (keypad);
  if (!self->confirming && must_differ != NULL && g_str_equal (pin, must_differ))
    {
      kiosk_keypad_set_message (keypad, _("The staff PIN must be different from the admin PIN."),
                                TRUE);
      return;
    }
  if (!self->confirming)
    {
      g_strlcpy (self->first_pin, pin, sizeof self->first_pin);
      self->confirming = TRUE;
      kiosk_keypad_set_title (keypad, _("Enter the same PIN again"));
      kiosk_keypad_set_message (keypad, NULL, FALSE);
      return;
    }
  if (!g_str_equal (pin, self->first_pin))
    {
      reset_pin_step (self, keypad);
      kiosk_keypad_set_message (keypad, _("The two PINs were not the same. Choose the PIN again."),
                                TRUE);
      return;
    }
  g_strlcpy (slot, pin, KIOSK_PIN_MAX_LENGTH + 1);
  reset_pin_step (self, keypad);
  go_to_step (self, keypad == self->admin_keypad ? STEP_STAFF_PIN : STEP_SYNC);
}

static void
on_admin_pin_cb (KioskSetupWizard *self,
                 const char       *pin)
{
  take_pin (self, self->admin_keypad, self->admin_pin, pin, NULL);
}

static void
on_staff_pin_cb (KioskSetupWizard *self,
                 const char       *pin)
{
  take_pin (self, self->staff_keypad, self->staff_pin, pin, self->admin_pin);
}

/* ---- the steps ---- */

static char *
dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
summary_text (KioskSetupWizard *self)
{
  g_autofree char *commune = dup_entry_text (self->commune_entry);
  g_autofree char *url = dup_entry_text (self->url_entry);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Commune: %s"), commune);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Language at start: %s"),
                          self->lang == KIOSK_LANG_EN ? "English" : "Tiếng Việt");
  g_string_append_c (text, '\n');
  g_string_append (text, _("Admin PIN and staff PIN: chosen"));
  g_string_append_c (text, '\n');
  if (self->use_source)
    g_string_append_printf (text, _("Content updates: from %s"), url);
  else
    g_string_append (text, _("Content updates: later"));
  return g_string_free (text, FALSE);
}

static void
on_step_changed_cb (KioskSetupWizard *self)
{
  guint step = current_step (self);
  g_autofree char *counter = g_strdup_printf (_("Set-up, step %u of %u"), step + 1, N_STEPS);

  gtk_label_set_text (self->step_label, counter);
  show_error (self, NULL);
  update_buttons (self);
  if (step == STEP_COMMUNE)
    gtk_widget_grab_focus (GTK_WIDGET (self->commune_entry));
  else if (step == STEP_ADMIN_PIN || step == STEP_STAFF_PIN)
    {
      KioskKeypad *keypad = step == STEP_ADMIN_PIN ? self->admin_keypad : self->staff_keypad;

      reset_pin_step (self, keypad);
      gtk_widget_grab_focus (GTK_WIDGET (keypad));
    }
  else if (step == STEP_DONE)
    {
      g_autofree char *summary = summary_text (self);

      gtk_label_set_text (self->summary_label, summary);
    }
}

static gboolean
check_commune (KioskSetupWizard *self)
{
  g_autofree char *name = dup_entry_text (self->commune_entry);

  if (name[0] != '\0')
    return TRUE;
  show_error (self, _("Please enter the commune's name."));
  return FALSE;
}

/* What the store would refuse, said here, next to the fields. */
static gboolean
check_source (KioskSetupWizard *self)
{
  g_autofree char *id = dup_entry_text (self->source_entry);
  g_autofree char *url = dup_entry_text (self->url_entry);
  g_autofree char *key = dup_entry_text (self->key_entry);
  guint filled = (id[0] != '\0') + (url[0] != '\0') + (key[0] != '\0');
  const char *problem;

  self->use_source = filled > 0;
  if (filled == 0)
    return TRUE;
  problem = filled < 3 ? _("Fill in all three boxes, or press “Later”.")
                       : kiosk_sources_check_fields (id, url, key);
  show_error (self, problem);
  return problem == NULL;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (widget);
  guint step = current_step (self);

  if ((step == STEP_COMMUNE && !check_commune (self)) ||
      (step == STEP_SYNC && !check_source (self)))
    return;
  if (step + 1 < N_STEPS)
    go_to_step (self, step + 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (widget);
  guint step = current_step (self);

  if (step > STEP_WELCOME)
    go_to_step (self, step - 1);
}

static void
later_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), "");
  self->use_source = FALSE;
  go_to_step (self, STEP_DONE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (widget);

  wipe_pins (self);
  g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

static void
on_commune_activate_cb (KioskSetupWizard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.next", NULL);
}

/* ---- saving, at the very end ---- */

static void
stop_applying (KioskSetupWizard *self,
               const char       *message)
{
  self->applying = FALSE;
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);
  show_error (self, message);
  update_buttons (self);
}

static void
save_settings (KioskSetupWizard *self)
{
  KioskSettings *settings = kiosk_application_get_settings (self->app);
  GSettings *gsettings = kiosk_settings_get_gsettings (settings);
  g_autofree char *commune = dup_entry_text (self->commune_entry);
  KioskSyncScheduler *scheduler = kiosk_application_get_scheduler (self->app);

  g_settings_set_string (gsettings, "commune-name", commune);
  g_settings_set_string (gsettings, "language", kiosk_lang_to_string (self->lang));
  if (self->use_source && scheduler != NULL)
    kiosk_sync_scheduler_sync_now (scheduler);
}

static void
pins_set_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KioskSetupWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kiosk_session_set_pins_finish (KIOSK_SESSION (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        stop_applying (self, error->message);
      return;
    }
  wipe_pins (self);
  save_settings (self);
  stop_applying (self, NULL);
  g_signal_emit (self, signals[FINISHED], 0, TRUE);
}

static void
set_pins (KioskSetupWizard *self)
{
  kiosk_session_set_pins_async (kiosk_application_get_session (self->app), self->admin_pin,
                                self->staff_pin, self->cancellable, pins_set_cb,
                                g_object_ref (self));
}

static void
source_added_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KioskSetupWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kiosk_sources_add_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      go_to_step (self, STEP_SYNC);
      stop_applying (self, error->message);
      return;
    }
  set_pins (self);
}

static void
add_source (KioskSetupWizard *self)
{
  KioskStore *store = kiosk_application_get_store (self->app);
  g_autofree char *id = dup_entry_text (self->source_entry);
  g_autofree char *url = dup_entry_text (self->url_entry);
  g_autofree char *key = dup_entry_text (self->key_entry);

  kiosk_sources_add_async (kiosk_store_get_path (store), id, url, key, self->cancellable,
                           source_added_cb, g_object_ref (self));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (widget);

  if (self->applying)
    return;
  self->applying = TRUE;
  show_error (self, NULL);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  update_buttons (self);
  if (self->use_source)
    add_source (self);
  else
    set_pins (self);
}

/* ---- GObject ---- */

static void
kiosk_setup_wizard_dispose (GObject *object)
{
  KioskSetupWizard *self = KIOSK_SETUP_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  wipe_pins (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_SETUP_WIZARD);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (kiosk_setup_wizard_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-setup-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, step_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, steps);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, commune_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, commune_keyboard);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, admin_keypad);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, staff_keypad);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, source_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, url_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, key_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, spinner);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, error_label);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, later_button);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, KioskSetupWizard, finish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_commune_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_admin_pin_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_pin_cb);
}

static void
kiosk_setup_wizard_class_init (KioskSetupWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_setup_wizard_dispose;

  /* TRUE once everything is saved; FALSE when an admin cancelled a re-run. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (KIOSK_TYPE_KEYBOARD);
  g_type_ensure (KIOSK_TYPE_KEYPAD);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "setup.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "setup.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "setup.later", NULL, later_action);
  gtk_widget_class_install_action (widget_class, "setup.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "setup.cancel", NULL, cancel_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kiosksetupwizard");
}

static void
kiosk_setup_wizard_init (KioskSetupWizard *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  kiosk_keyboard_set_target (self->commune_keyboard, GTK_EDITABLE (self->commune_entry));
  kiosk_keyboard_set_enter_key (self->commune_keyboard, "go-next-symbolic", _("Next"));
}

GtkWidget *
kiosk_setup_wizard_new (KioskApplication *app,
                        KioskLang         lang)
{
  KioskSetupWizard *self;
  g_autofree char *commune = NULL;

  g_return_val_if_fail (KIOSK_IS_APPLICATION (app), NULL);

  self = g_object_new (KIOSK_TYPE_SETUP_WIZARD, NULL);
  self->app = g_object_ref (app);
  self->lang = lang;
  self->first_run = kiosk_session_get_needs_setup (kiosk_application_get_session (app));
  gtk_widget_set_visible (self->cancel_button, !self->first_run);
  commune = kiosk_settings_dup_commune_name (kiosk_application_get_settings (app));
  gtk_editable_set_text (GTK_EDITABLE (self->commune_entry), commune);
  on_step_changed_cb (self);
  return GTK_WIDGET (self);
}

const char *
kiosk_setup_wizard_get_step (KioskSetupWizard *self)
{
  g_return_val_if_fail (KIOSK_IS_SETUP_WIZARD (self), NULL);
  return step_names[current_step (self)];
}

gboolean
kiosk_setup_wizard_is_pristine (KioskSetupWizard *self)
{
  g_return_val_if_fail (KIOSK_IS_SETUP_WIZARD (self), TRUE);
  return current_step (self) == STEP_WELCOME;
}

const char *
kiosk_setup_wizard_get_error (KioskSetupWizard *self)
{
  g_return_val_if_fail (KIOSK_IS_SETUP_WIZARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
