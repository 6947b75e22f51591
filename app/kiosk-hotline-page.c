/* kiosk-hotline-page.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kiosk-hotline-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <qrencode.h>

#include "kiosk-hotline-page.h"
#include "kiosk-row.h"

#define CHILD_HOTLINE "111"
#define CHILD_HOTLINE_URI "tel:111"
/* The QR standard asks for four modules of white around the code. */
#define QR_QUIET_ZONE 4
/* 29 modules for tel:111, so about 230 px: easy for any phone at arm's length. */
#define QR_MODULE_PX 8

struct _KioskHotlinePage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkScrolledWindow  *scroller;
  GtkLabel           *hero_name;
  GtkLabel           *hero_purpose;
  GtkLabel           *hero_hours;
  GtkPicture         *qr;
  GtkFlowBox         *national;
  GtkFlowBox         *local;
  GtkLabel           *local_empty;

  /* owned */
  KioskStore         *store;
  KioskLang           lang;
};

G_DEFINE_FINAL_TYPE (KioskHotlinePage, kiosk_hotline_page, GTK_TYPE_WIDGET)

static void
fill_module (guchar *pixels,
             gsize   stride,
             int     column,
             int     row)
{
  for (int y = 0; y < QR_MODULE_PX; y++)
    memset (pixels + (gsize) (row * QR_MODULE_PX + y) * stride + column * QR_MODULE_PX * 3,
            0x00, QR_MODULE_PX * 3);
}

/* Drawn once into a texture at a whole number of pixels per module: sharp edges
 * scan best, and a picture of fixed size needs no redraw. */
static GdkTexture *
qr_texture_new (const char *text)
{
  g_autoptr(GBytes) bytes = NULL;
  QRcode *code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  guchar *pixels;
  gsize stride;
  int size;

  if (code == NULL)
    {
      g_warning ("Could not encode a QR code for %s", text);
      return NULL;
    }

  size = (code->width + 2 * QR_QUIET_ZONE) * QR_MODULE_PX;
  stride = (gsize) size * 3;
  pixels = g_malloc (stride * size);
  memset (pixels, 0xff, stride * size);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (code->data[row * code->width + column] & 1)
        fill_module (pixels, stride, column + QR_QUIET_ZONE, row + QR_QUIET_ZONE);
  QRcode_free (code);

  bytes = g_bytes_new_take (pixels, stride * size);
  return gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8, bytes, stride);
}

static GtkWidget *
card_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Narrow enough for three cards side by side on a landscape screen. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
hours_text (KioskHotline *hotline,
            KioskLang     lang)
{
  if (hotline->hours[lang] != NULL && *hotline->hours[lang] != 0)
    return hotline->hours[lang];
  return hotline->free_of_charge ? _("Free, day and night") : NULL;
}

static GtkWidget *
card_new (KioskHotline *hotline,
          KioskLang     lang)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", hotline->number,
                                                 hotline->name[lang]);
  const char *hours = hours_text (hotline, lang);
  GtkWidget *number;

  gtk_widget_add_css_class (card, "hotline-card");
  number = card_label (hotline->number, "hotline-card-number");
  /* A phone number broken over two lines is easy to misread. */
  gtk_label_set_wrap (GTK_LABEL (number), FALSE);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), card_label (hotline->name[lang], "hotline-card-name"));
  if (hotline->purpose[lang] != NULL && *hotline->purpose[lang] != 0)
    gtk_box_append (GTK_BOX (card), card_label (hotline->purpose[lang], "hotline-card-purpose"));
  if (hours != NULL)
    gtk_box_append (GTK_BOX (card), card_label (hours, "hotline-card-hours"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return card;
}

/* 111 must be on this screen even before any content is imported. */
static void
fill_hero (KioskHotlinePage *self,
           KioskHotline     *hotline)
{
  const char *hours = hotline ? hours_text (hotline, self->lang) : NULL;

  if (hotline == NULL)
    {
      gtk_label_set_text (self->hero_name, _("National child protection hotline"));
      gtk_label_set_text (self->hero_purpose,
                          _("Call for any worry about a child's safety. Children can call too."));
      gtk_label_set_text (self->hero_hours, _("Free, day and night"));
      return;
    }
  gtk_label_set_text (self->hero_name, hotline->name[self->lang]);
  gtk_label_set_text (self->hero_purpose, hotline->purpose[self->lang]);
  gtk_label_set_text (self->hero_hours, hours ? hours : _("Free, day and night"));
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
fill_cards (KioskHotlinePage *self,
            GPtrArray        *hotlines)
{
  gboolean have_local = FALSE;

  for (guint i = 0; hotlines != NULL && i < hotlines->len; i++)
    {
      KioskHotline *hotline = hotlines->pdata[i];

      if (hotline->national && g_strcmp0 (hotline->number, CHILD_HOTLINE) == 0)
        continue;
      gtk_flow_box_append (hotline->national ? self->national : self->local,
                           card_new (hotline, self->lang));
      have_local |= !hotline->national;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->local), have_local);
  gtk_widget_set_visible (GTK_WIDGET (self->local_empty), !have_local);
}

static KioskHotline *
find_child_hotline (GPtrArray *hotlines)
{
  for (guint i = 0; hotlines != NULL && i < hotlines->len; i++)
    {
      KioskHotline *hotline = hotlines->pdata[i];

      if (hotline->national && g_strcmp0 (hotline->number, CHILD_HOTLINE) == 0)
        return hotline;
    }
  return NULL;
}

void
kiosk_hotline_page_reload (KioskHotlinePage *self)
{
  g_autoptr(GPtrArray) hotlines = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KIOSK_IS_HOTLINE_PAGE (self));

  clear_flow_box (self->national);
  clear_flow_box (self->local);

  hotlines = kiosk_store_list_hotlines (self->store, &error);
  if (hotlines == NULL)
    g_message ("Showing 111 without the store's hotlines: %s", error->message);
  fill_hero (self, find_child_hotline (hotlines));
  fill_cards (self, hotlines);
}

void
kiosk_hotline_page_reset (KioskHotlinePage *self)
{
  g_return_if_fail (KIOSK_IS_HOTLINE_PAGE (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
kiosk_hotline_page_dispose (GObject *object)
{
  KioskHotlinePage *self = KIOSK_HOTLINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KIOSK_TYPE_HOTLINE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kiosk_hotline_page_parent_class)->dispose (object);
}

static void
kiosk_hotline_page_class_init (KioskHotlinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kiosk_hotline_page_dispose;

  g_type_ensure (KIOSK_TYPE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/goctreem/Kiosk/kiosk-hotline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, hero_name);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, hero_purpose);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, hero_hours);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, qr);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, national);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, local);
  gtk_widget_class_bind_template_child (widget_class, KioskHotlinePage, local_empty);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskhotlinepage");
}

static void
kiosk_hotline_page_init (KioskHotlinePage *self)
{
  g_autoptr(GdkTexture) qr = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  qr = qr_texture_new (CHILD_HOTLINE_URI);
  gtk_picture_set_paintable (self->qr, GDK_PAINTABLE (qr));
}

GtkWidget *
kiosk_hotline_page_new (KioskStore *store,
                        KioskLang   lang)
{
  KioskHotlinePage *self;

  g_return_val_if_fail (KIOSK_IS_STORE (store), NULL);

  self = g_object_new (KIOSK_TYPE_HOTLINE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->lang = lang;
  kiosk_hotline_page_reload (self);
  return GTK_WIDGET (self);
}
