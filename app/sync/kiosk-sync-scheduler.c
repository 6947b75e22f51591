/* kiosk-sync-scheduler.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When to sync. GNetworkMonitor only says whether there is a default route (and in
 * some sandboxes always says offline), so its changes only bring a sync forward;
 * periodic attempts with backoff go on regardless.
 */

#define G_LOG_DOMAIN "kiosk-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "kiosk-store.h"
#include "kiosk-sync-scheduler.h"

struct _KioskSyncScheduler
{
  GObject          parent_instance;

  /* owned */
  char            *store_path;
  KioskStore      *store;        /* a reader, for the list of sources */
  KioskSyncClient *client;
  KioskSettings   *settings;
  GCancellable    *cancellable;  /* of the running sync */
  GPtrArray       *queue;        /* source ids still to sync in this run */
  char            *status;
  GRand           *rand;

  /* borrowed */
  GNetworkMonitor *monitor;

  guint            interval;     /* seconds */
  guint            start_delay_ms;
  guint            debounce_ms;
  guint            timer_id;
  guint            debounce_id;
  gulong           network_id;
  gint64           next_run;
  gint64           hold_until;   /* a server's Retry-After */
  guint            failures;
  guint            retry_after;
  gboolean         run_ok;
  char            *run_message;
};

G_DEFINE_FINAL_TYPE (KioskSyncScheduler, kiosk_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_START_DELAY,
  PROP_DEBOUNCE,
  PROP_RUNNING,
  PROP_NEXT_RUN,
  PROP_STATUS,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run (KioskSyncScheduler *self);

guint
kiosk_sync_scheduler_compute_delay (guint  interval,
                                    guint  failures,
                                    guint  retry_after,
                                    double random)
{
  double delay;

  if (failures == 0)
    delay = interval * (0.9 + 0.2 * random);
  else
    delay = MIN ((double) KIOSK_SYNC_MAX_DELAY, 60.0 * (1u << MIN (failures - 1, 16u))) *
            (0.75 + 0.5 * random);
  delay = MAX (delay, (double) retry_after);
  return (guint) CLAMP (delay, 1.0, (double) KIOSK_SYNC_MAX_DELAY);
}

char *
kiosk_sync_format_time (gint64 unix_time,
                        gint64 now)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autofree char *clock = g_date_time_format (when, "%H:%M");
  gint days = g_date_time_get_day_of_year (when) - g_date_time_get_day_of_year (today);

  if (g_date_time_get_year (when) != g_date_time_get_year (today))
    days = 99;
  if (days == 0)
    return g_strdup_printf (_("at %s"), clock);
  if (days == 1)
    return g_strdup_printf (_("tomorrow at %s"), clock);
  return g_date_time_format (when, _("on %d/%m at %H:%M"));
}

char *
kiosk_sync_format_ago (gint64 unix_time,
                       gint64 now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *clock = NULL;
  gint64 seconds = now - unix_time;
  gint days;

  if (unix_time <= 0)
    return g_strdup (_("never"));
  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         seconds / 60), (int) (seconds / 60));

  when = g_date_time_new_from_unix_local (unix_time);
  today = g_date_time_new_from_unix_local (now);
  clock = g_date_time_format (when, "%H:%M");
  days = g_date_time_get_day_of_year (today) - g_date_time_get_day_of_year (when);
  if (g_date_time_get_year (when) != g_date_time_get_year (today))
    days = 99;
  if (days == 0)
    return g_strdup_printf (_("today at %s"), clock);
  if (days == 1)
    return g_strdup_printf (_("yesterday at %s"), clock);
  if (days < 30)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                            days);
  return g_date_time_format (when, _("on %d/%m/%Y"));
}

static void
set_status (KioskSyncScheduler *self,
            char               *status)
{
  g_free (self->status);
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_running (KioskSyncScheduler *self,
             gboolean            running)
{
  if ((self->cancellable != NULL) == running)
    return;
  if (running)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
on_timer_cb (gpointer user_data)
{
  KioskSyncScheduler *self = user_data;

  self->timer_id = 0;
  run (self);
  return G_SOURCE_REMOVE;
}

static void
plan_next (KioskSyncScheduler *self,
           guint               delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add (delay_ms, on_timer_cb, self);
  self->next_run = g_get_real_time () / G_USEC_PER_SEC + (delay_ms + 999) / 1000;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_RUN]);
}

/* After a run: the next attempt, and a sentence that says what happened and when the
 * kiosk tries again ("no connection — will try again at 14:30"). */
