/* kiosk-commune-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-commune"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-keyboard.h"
#include "kiosk-commune-page.h"

struct _KioskCommunePage
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *layout;
  GtkEntry      *name_entry;
  GtkEntry      *address_entry;
  GtkGrid       *contacts;
  GtkLabel      *status_label;
  GtkRevealer   *keyboard_revealer;
  KioskKeyboard *keyboard;

  /* borrowed: children of the contacts grid */
  GtkEntry      *numbers[KIOSK_N_CONTACTS];
  GtkEntry      *people[KIOSK_N_CONTACTS];

  /* owned */
  KioskStore    *store;
  KioskSettings *settings;
  GCancellable  *cancellable;
  gboolean       saving;
};

G_DEFINE_FINAL_TYPE (KioskCommunePage, kiosk_commune_page, GTK_TYPE_WIDGET)

enum {
  CONTENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_status (KioskCommunePage *self,
            const char       *text,
            gboolean          is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* ---- the on-screen keyboard follows the field in use ---- */

static void
on_field_focus_cb (GtkEventControllerFocus *controller,
                   KioskCommunePage        *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  kiosk_keyboard_set_target (self->keyboard, GTK_EDITABLE (entry));
  gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
}

static void
follow_focus (KioskCommunePage *self,
              GtkEntry         *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_field_focus_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
on_keyboard_enter_cb (KioskCommunePage *self)
{
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
}

static void
hide_keyboard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  on_keyboard_enter_cb (KIOSK_COMMUNE_PAGE (widget));
}

/* ---- the contacts ---- */

static GtkEntry *
contact_entry (KioskCommunePage *self,
               const char       *placeholder,
               GtkInputPurpose   purpose)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, placeholder);
  gtk_entry_set_input_purpose (entry, purpose);
  gtk_entry_set_input_hints (entry, GTK_INPUT_HINT_NO_EMOJI | GTK_INPUT_HINT_INHIBIT_OSK);
  gtk_widget_set_hexpand (GTK_WIDGET (entry), TRUE);
  follow_focus (self, entry);
  return entry;
}

static void
add_contact_row (KioskCommunePage *self,
                 KioskContactKind  kind,
                 KioskLang         lang)
{
  GtkWidget *name = gtk_label_new (kiosk_contact_name (kind, lang));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *number = NULL;
  g_autofree char *person = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 18);
  self->numbers[kind] = contact_entry (self, _("Phone number"), GTK_INPUT_PURPOSE_PHONE);
  self->people[kind] = contact_entry (self, _("Who answers (optional)"), GTK_INPUT_PURPOSE_NAME);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "commune.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) kind);
  gtk_widget_set_tooltip_text (remove, _("Remove this contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this contact"), -1);
  gtk_widget_add_css_class (remove, "console-button");

  number = kiosk_contacts_dup_number (self->store, kind, &person);
  gtk_editable_set_text (GTK_EDITABLE (self->numbers[kind]), number ? number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->people[kind]), person ? person : "");

  gtk_grid_attach (self->contacts, name, 0, kind, 1, 1);
  gtk_grid_attach (self->contacts, GTK_WIDGET (self->numbers[kind]), 1, kind, 1, 1);
  gtk_grid_attach (self->contacts, GTK_WIDGET (self->people[kind]), 2, kind, 1, 1);
  gtk_grid_attach (self->contacts, remove, 3, kind, 1, 1);
}

/* ---- saving ---- */

typedef struct {
  char *path;
  char *numbers[KIOSK_N_CONTACTS];
  char *people[KIOSK_N_CONTACTS];
} ContactsJob;

static void
contacts_job_free (ContactsJob *job)
{
  g_free (job->path);
  for (guint i = 0; i < KIOSK_N_CONTACTS; i++)
    {
      g_free (job->numbers[i]);
      g_free (job->people[i]);
    }
  g_free (job);
}

