/* kiosk-admin-console.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-console"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-commune-page.h"
#include "kiosk-print-job.h"
#include "kiosk-sync-page.h"
#include "kiosk-usage-page.h"
#include "kiosk-usb-page.h"
#include "kiosk-admin-console.h"

/* The settings the console changes through GSettings actions. */
static const char *const setting_actions[] = {
  "language", "paper-size", "idle-timeout", "renderer",
};

struct _KioskAdminConsole
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *layout;
  GtkStack          *sections;
  GtkBox            *commune_slot;
  GtkBox            *updates_slot;
  GtkBox            *usb_slot;
  GtkBox            *usage_slot;
  GtkDropDown       *printer_dropdown;
  GtkStringList     *printers;
  GtkLabel          *printer_note;

  /* borrowed: children of the slots */
  GtkWidget         *commune_page;
  GtkWidget         *sync_page;
  GtkWidget         *usb_page;
  GtkWidget         *usage_page;

  /* owned */
  KioskSettings     *settings;
  GCancellable      *cancellable;
  gboolean           filling_printers;
};

G_DEFINE_FINAL_TYPE (KioskAdminConsole, kiosk_admin_console, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

enum {
  CONTENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_content_changed_cb (KioskAdminConsole *self)
{
  g_signal_emit (self, signals[CONTENT_CHANGED], 0);
}

static void
set_section (KioskAdminConsole *self,
             const char        *section)
{
  if (section == NULL || gtk_stack_get_child_by_name (self->sections, section) == NULL ||
      g_strcmp0 (section, kiosk_admin_console_get_section (self)) == 0)
    return;
  gtk_stack_set_visible_child_name (self->sections, section);
  if (g_str_equal (section, "usage"))
    kiosk_usage_page_refresh (KIOSK_USAGE_PAGE (self->usage_page));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/* A stick put in while the console is open is what the admin came for. */
static void
on_usb_found_cb (KioskAdminConsole *self)
{
  set_section (self, "usb");
}

/* ---- printers ---- */

static void
on_printer_selected_cb (KioskAdminConsole *self)
{
  guint selected = gtk_drop_down_get_selected (self->printer_dropdown);
  const char *name;

  if (self->filling_printers || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The first row is "the default printer", stored as "". */
  name = selected == 0 ? "" : gtk_string_list_get_string (self->printers, selected);
  g_object_set (self->settings, "printer", name, NULL);
}

static void
fill_printers (KioskAdminConsole *self,
               GStrv              names,
               const char        *default_name)
{
  g_autofree char *chosen = kiosk_settings_dup_printer (self->settings);
  g_autofree char *first =
    default_name != NULL ? g_strdup_printf (_("The computer's default printer (%s)"), default_name)
                         : g_strdup (_("The computer's default printer"));
  guint selected = 0;

  self->filling_printers = TRUE;
  gtk_string_list_splice (self->printers, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->printers)), NULL);
  gtk_string_list_append (self->printers, first);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (self->printers, names[i]);
      if (g_strcmp0 (names[i], chosen) == 0)
        selected = i + 1;
    }
  /* A printer that is off or gone stays chosen rather than silently replaced. */
  if (chosen[0] != '\0' && selected == 0)
    {
      gtk_string_list_append (self->printers, chosen);
      selected = g_list_model_get_n_items (G_LIST_MODEL (self->printers)) - 1;
    }
  gtk_drop_down_set_selected (self->printer_dropdown, selected);
  self->filling_printers = FALSE;
}

static void
printers_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KioskAdminConsole) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_name = NULL;
  g_auto(GStrv) names = kiosk_print_list_printers_finish (result, &default_name, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  fill_printers (self, names, default_name);
  if (names == NULL || names[0] == NULL)
    gtk_label_set_text (self->printer_note,
                        error != NULL ? error->message
                                      : _("No printer is set up on this computer yet."));
  else
    gtk_label_set_text (self->printer_note,
                        _("Staff can still choose another printer when they print."));
}

/* ---- building the sections ---- */

