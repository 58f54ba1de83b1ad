#!/usr/bin/env bash
# Installs, with apt-get, what the build and the test suite need on a Debian/Ubuntu machine:
# JDK 17 + Maven, OpenSSH (real sshd for the integration tests), debootstrap/gpg/apt-utils (the test fleet's
# root filesystem and signed apt repository), GTK + Xvfb + ImageMagick (the window under a virtual display),
# fakeroot (jpackage's .deb), xdg-utils (the .deb's desktop entry), xdotool + x11-utils (finding its window),
# ansible-core (inventory import is checked against ansible-inventory's own reading).
# Only packages that are missing are installed; without root it only reports what is missing.
set -euo pipefail

packages=(openjdk-17-jdk-headless maven openssh-server openssh-client debootstrap gnupg apt-utils dpkg-dev
          util-linux iproute2 procps xvfb libgtk-3-0 imagemagick fonts-dejavu-core
          fakeroot xdg-utils xdotool x11-utils ansible-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: cannot install ${missing[*]}. Tests that need them will be skipped and say why." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
