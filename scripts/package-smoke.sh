#!/usr/bin/env bash
# The installed program, as a user gets it: builds the app image and the .deb (mvn -Pinstaller), installs the .deb
# (dpkg -i; missing dependencies with apt-get -f), checks the command line, the runtime (SSH keys, TLS, JavaFX
# natives), the desktop entry's command and `upkeep --demo --smoke-test` under Xvfb, then removes the package.
# Needs root (dpkg). ./test runs it after the suite; by hand: scripts/package-smoke.sh (also --no-build to reuse
# target/jpackage). Writes its evidence (screenshot, timings, logs) to target/package-smoke/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/target/package-smoke"
launcher=/opt/upkeep/bin/upkeep
runtime=/opt/upkeep/lib/runtime

say() { echo "package-smoke: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
# Any state but absent (installed, half-configured, config files left…).
known_to_dpkg() { dpkg-query -W -f='${db:Status-Status}' upkeep 2>/dev/null | grep -qv '^not-installed$'; }

[ "$(id -u)" -eq 0 ] || fail "needs root to install the .deb (dpkg -i)"
known_to_dpkg && fail "a package named upkeep is already on this machine; remove it first (dpkg -P upkeep)"
if [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64; fi
rm -rf "$out" && mkdir -p "$out"

xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if known_to_dpkg; then dpkg -P upkeep >/dev/null 2>&1 || say "could not remove the package: dpkg -P upkeep"; fi
}
trap cleanup EXIT

# --- Build ------------------------------------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
  say "building the app image and the .deb (mvn -Pinstaller package)"
  # Same files as a release .deb, packed with gzip -1 instead of dpkg-deb's xz: xz took minutes on a loaded 2-core
  # machine and the smoke test is about what is installed, not how small the download is.
  export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1
  t0=$(date +%s)
  mvn -B -q -Pinstaller -DskipTests package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/jpackage/test-classpath.txt
  say "built in $(( $(date +%s) - t0 )) s"
fi
deb=$(ls target/jpackage/upkeep_*.deb)
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail "$deb does not depend on libgtk-3-0: $(dpkg-deb -f "$deb" Depends)"
say "$(basename "$deb"): $(( $(stat -c %s "$deb") / 1024 )) KiB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"

# --- Install scripts leave a foreign /usr/bin/upkeep alone --------------------------------------------------------
if [ ! -e /usr/bin/upkeep ] && [ ! -L /usr/bin/upkeep ]; then
  printf '#!/bin/sh\necho not upkeep\n' > /usr/bin/upkeep
  chmod 755 /usr/bin/upkeep
  foreign_ok=true
  { dpkg -i "$deb" || apt-get install -f -y -q; } >"$out/dpkg-foreign.log" 2>&1 || foreign_ok=false
  [ "$(/usr/bin/upkeep)" = "not upkeep" ] || foreign_ok=false
  dpkg -P upkeep >>"$out/dpkg-foreign.log" 2>&1 || foreign_ok=false
  [ "$(/usr/bin/upkeep)" = "not upkeep" ] || foreign_ok=false
  rm -f /usr/bin/upkeep
  $foreign_ok || { tail -5 "$out/dpkg-foreign.log" >&2; fail "install or removal with a foreign /usr/bin/upkeep failed or touched it (see $out/dpkg-foreign.log)"; }
  say "a /usr/bin/upkeep that is not ours survives install and removal"
fi

# --- Install ----------------------------------------------------------------------------------------------------
if ! dpkg -i "$deb" >"$out/dpkg.log" 2>&1; then
  say "dpkg -i did not finish (missing dependencies?); apt-get install -f"
  apt-get install -f -y -q >>"$out/dpkg.log" 2>&1 || { tail -5 "$out/dpkg.log" >&2; fail "could not install $deb (see $out/dpkg.log)"; }
fi
dpkg-query -W -f='${Status}' upkeep | grep -q "install ok installed" || fail "upkeep is not installed (see $out/dpkg.log)"
[ "$(readlink /usr/bin/upkeep)" = "$launcher" ] || fail "/usr/bin/upkeep is not a link to $launcher"
desktop=$(grep -l "^Exec=$launcher" /usr/share/applications/*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications starts $launcher"
grep -q '^Categories=System;Monitor;$' "$desktop" || fail "$desktop: Categories is not System;Monitor;"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$icon" ] || fail "$desktop: its icon $icon is not installed"
cmp -s "$icon" icons/upkeep-256.png || fail "$desktop: its icon $icon is not Upkeep's icon"
say "installed: $launcher, /usr/bin/upkeep, $desktop (icon $icon)"

# A private home: nothing of this machine's user is read or written. Java takes its home from the password
# database, not $HOME, hence user.home (JAVA_TOOL_OPTIONS: the JVM reads it whatever launched it).
home=$(mktemp -d)
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_STATE_HOME="$home/.local/state" JAVA_TOOL_OPTIONS="-Duser.home=$home"

# --- The command line through the installed launcher: arguments pass through, exit codes intact --------------------
[ "$(command -v upkeep)" = /usr/bin/upkeep ] || fail "upkeep on the PATH is $(command -v upkeep || echo nothing), not /usr/bin/upkeep"
upkeep --help >"$out/help.txt" || fail "upkeep --help exited $?"
grep -q '^Usage: upkeep' "$out/help.txt" || fail "upkeep --help printed no usage"
set +e
upkeep status >"$out/status.txt" 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "upkeep status without a workspace exited $rc, expected 2 (bad input)"
grep -q "no such workspace file" "$out/status.txt" || fail "upkeep status did not say why: $(cat "$out/status.txt")"
printf 'production:\n  docker:\n    configuration:\n      docker_version: "24.0.7; rm -rf /"\n' >"$home/Manifest.yml"
set +e
upkeep manifest validate "$home/Manifest.yml" >"$out/validate.txt" 2>&1; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "upkeep manifest validate of a bad manifest exited $rc, expected 2"
grep -q "Manifest.yml:4:" "$out/validate.txt" || fail "the validation error does not name the line: $(cat "$out/validate.txt")"
say "command line: --help 0, status without a workspace 2, bad manifest 2 with its line"

# --- The class-data archive postinst made: commands map it; one that does not match is ignored, quietly ----------
archive=/opt/upkeep/lib/app/upkeep-cli.jsa
[ -s "$archive" ] || fail "postinst made no class-data archive $archive"
[ "$(stat -c %a "$archive")" = 644 ] || fail "$archive is $(stat -c %a "$archive"), not 644"
# -Xshare:on makes a start fail when the archive cannot be mapped for the installed class path (the launcher's
# -Xlog:disable turns off any log output asked for here, so the class-load log cannot show it).
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:on" upkeep --version >"$out/share-on.txt" 2>&1 \
  || fail "the installed launcher cannot map $archive: $(tail -3 "$out/share-on.txt")"
# CPU time (user + system) of upkeep --help with the archive and without it (-Xshare:off), in turn, three times each.
cpu_ms() { local TIMEFORMAT='%3U %3S'; { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{printf "%d", ($1 + $2) * 1000}'; }
with=(); without=()
for _ in 1 2 3; do
  with+=("$(cpu_ms upkeep --help)")
  without+=("$(JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:off" cpu_ms upkeep --help)")
done
say "upkeep --help CPU: with the archive ${with[*]} ms, without (-Xshare:off) ${without[*]} ms"
echo "help_cpu_ms_with_archive=${with[*]} help_cpu_ms_without=${without[*]}" >"$out/help-cpu.txt"
cp "$archive" "$out/archive.jsa"
printf 'not a class-data archive' >"$archive"
[ "$(upkeep --version 2>/dev/null)" = "upkeep 0.1.0" ] || fail "a garbage $archive changed what upkeep --version prints"
cp "$out/archive.jsa" "$archive"
touch -d '2001-01-01' "$out/archive.jsa" && touch -r "$out/archive.jsa" /opt/upkeep/lib/app/upkeep.jar
[ "$(upkeep --version 2>"$out/stale-archive.txt")" = "upkeep 0.1.0" ] \
  || fail "an archive of other jars changed what upkeep --version prints (JVM warnings belong on stderr)"
rm -f "$out/archive.jsa"
say "class-data archive: mapped (-Xshare:on starts); a garbage or stale one is ignored, stdout unchanged"

# --- Inside the installed runtime: modules, natives, SSH keys against a real sshd, TLS -----------------------------
# The test class path without Maven's JavaFX jars: JavaFX comes from the runtime only.
test_cp=$(tr ':' '\n' <target/jpackage/test-classpath.txt | grep -v '/org/openjfx/' | paste -sd:)
"$runtime/bin/java" -Dupkeep.packagedRuntime="$runtime" -cp "target/test-classes:target/classes:$test_cp" \
    dev.upkeep.packaging.RunTestsInThisJvm dev.upkeep.packaging.PackagedRuntimeTest \
    dev.upkeep.ssh.KeyAuthenticationTest dev.upkeep.remote.HealthCheckHttpsTest >"$out/runtime-tests.txt" 2>&1 \
  || { cat "$out/runtime-tests.txt" >&2; fail "tests inside the packaged runtime failed"; }
say "inside the packaged runtime: $(grep -E 'tests successful' "$out/runtime-tests.txt" | tr -s ' []')"

# --- No display: a clear error, not a hang ---------------------------------------------------------------------
set +e
env -u DISPLAY timeout 60 upkeep >"$out/no-display.txt" 2>&1; rc=$?
set -e
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || fail "without a display upkeep exited $rc (124: hung)"
grep -qi "display" "$out/no-display.txt" || fail "without a display upkeep did not say so: $(tail -3 "$out/no-display.txt")"
say "without a display: exit $rc, saying so"

# --- Under Xvfb -------------------------------------------------------------------------------------------------
coproc XVFB { exec Xvfb -displayfd 1 -screen 0 1440x900x24 -nolisten tcp 2>"$out/xvfb.log"; }
xvfb_pid=$XVFB_PID
read -r -t 30 -u "${XVFB[0]}" display || fail "Xvfb did not start (see $out/xvfb.log)"
export DISPLAY=":$display"

# Waits until a visible window named Upkeep… exists while $app_pid runs; prints the milliseconds it took. The
# deadlines are generous: on the shared 2-core machine under a load average of 20 the first frame took 38 s.
await_window() {
  local t0=$1 deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if xdotool search --onlyvisible --name '^Upkeep' >/dev/null 2>&1; then
      echo $(( ($(date +%s%N) - t0) / 1000000 )); return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# The desktop entry's command, as the menu runs it (field codes such as %U dropped: no files are passed).
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed 's/ *%[fFuUik]//g')
t0=$(date +%s%N)
JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Dupkeep.log.level=INFO" $exec_line >"$out/desktop-start.log" 2>&1 &
app_pid=$!
window_ms=$(await_window "$t0" 180) || { cat "$out/desktop-start.log" >&2; fail "the desktop entry's command ($exec_line) opened no window"; }
frame_ms=""
for _ in $(seq 1 100); do
  frame_ms=$(sed -n 's/.*first frame \([0-9]*\) ms after process start.*/\1/p' "$out/desktop-start.log")
  [ -n "$frame_ms" ] && break
  sleep 0.1
done
window=$(xdotool search --onlyvisible --name '^Upkeep' | head -1)
wm_class=$(xprop -id "$window" WM_CLASS 2>/dev/null || true)
# The icon a taskbar shows. JavaFX on GTK hands the window manager one of the window's icons (128 px here).
icon_size=$(xprop -id "$window" _NET_WM_ICON 2>/dev/null | grep -o 'Icon ([0-9]* x [0-9]*)' | head -1 | tr -dc '0-9 ' | cut -d' ' -f2)
# The window has drawn its content once it is more than a blank rectangle (the first screenshot can precede the paint).
colours=0
for _ in $(seq 1 300); do
  import -window root "$out/desktop-start.png" 2>/dev/null || true
  colours=$(identify -format '%k' "$out/desktop-start.png" 2>/dev/null || echo 0)
  [ "$colours" -ge 50 ] && break
  sleep 0.2
done
[ "$colours" -ge 50 ] || fail "the window stayed blank ($colours colours; see $out/desktop-start.png)"
kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
app_pid=""
[ -d "$home/.openjfx" ] && fail "JavaFX unpacked native libraries to ~/.openjfx: $(find "$home/.openjfx" | head -3)"
grep -q "^StartupWMClass=" "$desktop" && ! echo "$wm_class" | grep -q "\"$(sed -n 's/^StartupWMClass=//p' "$desktop")\"" \
  && fail "the window's $wm_class does not match the desktop entry's StartupWMClass"
case " 16 24 32 48 64 128 256 512 " in *" ${icon_size:-none} "*) ;; *) fail "the window gives the window manager no icon of Upkeep's sizes (_NET_WM_ICON: ${icon_size:-none})";; esac
say "desktop entry: window after ${window_ms} ms (icon ${icon_size} px), first frame ${frame_ms:-?} ms after process start; screenshot $out/desktop-start.png"
echo "deb_kib=$(( $(stat -c %s "$deb") / 1024 )) installed_kib=$(dpkg-deb -f "$deb" Installed-Size) window_ms=$window_ms first_frame_ms=${frame_ms:-}" >"$out/figures.txt"

