#!/bin/sh
# Renders the sample leaflets in this folder: one bundled article in Vietnamese and in
# English, with a commune's name, address and local contacts, as PNGs of every page.
# Usage: docs/leaflets/render.sh   (BUILD=<dir> picks the build tree, default _build)
set -eu
cd "$(dirname "$0")/../.."
build=${BUILD:-_build}
article=${ARTICLE:-care-alternative-care}
out=docs/leaflets

[ -f "$build/build.ninja" ] || meson setup "$build" >/dev/null
ninja -C "$build" app/goc-tre-em data/gschemas.compiled data/content/repository >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export GOC_TRE_EM_BUNDLED_DIR="$PWD/$build/data/content"
# The same date on every run, so the PNGs change only when the leaflet does.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795478400}

# What a commune's admin sets on the kiosk.
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<'KEYFILE'
[org/goctreem/Kiosk]
commune-name='Ủy ban nhân dân xã Hòa Bình'
commune-address='Thôn Đông, xã Hòa Bình, huyện Tuyên Hóa, tỉnh Quảng Bình · 0232 3 822 100'
KEYFILE

# The first command imports the bundled content; then two local contacts, as the admin
# screen stores them (hotlines that are not national).
"$build/app/goc-tre-em" --status >/dev/null
sqlite3 "$XDG_DATA_HOME/goc-tre-em/store.sqlite" <<'SQL'
INSERT INTO hotlines (source, id, position, number, national, free, name_vi, name_en,
  purpose_vi, purpose_en, hours_vi, hours_en) VALUES
  ('local', 'commune-officer', 1, '0912 345 678', 0, 0, 'Cán bộ bảo vệ trẻ em xã',
   'Commune child protection officer', '', '', '', ''),
  ('local', 'health-station', 2, '0232 3 822 115', 0, 0, 'Trạm y tế xã',
   'Commune health station', '', '', '', '');
SQL

rm -f "$out"/leaflet-*.png
for lang in vi en; do
  "$build/app/goc-tre-em" --leaflet "$article" --lang "$lang" --output "$tmp/$lang.pdf" >/dev/null
  pdftoppm -r 60 -png "$tmp/$lang.pdf" "$out/leaflet-$lang"
done
ls "$out"/leaflet-*.png

# One leaflet per topic (its first article, in Vietnamese), to check the whole library
# prints: nothing overflows and every mark renders.
mkdir -p "$out/topics"
rm -f "$out"/topics/*.png
for topic in data/content/topics/*.yaml; do
  topic=$(basename "$topic" .yaml)
  first=$(grep -l "^topic: $topic\$" data/content/articles/*.vi.md | while read -r f; do
            printf '%s %s\n' "$(sed -n 's/^order: //p' "$f")" "$(basename "$f" .vi.md)"
          done | sort -n | head -n 1 | cut -d' ' -f2)
  "$build/app/goc-tre-em" --leaflet "$first" --lang vi --output "$tmp/$topic.pdf" >/dev/null
  pdftoppm -r 45 -png "$tmp/$topic.pdf" "$out/topics/$topic"
done
ls "$out"/topics/*.png
