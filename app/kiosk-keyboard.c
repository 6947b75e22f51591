/* kiosk-keyboard.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-keyboard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kiosk-keyboard.h"

/* Wider than this the keys would be far apart for a child's hands. */
#define MAX_WIDTH 1080

/* The grid counts in half keys, so rows can be staggered like a real keyboard. */
#define KEY_SPAN     2
#define SPECIAL_SPAN 4
#define LETTER_SPAN  20

struct _KioskKeyboard
{
  GtkWidget    parent_instance;

  /* owned, a child */
  GtkWidget   *grid;

  /* borrowed: a key in the grid */
  GtkWidget   *enter_key;

  /* borrowed, weak */
  GtkEditable *target;
};

enum {
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

enum {
  ENTER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (KioskKeyboard, kiosk_keyboard, GTK_TYPE_WIDGET)

typedef struct {
  const char *keys;
  int         offset;
} KeyRow;

static const KeyRow key_rows[] = {
  { "1234567890", 0 },
  { "qwertyuiop", 0 },
  { "asdfghjkl", 1 },
  { "zxcvbnm", 1 },
};

static void
type_text (KioskKeyboard *self,
           const char    *text)
{
  int position;

  gtk_editable_delete_selection (self->target);
  position = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, text, -1, &position);
  gtk_editable_set_position (self->target, position);
}

static void
type_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  /* The target is held weakly and may be gone. */
  if (self->target == NULL)
    return;
  type_text (self, g_variant_get_string (parameter, NULL));
}

static void
backspace_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);
  int position;

  if (self->target == NULL)
    return;

  if (gtk_editable_get_selection_bounds (self->target, NULL, NULL))
    {
      gtk_editable_delete_selection (self->target);
      return;
    }
  position = gtk_editable_get_position (self->target);
  if (position > 0)
    gtk_editable_delete_text (self->target, position - 1, position);
}

static void
clear_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  if (self->target == NULL)
    return;
  gtk_editable_delete_text (self->target, 0, -1);
}

static void
enter_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[ENTER], 0);
}

static GtkWidget *
key_new (const char *action_name,
         const char *accessible_name)
{
  GtkWidget *button = gtk_button_new ();

  /* A touch on a key must leave the focus, and so the cursor, in the entry. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  gtk_widget_add_css_class (button, "osk-key");
  return button;
}

static GtkWidget *
char_key_new (gunichar c)
{
  char text[8] = { 0 };
  GtkWidget *button;

  g_unichar_to_utf8 (c, text);
  button = key_new ("osk.type", text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", text);
  gtk_button_set_label (GTK_BUTTON (button), text);
  gtk_widget_add_css_class (button, g_unichar_isdigit (c) ? "osk-digit" : "osk-letter");
  return button;
}

/* People who read slowly find the special keys by their picture; the word is
 * there for everyone else and for screen readers. The word goes under the picture
 * and may break, so a long one in a long language cannot widen the keyboard past a
 * small screen. */
static void
set_special_face (GtkWidget  *button,
                  const char *icon_name,
                  const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static GtkWidget *
special_key_new (const char *action_name,
                 const char *icon_name,
                 const char *text,
                 const char *css_class)
{
  GtkWidget *button = key_new (action_name, text);

  set_special_face (button, icon_name, text);
  gtk_widget_add_css_class (button, "osk-special");
  gtk_widget_add_css_class (button, css_class);
  return button;
}

/* Built in code rather than a template: the layout is a table of keys. */
static void
attach_character_keys (GtkGrid *grid)
{
  for (guint row = 0; row < G_N_ELEMENTS (key_rows); row++)
    {
      const KeyRow *spec = &key_rows[row];
      int column = spec->offset;

      for (const char *p = spec->keys; *p != 0; p++, column += KEY_SPAN)
        gtk_grid_attach (grid, char_key_new ((gunichar) *p), column, row, KEY_SPAN, 1);
    }
}

static void
attach_special_keys (KioskKeyboard *self,
                     GtkGrid       *grid)
{
  int space_column = key_rows[3].offset + KEY_SPAN * (int) strlen (key_rows[3].keys);
  GtkWidget *space = special_key_new ("osk.type", NULL, _("Space"), "osk-space");

  gtk_actionable_set_action_target (GTK_ACTIONABLE (space), "s", " ");
  gtk_grid_attach (grid, space, space_column, 3, LETTER_SPAN - space_column, 1);
  gtk_grid_attach (grid,
                   special_key_new ("osk.backspace", "edit-clear-symbolic",
                                    _("Backspace"), "osk-backspace"),
                   LETTER_SPAN, 0, SPECIAL_SPAN, 1);
  gtk_grid_attach (grid,
                   special_key_new ("osk.clear", "edit-clear-all-symbolic",
                                    _("Clear"), "osk-clear"),
                   LETTER_SPAN, 1, SPECIAL_SPAN, 1);
  self->enter_key = special_key_new ("osk.enter", "system-search-symbolic", _("Search"),
                                     "osk-enter");
  gtk_grid_attach (grid, self->enter_key, LETTER_SPAN, 2, SPECIAL_SPAN, 2);
}

static void
update_actions (KioskKeyboard *self)
{
  gboolean enabled = self->target != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "osk.type", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "osk.backspace", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "osk.clear", enabled);
}

static void
kiosk_keyboard_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > MAX_WIDTH)
    for_size = MAX_WIDTH;
  gtk_widget_measure (self->grid, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, MAX_WIDTH));
}

