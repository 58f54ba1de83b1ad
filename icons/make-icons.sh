#!/bin/sh
# Draws the application icon (a rounded green square with a white check mark) and scales it to the sizes
# Linux desktops and jpackage use. Needs ImageMagick. Run from this folder; copies the set onto the classpath
# for Stage.getIcons().
set -eu
convert -size 512x512 xc:none \
  -fill '#1f7a3a' -draw 'roundrectangle 16,16 496,496 104,104' \
  -fill '#2da44e' -draw 'roundrectangle 16,16 496,472 104,104' \
  -fill none -stroke white -strokewidth 64 \
  -draw 'stroke-linecap round stroke-linejoin round polyline 128,264 216,352 392,168' \
  upkeep-512.png
for s in 16 32 48 64 128 256; do
  convert upkeep-512.png -filter Lanczos -resize ${s}x${s} upkeep-$s.png
done
dest=../src/main/resources/dev/upkeep/ui/icons
mkdir -p "$dest"
for s in 16 32 48 64 128 256; do cp upkeep-$s.png "$dest/"; done