static gboolean
write_contacts (KioskStore   *store,
                ContactsJob  *job,
                GError      **error)
{
  for (guint i = 0; i < KIOSK_N_CONTACTS; i++)
    {
      gboolean ok = job->numbers[i][0] == '\0'
                    ? kiosk_contacts_remove (store, i, error)
                    : kiosk_contacts_set (store, i, job->numbers[i], job->people[i], error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
save_contacts_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ContactsJob *job = task_data;
  g_autoptr(KioskStore) writer = NULL;
  GError *error = NULL;

  writer = kiosk_store_open (job->path, KIOSK_STORE_WRITER, &error);
  if (writer == NULL || !kiosk_store_begin_write (writer, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!write_contacts (writer, job, &error) || !kiosk_store_commit (writer, &error))
    {
      kiosk_store_rollback (writer);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
contacts_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  KioskCommunePage *self = KIOSK_COMMUNE_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->saving = FALSE;
      set_status (self, error->message, TRUE);
      return;
    }
  self->saving = FALSE;
  set_status (self, _("Saved. The hotline screen and the leaflets show these details now."), FALSE);
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

static char *
dup_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

/* Every number is checked before anything is written, so a typo saves nothing. */
static ContactsJob *
read_contacts (KioskCommunePage  *self,
               GError           **error)
{
  ContactsJob *job = g_new0 (ContactsJob, 1);

  job->path = g_strdup (kiosk_store_get_path (self->store));
  for (guint i = 0; i < KIOSK_N_CONTACTS; i++)
    {
      job->numbers[i] = dup_text (self->numbers[i]);
      job->people[i] = dup_text (self->people[i]);
      if (job->numbers[i][0] != '\0' && !kiosk_contact_number_is_valid (job->numbers[i], error))
        {
          contacts_job_free (job);
          return NULL;
        }
    }
  return job;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  KioskCommunePage *self = KIOSK_COMMUNE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_text (self->name_entry);
  g_autofree char *address = dup_text (self->address_entry);
  g_autoptr(GTask) task = NULL;
  ContactsJob *job;

  if (self->saving)
    return;
  if ((job = read_contacts (self, &error)) == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  g_object_set (self->settings, "commune-name", name, "commune-address", address, NULL);

  self->saving = TRUE;
  set_status (self, _("Saving…"), FALSE);
  task = g_task_new (self, self->cancellable, contacts_saved_cb, NULL);
  g_task_set_source_tag (task, save_action);
  g_task_set_task_data (task, job, (GDestroyNotify) contacts_job_free);
  g_task_run_in_thread (task, save_contacts_thread);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  KioskCommunePage *self = KIOSK_COMMUNE_PAGE (widget);
  gint32 kind = g_variant_get_int32 (param);

  if (kind < 0 || kind >= KIOSK_N_CONTACTS)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->numbers[kind]), "");
  gtk_editable_set_text (GTK_EDITABLE (self->people[kind]), "");
  save_action (widget, "commune.save", NULL);
}

/* ---- GObject ---- */

static void
kiosk_commune_page_dispose (GObject *object)
{
  KioskCommunePage *self = KIOSK_COMMUNE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_COMMUNE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_commune_page_parent_class)->dispose (object);
}

static void
kiosk_commune_page_class_init (KioskCommunePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_commune_page_dispose;

  signals[CONTENT_CHANGED] = g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  g_type_ensure (KIOSK_TYPE_KEYBOARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-commune-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, address_entry);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, contacts);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, KioskCommunePage, keyboard);
  gtk_widget_class_bind_template_callback (widget_class, on_keyboard_enter_cb);

  gtk_widget_class_install_action (widget_class, "commune.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "commune.remove", "i", remove_action);
  gtk_widget_class_install_action (widget_class, "commune.hide-keyboard", NULL,
                                   hide_keyboard_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskcommunepage");
}

static void
kiosk_commune_page_init (KioskCommunePage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  follow_focus (self, self->name_entry);
  follow_focus (self, self->address_entry);
  kiosk_keyboard_set_enter_key (self->keyboard, "object-select-symbolic", _("Done"));
}

GtkWidget *
kiosk_commune_page_new (KioskStore    *store,
                        KioskSettings *settings,
                        KioskLang      lang)
{
  KioskCommunePage *self;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);
  g_return_val_if_fail (KIOSK_IS_SETTINGS (settings), NULL);

  self = g_object_new (KIOSK_TYPE_COMMUNE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  name = kiosk_settings_dup_commune_name (settings);
  address = kiosk_settings_dup_commune_address (settings);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name);
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), address);
  for (guint i = 0; i < KIOSK_N_CONTACTS; i++)
    add_contact_row (self, i, lang);
  return GTK_WIDGET (self);
}

GtkEditable *
kiosk_commune_page_get_field (KioskCommunePage *self,
                              const char       *name)
{
  g_return_val_if_fail (KIOSK_IS_COMMUNE_PAGE (self), NULL);

  if (g_strcmp0 (name, "address") == 0)
    return GTK_EDITABLE (self->address_entry);
  return GTK_EDITABLE (self->name_entry);
}

GtkEditable *
kiosk_commune_page_get_number (KioskCommunePage *self,
                               KioskContactKind  kind)
{
  g_return_val_if_fail (KIOSK_IS_COMMUNE_PAGE (self), NULL);
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, NULL);
  return GTK_EDITABLE (self->numbers[kind]);
}

GtkEditable *
kiosk_commune_page_get_person (KioskCommunePage *self,
                               KioskContactKind  kind)
{
  g_return_val_if_fail (KIOSK_IS_COMMUNE_PAGE (self), NULL);
  g_return_val_if_fail (kind < KIOSK_N_CONTACTS, NULL);
  return GTK_EDITABLE (self->people[kind]);
}

const char *
kiosk_commune_page_get_status (KioskCommunePage *self)
{
  g_return_val_if_fail (KIOSK_IS_COMMUNE_PAGE (self), "");
  return gtk_label_get_text (self->status_label);
}

gboolean
kiosk_commune_page_is_saving (KioskCommunePage *self)
{
  g_return_val_if_fail (KIOSK_IS_COMMUNE_PAGE (self), FALSE);
  return self->saving;
}