# The demo smoke test: the demo's first refresh, then a security upgrade of one demo server, then exit 0.
t0=$(date +%s%N)
upkeep --demo --smoke-test >"$out/smoke-test.log" 2>&1 &
app_pid=$!
seen=$(await_window "$t0" 240) || seen=""
set +e
wait "$app_pid"; rc=$?
set -e
app_pid=""
[ -n "$seen" ] || { tail -20 "$out/smoke-test.log" >&2; fail "upkeep --demo --smoke-test showed no window"; }
[ "$rc" -eq 0 ] || { tail -20 "$out/smoke-test.log" >&2; fail "upkeep --demo --smoke-test exited $rc"; }
say "upkeep --demo --smoke-test: window after ${seen} ms, exit 0 after $(( ($(date +%s%N) - t0) / 1000000 )) ms"

# --- Remove -----------------------------------------------------------------------------------------------------
dpkg -r upkeep >>"$out/dpkg.log" 2>&1 || { tail -5 "$out/dpkg.log" >&2; fail "dpkg -r upkeep failed (see $out/dpkg.log)"; }
[ ! -e /usr/bin/upkeep ] && [ ! -L /usr/bin/upkeep ] || fail "/usr/bin/upkeep is still there after dpkg -r"
[ ! -e "$desktop" ] || fail "$desktop is still there after dpkg -r"
[ ! -e /opt/upkeep ] || fail "/opt/upkeep is still there after dpkg -r"
dpkg -P upkeep >>"$out/dpkg.log" 2>&1
rm -rf "$home"
say "removed: no /usr/bin/upkeep, no desktop entry, no /opt/upkeep. Passed."
