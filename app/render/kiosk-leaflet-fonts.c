/* kiosk-leaflet-fonts.c
 *
 * Copyright 2026 The Góc Trẻ Em authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Leaflets are set in DejaVu Sans and nothing else. A font map that knows only the
 * DejaVu folder (read from fontconfig's cache) makes that a fact rather than a request:
 * no installed font can change a line break, and a command-line leaflet skips reading
 * all of fontconfig's configuration and sorting every installed font (about 6 ms of the
 * 150 ms budget in bench/leaflet).
 */

#define G_LOG_DOMAIN "kiosk-leaflet"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include "kiosk-leaflet-private.h"

/* Where fonts-dejavu-core puts the fonts on Debian. */
#define DEJAVU_DIR "/usr/share/fonts/truetype/dejavu"

static FcConfig *
dejavu_config (void)
{
  static const char xml[] =
    "<?xml version='1.0'?>"
    "<!DOCTYPE fontconfig SYSTEM 'urn:fontconfig:fonts.dtd'>"
    "<fontconfig>"
    "<dir>" DEJAVU_DIR "</dir>"
    "<cachedir>/var/cache/fontconfig</cachedir>"
    "<cachedir prefix='xdg'>fontconfig</cachedir>"
    "</fontconfig>";
  FcConfig *config = FcConfigCreate ();
  FcFontSet *fonts;

  if (FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) xml, FcFalse) &&
      FcConfigBuildFonts (config) &&
      (fonts = FcConfigGetFonts (config, FcSetSystem)) != NULL && fonts->nfont > 0)
    return config;
  FcConfigDestroy (config);
  return NULL;
}

/* One for the process: fontconfig configurations are safe to share between threads. */
static FcConfig *
get_dejavu_config (void)
{
  static gsize initialized;
  static FcConfig *config;

  if (g_once_init_enter (&initialized))
    {
      config = dejavu_config ();
      if (config == NULL)
        g_debug ("No fonts in %s: leaflets use the system's font configuration", DEJAVU_DIR);
      g_once_init_leave (&initialized, 1);
    }
  return config;
}

void
kiosk_leaflet_fonts_use_only_dejavu (void)
{
  FcConfig *config = get_dejavu_config ();

  if (config != NULL)
    FcConfigSetCurrent (config);
}

static PangoFontMap *
new_font_map (void)
{
  FcConfig *config = get_dejavu_config ();
  PangoFontMap *map;

  /* Without the DejaVu folder, the system's fonts: "DejaVu Sans" is still asked for. */
  if (config == NULL)
    return g_object_ref (pango_cairo_font_map_get_default ());
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  return map;
}

/* Pango font maps are not thread-safe: one per thread, like Pango's own default. */
PangoFontMap *
kiosk_leaflet_get_font_map (void)
{
  static GPrivate font_map = G_PRIVATE_INIT (g_object_unref);
  PangoFontMap *map = g_private_get (&font_map);

  if (map == NULL)
    {
      map = new_font_map ();
      g_private_set (&font_map, map);
    }
  return map;
}
