#!/usr/bin/env bash
# Renders the application icon from its SVG sources into everything the window, the desktop entry and the
# installers use, and copies the PNGs onto the classpath for the window (Stage.getIcons()).
#   upkeep.svg     the drawing, used for 24 px and up
#   upkeep-16.svg  the 16 px drawing, on the pixel grid (a scaled-down upkeep.svg is mush at 16 px)
# The outputs are committed, so the build never needs these tools; run this only after changing an SVG.
# Needs rsvg-convert (librsvg2-bin), ImageMagick (imagemagick) and png2icns (icnsutils); as root it installs
# whichever is missing with apt-get. `render.sh --preview FILE` also writes every size on light and dark panels.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v convert >/dev/null || need+=(imagemagick)
command -v png2icns >/dev/null || need+=(icnsutils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "render.sh needs: apt-get install ${need[*]}" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

sizes=(16 24 32 48 64 128 256 512)
rsvg-convert -w 16 -h 16 upkeep-16.svg -o upkeep-16.png
for s in "${sizes[@]:1}"; do rsvg-convert -w "$s" -h "$s" upkeep.svg -o "upkeep-$s.png"; done

# Windows takes up to 256 px from an .ico; macOS's .icns holds the sizes png2icns knows.
convert upkeep-16.png upkeep-24.png upkeep-32.png upkeep-48.png upkeep-64.png upkeep-128.png upkeep-256.png upkeep.ico
png2icns upkeep.icns upkeep-16.png upkeep-32.png upkeep-48.png upkeep-128.png upkeep-256.png upkeep-512.png >/dev/null

dest=../src/main/resources/dev/upkeep/ui/icons
mkdir -p "$dest"
for s in "${sizes[@]}"; do cp "upkeep-$s.png" "$dest/"; done
cp upkeep-256.png ../jpackage/linux/resources/upkeep.png

if [ "${1:-}" = "--preview" ]; then
  # Each size drawn at 4x with hard pixels, on a light and on a dark panel, to judge what a taskbar shows.
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  for bg in '#f6f8fa' '#202124'; do
    row=()
    for s in 16 24 32 48 64; do
      convert "upkeep-$s.png" -background "$bg" -gravity center -extent $((s + 8))x$((s + 8)) -flatten \
        -filter point -resize 400% "$tmp/$s-${bg#\#}.png"
      row+=("$tmp/$s-${bg#\#}.png")
    done
    convert "${row[@]}" -background "$bg" -gravity center +append "$tmp/row-${bg#\#}.png"
  done
  convert "$tmp/row-f6f8fa.png" "$tmp/row-202124.png" -gravity west -append "${2:?--preview needs a file name}"
fi