static void
kiosk_keyboard_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (widget);
  int minimum;
  int grid_width;

  gtk_widget_measure (self->grid, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  grid_width = MAX (minimum, MIN (width, MAX_WIDTH));
  gtk_widget_size_allocate (self->grid,
                            &(GtkAllocation) { (width - grid_width) / 2, 0, grid_width, height },
                            -1);
}

static void
kiosk_keyboard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      kiosk_keyboard_set_target (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kiosk_keyboard_dispose (GObject *object)
{
  KioskKeyboard *self = KIOSK_KEYBOARD (object);

  g_clear_weak_pointer (&self->target);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (kiosk_keyboard_parent_class)->dispose (object);
}

static void
kiosk_keyboard_class_init (KioskKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_keyboard_dispose;
  object_class->get_property = kiosk_keyboard_get_property;
  object_class->set_property = kiosk_keyboard_set_property;
  widget_class->measure = kiosk_keyboard_measure;
  widget_class->size_allocate = kiosk_keyboard_size_allocate;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The Search key: the target's text is complete, act on it now. */
  signals[ENTER] = g_signal_new ("enter",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "osk.type", "s", type_action_cb);
  gtk_widget_class_install_action (widget_class, "osk.backspace", NULL, backspace_action_cb);
  gtk_widget_class_install_action (widget_class, "osk.clear", NULL, clear_action_cb);
  gtk_widget_class_install_action (widget_class, "osk.enter", NULL, enter_action_cb);

  gtk_widget_class_set_css_name (widget_class, "kioskkeyboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kiosk_keyboard_init (KioskKeyboard *self)
{
  GtkGrid *grid;

  self->grid = gtk_grid_new ();
  grid = GTK_GRID (self->grid);
  gtk_grid_set_column_homogeneous (grid, TRUE);
  gtk_grid_set_row_homogeneous (grid, TRUE);
  gtk_grid_set_column_spacing (grid, 6);
  gtk_grid_set_row_spacing (grid, 4);
  attach_character_keys (grid);
  attach_special_keys (self, grid);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("On-screen keyboard"),
                                  -1);
  update_actions (self);
}

GtkWidget *
kiosk_keyboard_new (void)
{
  return g_object_new (KIOSK_TYPE_KEYBOARD, NULL);
}

GtkEditable *
kiosk_keyboard_get_target (KioskKeyboard *self)
{
  g_return_val_if_fail (KIOSK_IS_KEYBOARD (self), NULL);
  return self->target;
}

void
kiosk_keyboard_set_target (KioskKeyboard *self,
                           GtkEditable   *target)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (!g_set_weak_pointer (&self->target, target))
    return;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

/* The Enter key says what it does where the keyboard is used ("Next" in a form). */
void
kiosk_keyboard_set_enter_key (KioskKeyboard *self,
                              const char    *icon_name,
                              const char    *label)
{
  g_return_if_fail (KIOSK_IS_KEYBOARD (self));
  g_return_if_fail (label != NULL);

  set_special_face (self->enter_key, icon_name, label);
}
