/* kiosk-settings.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-settings"

#include "config.h"

#include "kiosk-settings.h"

struct _KioskSettings
{
  GObject    parent_instance;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (KioskSettings, kiosk_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_COMMUNE_NAME,
  PROP_COMMUNE_ADDRESS,
  PROP_IDLE_TIMEOUT,
  PROP_PRINTER,
  PROP_PAPER_SIZE,
  PROP_SYNC_INTERVAL,
  PROP_PROXY,
  PROP_RENDERER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property id -> GSettings key; the property names match the keys. */
static const char *
key_for (guint prop_id)
{
  return g_param_spec_get_name (properties[prop_id]);
}

static void
kiosk_settings_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KioskSettings *self = KIOSK_SETTINGS (object);
  g_autoptr(GVariant) v = g_settings_get_value (self->settings, key_for (prop_id));

  if (G_VALUE_HOLDS_UINT (value))
    g_value_set_uint (value, g_variant_get_uint32 (v));
  else
    g_value_set_string (value, g_variant_get_string (v, NULL));
}

static void
kiosk_settings_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KioskSettings *self = KIOSK_SETTINGS (object);

  if (G_VALUE_HOLDS_UINT (value))
    g_settings_set_uint (self->settings, key_for (prop_id), g_value_get_uint (value));
  else
    g_settings_set_string (self->settings, key_for (prop_id), g_value_get_string (value));
}

/* GSettings is the one source of truth; a change there, from any writer, becomes a
 * property notification here. */
static void
on_settings_changed_cb (KioskSettings *self,
                        const char    *key,
                        GSettings     *settings)
{
  for (guint i = 1; i < N_PROPS; i++)
    if (g_str_equal (key, key_for (i)))
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
kiosk_settings_dispose (GObject *object)
{
  KioskSettings *self = KIOSK_SETTINGS (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kiosk_settings_parent_class)->dispose (object);
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
uint_property (const char *name,
               guint       min,
               guint       max,
               guint       fallback)
{
  return g_param_spec_uint (name, NULL, NULL, min, max, fallback,
                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
kiosk_settings_class_init (KioskSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kiosk_settings_dispose;
  object_class->get_property = kiosk_settings_get_property;
  object_class->set_property = kiosk_settings_set_property;

  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_COMMUNE_NAME] = string_property ("commune-name");
  properties[PROP_COMMUNE_ADDRESS] = string_property ("commune-address");
  properties[PROP_IDLE_TIMEOUT] = uint_property ("idle-timeout", 30, 3600, 120);
  properties[PROP_PRINTER] = string_property ("printer");
  properties[PROP_PAPER_SIZE] = string_property ("paper-size");
  properties[PROP_SYNC_INTERVAL] = uint_property ("sync-interval", 5, 1440, 30);
  properties[PROP_PROXY] = string_property ("proxy");
  properties[PROP_RENDERER] = string_property ("renderer");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kiosk_settings_init (KioskSettings *self)
{
}

KioskSettings *
kiosk_settings_new_for_gsettings (GSettings *settings)
{
  KioskSettings *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KIOSK_TYPE_SETTINGS, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

KioskSettings *
kiosk_settings_new (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return kiosk_settings_new_for_gsettings (settings);
}

GSettings *
kiosk_settings_get_gsettings (KioskSettings *self)
{
  g_return_val_if_fail (KIOSK_IS_SETTINGS (self), NULL);
  return self->settings;
}

KioskLang
kiosk_settings_get_language (KioskSettings *self)
{
  g_autofree char *lang = NULL;

  g_return_val_if_fail (KIOSK_IS_SETTINGS (self), KIOSK_LANG_VI);
  lang = g_settings_get_string (self->settings, "language");
  return kiosk_lang_from_string (lang);
}

#define STRING_GETTER(func, key) \
  char *                                                         \
  func (KioskSettings *self)                                     \
  {                                                              \
    g_return_val_if_fail (KIOSK_IS_SETTINGS (self), NULL);       \
    return g_settings_get_string (self->settings, key);          \
  }

STRING_GETTER (kiosk_settings_dup_commune_name, "commune-name")
STRING_GETTER (kiosk_settings_dup_commune_address, "commune-address")
STRING_GETTER (kiosk_settings_dup_printer, "printer")
STRING_GETTER (kiosk_settings_dup_paper_size, "paper-size")
STRING_GETTER (kiosk_settings_dup_proxy, "proxy")
STRING_GETTER (kiosk_settings_dup_renderer, "renderer")

guint
kiosk_settings_get_idle_timeout (KioskSettings *self)
{
  g_return_val_if_fail (KIOSK_IS_SETTINGS (self), 120);
  return g_settings_get_uint (self->settings, "idle-timeout");
}

guint
kiosk_settings_get_sync_interval (KioskSettings *self)
{
  g_return_val_if_fail (KIOSK_IS_SETTINGS (self), 30);
  return g_settings_get_uint (self->settings, "sync-interval");
}