static void
end_run (KioskSyncScheduler *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint delay;
  g_autofree char *when = NULL;

  self->failures = self->run_ok ? 0 : self->failures + 1;
  delay = kiosk_sync_scheduler_compute_delay (self->interval, self->failures, self->retry_after,
                                              g_rand_double (self->rand));
  self->hold_until = self->retry_after > 0 ? now + MIN (self->retry_after, KIOSK_SYNC_MAX_DELAY)
                                           : 0;
  plan_next (self, delay * 1000);
  when = kiosk_sync_format_time (self->next_run, now);
  if (self->run_ok)
    set_status (self, g_strdup_printf (_("%s The next check is %s."),
                                       self->run_message ? self->run_message : "", when));
  else
    set_status (self, g_strdup_printf (_("%s The kiosk will try again %s."),
                                       self->run_message, when));
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, self->run_ok);
}

static void sync_next (KioskSyncScheduler *self);

static void
on_source_synced_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KioskSyncScheduler) self = user_data;
  g_autoptr(KioskSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!kiosk_sync_client_sync_finish (KIOSK_SYNC_CLIENT (source), result, &report, &error))
    {
      self->run_ok = FALSE;
      self->retry_after = MAX (self->retry_after, report->retry_after);
      g_free (self->run_message);
      self->run_message = g_strdup (report->message);
    }
  else if (self->run_ok)
    {
      g_free (self->run_message);
      self->run_message = g_strdup (report->message);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_ptr_array_set_size (self->queue, 0);
  sync_next (self);
}

static void
sync_next (KioskSyncScheduler *self)
{
  g_autofree char *id = NULL;

  if (self->queue->len == 0)
    {
      end_run (self);
      return;
    }
  id = g_ptr_array_steal_index (self->queue, 0);
  kiosk_sync_client_sync_async (self->client, self->store_path, id, self->cancellable,
                                on_source_synced_cb, g_object_ref (self));
}

static gboolean
queue_sources (KioskSyncScheduler  *self,
               GError             **error)
{
  g_autoptr(GPtrArray) sources = kiosk_store_list_sources (self->store, error);

  if (sources == NULL)
    return FALSE;
  for (guint i = 0; i < sources->len; i++)
    {
      KioskSource *source = sources->pdata[i];

      if (source->url != NULL && source->enabled)
        g_ptr_array_add (self->queue, g_strdup (source->id));
    }
  if (self->queue->len > 0)
    return TRUE;
  g_set_error (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_SOURCES,
               _("No content sources are set up for sync. Add one under “Add a content source” on this page."));
  return FALSE;
}

static void
run (KioskSyncScheduler *self)
{
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->run_ok = TRUE;
  self->retry_after = 0;
  g_clear_pointer (&self->run_message, g_free);
  set_running (self, TRUE);

  if (self->store == NULL &&
      !(self->store = kiosk_store_open (self->store_path, KIOSK_STORE_READER, &error)))
    self->run_ok = FALSE;
  if (self->store != NULL && !queue_sources (self, &error))
    self->run_ok = g_error_matches (error, KIOSK_SYNC_ERROR, KIOSK_SYNC_ERROR_NO_SOURCES);
  if (error != NULL)
    self->run_message = g_strdup (error->message);
  sync_next (self);
}

static gboolean
on_debounced_cb (gpointer user_data)
{
  KioskSyncScheduler *self = user_data;

  self->debounce_id = 0;
  if (g_get_real_time () / G_USEC_PER_SEC >= self->hold_until)
    run (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a cable plugged in, Wi-Fi roaming) becomes one attempt. */
static void
on_network_changed_cb (KioskSyncScheduler *self,
                       gboolean            available,
                       GNetworkMonitor    *monitor)
{
  if (!available || self->cancellable != NULL)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, on_debounced_cb, self);
}

void
kiosk_sync_scheduler_start (KioskSyncScheduler *self)
{
  g_return_if_fail (KIOSK_IS_SYNC_SCHEDULER (self));

  if (self->network_id == 0)
    {
      self->monitor = g_network_monitor_get_default ();
      self->network_id = g_signal_connect_object (self->monitor, "network-changed",
                                                  G_CALLBACK (on_network_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
    }
  if (self->cancellable == NULL)
    plan_next (self, self->start_delay_ms);
}

void
kiosk_sync_scheduler_sync_now (KioskSyncScheduler *self)
{
  g_return_if_fail (KIOSK_IS_SYNC_SCHEDULER (self));

  run (self);
}

void
kiosk_sync_scheduler_cancel (KioskSyncScheduler *self)
{
  g_return_if_fail (KIOSK_IS_SYNC_SCHEDULER (self));

  g_cancellable_cancel (self->cancellable);
}

gboolean
kiosk_sync_scheduler_get_running (KioskSyncScheduler *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (self), FALSE);
  return self->cancellable != NULL;
}

gint64
kiosk_sync_scheduler_get_next_run (KioskSyncScheduler *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (self), 0);
  return self->timer_id != 0 ? self->next_run : 0;
}

