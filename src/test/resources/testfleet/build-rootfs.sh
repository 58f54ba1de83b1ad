#!/bin/sh
# Builds the test fleet's shared root filesystem of one Debian release into $1 (a fresh directory):
#   $1/base                          Debian minbase + openssh-server, sudo, curl + the demo packages at 1.0
#   $1/debs/                         unattended-upgrades and the dependencies base lacks (served by the local repo)
#   $1/layers/unattended-upgrades/   an overlay layer over base with unattended-upgrades installed and enabled
# $2 is a directory of .deb files to preinstall on base (the demo packages), $3 the release's codename
# (bookworm, trixie), $4 the Debian archive to fetch from (the test code reads it from this machine's apt sources).
# Runs inside `unshare --mount`, so every mount it makes vanishes with it, even when it fails half way.
# The caller builds into a temporary directory and renames it when this script succeeded.
set -eu

out=$1
preinstall=$2
codename=$3
mirror=$4
base=$out/base
case $out in
    /?*) ;;
    *) echo "build-rootfs.sh: need an absolute output directory, got '$out'" >&2; exit 2 ;;
esac
case $codename in
    *[!a-z]*|'') echo "build-rootfs.sh: not a release codename: '$codename'" >&2; exit 2 ;;
esac

mount --make-rprivate /
mkdir -p "$out/debs" "$out/layers"

debootstrap --variant=minbase --include=openssh-server,sudo,curl "$codename" "$base" "$mirror"

in_base() { chroot "$base" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }

# Accounts: root and deploy log in with keys only; '*' keeps sshd from calling them locked.
in_base useradd --create-home --shell /bin/bash --uid 1000 deploy
in_base usermod -p '*' root
in_base usermod -p '*' deploy
echo 'deploy ALL=(ALL) NOPASSWD:ALL' > "$base/etc/sudoers.d/deploy"
chmod 0440 "$base/etc/sudoers.d/deploy"

# Every server gets its own host keys at start; none are shared through the image.
rm -f "$base"/etc/ssh/ssh_host_*

# No systemd in the image: reboot, poweroff, shutdown and `systemctl reboot` ask the server's init (PID 1 of
# its PID namespace, server-init.sh) to end; the test fleet then brings the server back with a new boot id.
# rm first: were any of these a symlink, cp would write through it to whatever it points at.
stubs=$(dirname "$0")/power-stubs
for target in /usr/local/sbin/upkeep-fleet-power /usr/sbin/reboot /usr/sbin/poweroff /usr/sbin/shutdown \
        /usr/bin/systemctl; do
    rm -f "$base$target"
    cp "$stubs/$(basename "$target")" "$base$target"
    chmod 0755 "$base$target"
done

# Fetch unattended-upgrades with what base lacks, for the local repo ("install if absent" is a real install).
in_base apt-get clean
in_base apt-get update
in_base apt-get install --download-only --yes --no-install-recommends unattended-upgrades
mv "$base"/var/cache/apt/archives/*.deb "$out/debs/"

# The demo packages at their installed versions.
mkdir "$base/tmp/preinstall"
cp "$preinstall"/*.deb "$base/tmp/preinstall/"
in_base sh -c 'dpkg -i /tmp/preinstall/*.deb'
rm -rf "$base/tmp/preinstall"

# Servers must never reach the internet: the only apt source is the fleet's own, written per server at start.
rm -f "$base/etc/apt/sources.list" "$base"/etc/apt/sources.list.d/*
in_base apt-get clean
rm -rf "$base"/var/lib/apt/lists/*

# Layer: unattended-upgrades installed and enabled daily, for servers that start with it.
layer=$out/layers/unattended-upgrades
mkdir -p "$layer" "$out/work" "$out/mnt"
mount -t overlay overlay -o "lowerdir=$base,upperdir=$layer,workdir=$out/work" "$out/mnt"
mount -t proc proc "$out/mnt/proc"
mkdir "$out/mnt/tmp/debs"
cp "$out"/debs/*.deb "$out/mnt/tmp/debs/"
chroot "$out/mnt" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get install --yes --no-install-recommends /tmp/debs/*.deb'
rm -rf "$out/mnt/tmp/debs"
cat > "$out/mnt/etc/apt/apt.conf.d/20auto-upgrades" <<'EOF'
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
EOF
umount "$out/mnt/proc"
umount "$out/mnt"
rm -rf "$out/work" "$out/mnt"
echo "rootfs built in $out"
