# Upkeep reboot state: read-only, no sudo, one round trip. Every line is data for the parser, never for a shell.
# /run/upkeep-reboot/ is written by reboot-issue.sh; /run is emptied by a reboot, so "pending" there means
# the reboot asked for has not happened yet.
export LC_ALL=C
echo '@@upkeep-reboot-state 1'
printf 'boot_id=%s\n' "$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)"
if [ -e /var/run/reboot-required ]; then echo 'reboot_required=yes'; else echo 'reboot_required=no'; fi
if [ -e /run/upkeep-reboot/pending ]; then echo 'pending=yes'; fi
echo '@@reboot_pkgs'
cat /var/run/reboot-required.pkgs 2>/dev/null
echo '@@failed'
cat /run/upkeep-reboot/failed 2>/dev/null
echo '@@end'
