#!/bin/sh
# Records which classes a command loads, for the class-data archive that the .deb's postinst makes from it: runs the
# app image's own launcher (a status of the built-in demo fleet, in a scratch home, nothing of this machine's user
# read or written) with -XX:DumpLoadedClassList. The list holds class names only, so unlike an archive it does not
# depend on where the image is installed (Java 17 refuses an archive whose class path moved: docs/decisions).
# Usage (the installer build runs it): jpackage/linux/class-list.sh target/jpackage/upkeep
set -eu
image=$1
launcher=$image/bin/upkeep
list=$image/lib/app/upkeep.classlist
if [ ! -x "$launcher" ]; then
  echo "class-list.sh: no $launcher (not a Linux image): no class list" >&2
  exit 0
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Its exit code says what the demo servers need (some need a reboot, so not 0); the list is what counts.
HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_STATE_HOME="$scratch/state" \
  JAVA_TOOL_OPTIONS="-Duser.home=$scratch -XX:DumpLoadedClassList=$list" \
  "$launcher" --demo status --json >"$scratch/out" 2>"$scratch/err" || true
if ! grep -q '^dev/upkeep/cli/StatusJson' "$list" 2>/dev/null || ! grep -q '"kex"' "$scratch/out"; then
  cat "$scratch/err" >&2
  echo "class-list.sh: the app image's status of the demo fleet printed no statuses; no class list" >&2
  exit 1
fi
chmod 644 "$list"
echo "class-list.sh: $(wc -l <"$list") classes in $list" >&2
