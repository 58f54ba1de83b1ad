#!/usr/bin/env bash
# Retakes the README's screenshots from the real program on the demo fleet, under a private Xvfb display:
#   scripts/screenshots.sh            (needs xvfb, imagemagick, xdotool, libgtk-3-0)
# Writes docs/screenshots/{main-light,main-dark,run-live-logs,manifest-editor}.png. The window is driven with its
# own keyboard shortcuts, so the pictures show what a user sees. A throwaway XDG_STATE_HOME keeps the user's
# remembered window state out of it (and out of the pictures).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/docs/screenshots"
# Seconds for the window to draw after each step; raise it on a busy machine (SETTLE=15 scripts/screenshots.sh).
settle="${SETTLE:-5}"
mkdir -p "$out"
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (apt-get install xvfb imagemagick xdotool)" >&2; exit 1; }
done
# Build first (./upkeep builds when the sources are newer than the jar), so no window waits on a build.
"$here/upkeep" --help >/dev/null
scratch="$(mktemp -d)"
display=":$(( 90 + RANDOM % 400 ))"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
pids+=($!)
export DISPLAY="$display" XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

# Waits for a window whose title matches, up to 60 s.
await_window() {
  for _ in $(seq 120); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "screenshots.sh: no window named '$1' appeared" >&2
  return 1
}

# Small files: 256 colours are plenty for a UI, and the README loads fast.
shoot() {
  import -display "$display" -window root "$scratch/shot.png"
  convert "$scratch/shot.png" -strip -colors 256 "PNG8:$out/$1.png"
  echo "wrote docs/screenshots/$1.png ($(du -k "$out/$1.png" | cut -f1) KB)"
}

key() {
  xdotool key --clearmodifiers "$@"
  sleep 1
}

start_demo() {
  "$here/upkeep" --demo "$@" >"$scratch/upkeep.log" 2>&1 &
  app=$!
  pids+=($app)
  await_window "Demo fleet"
  # Without a window manager the keyboard goes to the window under the pointer: keep it mid-screen, where the
  # main window is, and any dialog over it.
  xdotool mousemove 640 400
  # The demo's first refresh ends by asking about the one demo server whose host key is new: dismiss it (Esc).
  await_window "Unknown host keys"
  sleep "$settle"
  key Escape
  sleep "$settle"
}

# shop-web1, the first row: its details show on the right, and Ctrl+M / Ctrl+U act on it.
select_first_row() {
  xdotool search --onlyvisible --name "Demo fleet" windowfocus 2>/dev/null || true
  xdotool mousemove 260 137 click 1
  sleep "$settle"
  xdotool mousemove 640 400
}

stop_demo() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

# The light window with the manifest editor over it; then the dark one and a run's live logs.
start_demo
select_first_row
shoot main-light
key ctrl+m
await_window "Manifest"
sleep "$settle"
shoot manifest-editor
stop_demo

start_demo --dark
select_first_row
shoot main-dark
xdotool mousemove 632 59 click 1 mousemove 640 400 # the toolbar's Upgrade + reboot
await_window "Upgrade and reboot if required"
sleep $(( settle * 2 )) # its pre-flight (the apt simulation) fills the dialog
# "Run now", bottom right of the dialog (the keyboard's Enter would be Cancel, which has the focus there)
xdotool mousemove 1013 784 click 1 mousemove 640 400
await_window "Run 2"
sleep $(( settle * 3 )) # the upgrade, the reboot and the health check stream into the log
shoot run-live-logs
stop_demo