guint
kiosk_sync_scheduler_get_failures (KioskSyncScheduler *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (self), 0);
  return self->failures;
}

const char *
kiosk_sync_scheduler_get_status (KioskSyncScheduler *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (self), NULL);
  return self->status;
}

KioskSyncClient *
kiosk_sync_scheduler_get_client (KioskSyncScheduler *self)
{
  g_return_val_if_fail (KIOSK_IS_SYNC_SCHEDULER (self), NULL);
  return self->client;
}

static gboolean
minutes_to_seconds (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, g_value_get_uint (from) * 60);
  return TRUE;
}

static void
on_proxy_changed_cb (KioskSyncScheduler *self,
                     GParamSpec         *pspec,
                     KioskSettings      *settings)
{
  g_autofree char *proxy = kiosk_settings_dup_proxy (settings);

  kiosk_sync_client_set_proxy (self->client, proxy);
}

static void
kiosk_sync_scheduler_dispose (GObject *object)
{
  KioskSyncScheduler *self = KIOSK_SYNC_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_signal_handler (&self->network_id, self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_sync_scheduler_parent_class)->dispose (object);
}

static void
kiosk_sync_scheduler_finalize (GObject *object)
{
  KioskSyncScheduler *self = KIOSK_SYNC_SCHEDULER (object);

  g_clear_object (&self->cancellable);
  g_free (self->store_path);
  g_ptr_array_unref (self->queue);
  g_free (self->status);
  g_free (self->run_message);
  g_rand_free (self->rand);

  G_OBJECT_CLASS (kiosk_sync_scheduler_parent_class)->finalize (object);
}

static void
kiosk_sync_scheduler_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KioskSyncScheduler *self = KIOSK_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_START_DELAY:
      g_value_set_uint (value, self->start_delay_ms);
      break;
    case PROP_DEBOUNCE:
      g_value_set_uint (value, self->debounce_ms);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, kiosk_sync_scheduler_get_running (self));
      break;
    case PROP_NEXT_RUN:
      g_value_set_int64 (value, kiosk_sync_scheduler_get_next_run (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint (KioskSyncScheduler *self,
          guint              *field,
          guint               value,
          guint               prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
kiosk_sync_scheduler_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KioskSyncScheduler *self = KIOSK_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      set_uint (self, &self->interval, g_value_get_uint (value), prop_id);
      break;
    case PROP_START_DELAY:
      set_uint (self, &self->start_delay_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_DEBOUNCE:
      set_uint (self, &self->debounce_ms, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_sync_scheduler_class_init (KioskSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = kiosk_sync_scheduler_dispose;
  object_class->finalize = kiosk_sync_scheduler_finalize;
  object_class->get_property = kiosk_sync_scheduler_get_property;
  object_class->set_property = kiosk_sync_scheduler_set_property;

  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 1, G_MAXUINT, 30 * 60,
                                                 rw);
  properties[PROP_START_DELAY] = g_param_spec_uint ("start-delay", NULL, NULL, 0, G_MAXUINT,
                                                    10 * 1000, rw);
  properties[PROP_DEBOUNCE] = g_param_spec_uint ("debounce", NULL, NULL, 0, G_MAXUINT,
                                                 15 * 1000, rw);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);
  properties[PROP_NEXT_RUN] = g_param_spec_int64 ("next-run", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (gboolean ok): a run over every enabled source has ended. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
kiosk_sync_scheduler_init (KioskSyncScheduler *self)
{
  self->interval = 30 * 60;
  self->start_delay_ms = 10 * 1000;
  self->debounce_ms = 15 * 1000;
  self->queue = g_ptr_array_new_with_free_func (g_free);
  self->rand = g_rand_new ();
  self->client = kiosk_sync_client_new ();
}

KioskSyncScheduler *
kiosk_sync_scheduler_new (const char    *store_path,
                          KioskSettings *settings)
{
  KioskSyncScheduler *self;

  g_return_val_if_fail (store_path != NULL, NULL);
  g_return_val_if_fail (settings == NULL || KIOSK_IS_SETTINGS (settings), NULL);

  self = g_object_new (KIOSK_TYPE_SYNC_SCHEDULER, NULL);
  self->store_path = g_strdup (store_path);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_object_bind_property_full (settings, "sync-interval", self, "interval",
                                   G_BINDING_SYNC_CREATE, minutes_to_seconds, NULL, NULL, NULL);
      g_signal_connect_object (settings, "notify::proxy", G_CALLBACK (on_proxy_changed_cb), self,
                               G_CONNECT_SWAPPED);
      on_proxy_changed_cb (self, NULL, settings);
    }
  return self;
}
