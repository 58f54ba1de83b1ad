# Upkeep: reboot this server (run as root). Marks the request in /run (a reboot empties it), then reboots from a
# detached process a second later, so that this command returns before the SSH connection drops.
# systemctl reboot first; shutdown -r now where there is no systemd (or it refuses). If both fail, the reason is
# left in /run/upkeep-reboot/failed, where the waiting side reads it.
export LC_ALL=C
mkdir -p /run/upkeep-reboot || exit 1
cat /proc/sys/kernel/random/boot_id > /run/upkeep-reboot/pending || exit 1
rm -f /run/upkeep-reboot/failed /run/upkeep-reboot/err
cmd='sleep 1
if command -v systemctl >/dev/null 2>&1 && systemctl reboot 2>/run/upkeep-reboot/err; then exit 0; fi
if shutdown -r now 2>>/run/upkeep-reboot/err; then exit 0; fi
{ cat /run/upkeep-reboot/err; echo "neither systemctl reboot nor shutdown -r now worked"; } > /run/upkeep-reboot/failed'
if command -v setsid >/dev/null 2>&1; then
  setsid nohup sh -c "$cmd" </dev/null >/dev/null 2>&1 &
else
  nohup sh -c "$cmd" </dev/null >/dev/null 2>&1 &
fi
echo 'reboot scheduled'
