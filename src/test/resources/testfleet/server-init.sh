#!/bin/sh
# PID 1 of one test server, started as `unshare --pid --mount --uts --fork --kill-child sh server-init.sh`.
# Environment: NAME, ROOT (empty mount point), LOWER (overlay lowerdir list), UPPER, WORK, BOOT_ID (file).
# stdin is a pipe from the JVM: when it closes (stop, or the JVM died) this init exits, and the kernel kills
# every process of the server's PID namespace and drops its mounts with its mount namespace. Nothing of a
# server is ever mounted in the host's namespace, so nothing can be left mounted there.
set -eu

mount --make-rprivate /

# The previous run of this server may still be letting go of the same upper/work dirs for a moment.
tries=0
until mount -t overlay overlay -o "lowerdir=$LOWER,upperdir=$UPPER,workdir=$WORK" "$ROOT" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -ge 50 ]; then
        mount -t overlay overlay -o "lowerdir=$LOWER,upperdir=$UPPER,workdir=$WORK" "$ROOT"
    fi
    sleep 0.1
done

mount -t proc proc "$ROOT/proc"
mount --bind "$BOOT_ID" "$ROOT/proc/sys/kernel/random/boot_id"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$ROOT/run"
mkdir -p "$ROOT/run/sshd" "$ROOT/run/lock"
mount --rbind /dev "$ROOT/dev"
mount --rbind /sys "$ROOT/sys"
mount -o remount,bind,ro "$ROOT/sys"
hostname "$NAME"

# A server-side `reboot`/`poweroff` (the stubs in /usr/sbin, see build-rootfs.sh) signals this init; the JVM
# sees exit code 42 (reboot: it starts the server again after the reboot delay) or 43 (power off: stays down).
trap 'exit 0' TERM
trap 'exit 42' USR1
trap 'exit 43' USR2

# Accounts for sudo tests, made at a server's first boot (not in the cached image, which every checkout shares):
# admin, whose sudo asks for its password (TestFleet.SUDO_PASSWORD; the hash is `openssl passwd -6 -salt
# upkeepfleet PASSWORD`, so the password itself never appears in a command line or environment), checked by
# sudo's PAM stack against /etc/shadow; and nopw, whose sudo never asks. Both log in with keys only.
if ! chroot "$ROOT" id -u admin >/dev/null 2>&1; then
    chroot "$ROOT" useradd --create-home --shell /bin/bash --uid 1001 \
        --password '$6$upkeepfleet$ASRhwDhW3jT79OYxJByl2J2a5kzGULTQlaBfEoOmvzBkR.JRabmpB9F.H6Hkv6KDue1tN2pcBn0almEwUCf/80' admin
    chroot "$ROOT" useradd --create-home --shell /bin/bash --uid 1002 --password '*' nopw
    echo 'admin ALL=(ALL:ALL) ALL' > "$ROOT/etc/sudoers.d/admin"
    echo 'nopw ALL=(ALL) NOPASSWD:ALL' > "$ROOT/etc/sudoers.d/nopw"
    chmod 0440 "$ROOT/etc/sudoers.d/admin" "$ROOT/etc/sudoers.d/nopw"
fi

exec 3<&0
chroot "$ROOT" /usr/sbin/sshd -D -e </dev/null &
sshd=$!
( cat <&3 >/dev/null; kill -TERM 1 ) </dev/null &
wait "$sshd" || true
echo "server-init: sshd ended on its own" >&2
exit 3