static void
add_pages (KioskAdminConsole *self,
           KioskApplication  *app,
           KioskLang          lang)
{
  KioskStore *store = kiosk_application_get_store (app);
  KioskSyncScheduler *scheduler = kiosk_application_get_scheduler (app);

  self->commune_page = kiosk_commune_page_new (store, self->settings, lang);
  gtk_widget_set_vexpand (self->commune_page, TRUE);
  gtk_box_append (self->commune_slot, self->commune_page);
  g_signal_connect_object (self->commune_page, "content-changed",
                           G_CALLBACK (on_content_changed_cb), self, G_CONNECT_SWAPPED);

  if (scheduler != NULL)
    {
      self->sync_page = kiosk_sync_page_new (store, scheduler);
      gtk_box_append (self->updates_slot, self->sync_page);
      g_signal_connect_object (self->sync_page, "content-changed",
                               G_CALLBACK (on_content_changed_cb), self, G_CONNECT_SWAPPED);
    }

  self->usb_page = kiosk_usb_page_new (kiosk_store_get_path (store),
                                       kiosk_application_get_usb_monitor (app));
  gtk_widget_set_vexpand (self->usb_page, TRUE);
  gtk_box_append (self->usb_slot, self->usb_page);
  g_signal_connect_object (self->usb_page, "content-changed", G_CALLBACK (on_content_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->usb_page, "found", G_CALLBACK (on_usb_found_cb), self,
                           G_CONNECT_SWAPPED);

  self->usage_page = kiosk_usage_page_new (store, kiosk_application_get_usage (app));
  gtk_widget_set_vexpand (self->usage_page, TRUE);
  gtk_box_append (self->usage_slot, self->usage_page);
}

/* Each action writes its key straight to GSettings, which KioskSettings mirrors. */
static void
add_setting_actions (KioskAdminConsole *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GSettings *gsettings = kiosk_settings_get_gsettings (self->settings);

  for (guint i = 0; i < G_N_ELEMENTS (setting_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (gsettings, setting_actions[i]);

      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
}

/* ---- GObject ---- */

static void
kiosk_admin_console_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KioskAdminConsole *self = KIOSK_ADMIN_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, kiosk_admin_console_get_section (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_admin_console_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KioskAdminConsole *self = KIOSK_ADMIN_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      set_section (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_admin_console_dispose (GObject *object)
{
  KioskAdminConsole *self = KIOSK_ADMIN_CONSOLE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_ADMIN_CONSOLE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_admin_console_parent_class)->dispose (object);
}

static void
kiosk_admin_console_class_init (KioskAdminConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_admin_console_dispose;
  object_class->get_property = kiosk_admin_console_get_property;
  object_class->set_property = kiosk_admin_console_set_property;

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "commune",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONTENT_CHANGED] = g_signal_new ("content-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-admin-console.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, layout);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, sections);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, commune_slot);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, updates_slot);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, usb_slot);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, usage_slot);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, printer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, printers);
  gtk_widget_class_bind_template_child (widget_class, KioskAdminConsole, printer_note);
  gtk_widget_class_bind_template_callback (widget_class, on_printer_selected_cb);

  gtk_widget_class_install_property_action (widget_class, "console.section", "section");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskadminconsole");
}

static void
kiosk_admin_console_init (KioskAdminConsole *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kiosk_admin_console_new (KioskApplication *app,
                         KioskLang         lang)
{
  KioskAdminConsole *self;

  g_return_val_if_fail (KIOSK_IS_APPLICATION (app), NULL);

  self = g_object_new (KIOSK_TYPE_ADMIN_CONSOLE, NULL);
  self->settings = g_object_ref (kiosk_application_get_settings (app));
  add_setting_actions (self);
  add_pages (self, app, lang);
  fill_printers (self, NULL, NULL);
  kiosk_print_list_printers_async (self->cancellable, printers_listed_cb, g_object_ref (self));
  if (kiosk_usb_monitor_get_repository (kiosk_application_get_usb_monitor (app)) != NULL)
    set_section (self, "usb");
  return GTK_WIDGET (self);
}

const char *
kiosk_admin_console_get_section (KioskAdminConsole *self)
{
  g_return_val_if_fail (KIOSK_IS_ADMIN_CONSOLE (self), NULL);
  return gtk_stack_get_visible_child_name (self->sections);
}

GtkWidget *
kiosk_admin_console_get_page (KioskAdminConsole *self,
                              const char        *section)
{
  g_return_val_if_fail (KIOSK_IS_ADMIN_CONSOLE (self), NULL);

  if (g_strcmp0 (section, "commune") == 0)
    return self->commune_page;
  if (g_strcmp0 (section, "updates") == 0)
    return self->sync_page;
  if (g_strcmp0 (section, "usb") == 0)
    return self->usb_page;
  if (g_strcmp0 (section, "usage") == 0)
    return self->usage_page;
  return NULL;
}
