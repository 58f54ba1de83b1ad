# Upkeep status probe: read-only, no sudo, one round trip. Every line is data for the parser, never for a shell.
export LC_ALL=C
echo '@@upkeep-status 1'
printf 'os=%s\n' "$(sed -n 's/^PRETTY_NAME=//p' /etc/os-release 2>/dev/null | head -n 1)"
# ID, VERSION_ID and VERSION_CODENAME as os-release writes them (quoted or not); the parser unquotes.
for key in ID VERSION_ID VERSION_CODENAME; do
  printf 'os_%s=%s\n' "$key" "$(sed -n "s/^$key=//p" /etc/os-release 2>/dev/null | head -n 1)"
done
# Ubuntu Pro's ESM archives (origin UbuntuESM, UbuntuESMApps) among apt's sources: how many.
printf 'esm_sources=%s\n' "$(apt-cache policy 2>/dev/null | grep -c 'o=UbuntuESM')"
printf 'kernel=%s\n' "$(uname -r)"
printf 'installed_kernel=%s\n' "$(ls -1 /boot 2>/dev/null | sed -n 's/^vmlinuz-//p' | sort -V | tail -n 1)"
printf 'boot_id=%s\n' "$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)"
printf 'uptime=%s\n' "$(cut -d ' ' -f 1 /proc/uptime 2>/dev/null)"
printf 'now=%s\n' "$(date +%s)"
if [ -e /var/run/reboot-required ]; then
  printf 'reboot_required_since=%s\n' "$(stat -c %Y /var/run/reboot-required)"
fi
# apt leaves an unchanged Release file's mtime alone, so also read the stamp that a successful update leaves
# (Ubuntu's update-notifier hook, and Upkeep's own updates, touch it).
printf 'lists_updated=%s\n' "$(stat -c %Y /var/lib/apt/lists/*Release /var/lib/apt/periodic/update-success-stamp 2>/dev/null | sort -n | tail -n 1)"
printf 'uu_status=%s\n' "$(dpkg-query -W -f='${Status}' unattended-upgrades 2>/dev/null)"
printf 'uu_periodic=%s\n' "$(apt-config dump APT::Periodic::Unattended-Upgrade 2>/dev/null | head -n 1)"
if command -v docker >/dev/null 2>&1; then
  printf 'docker=%s\n' "$(timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null || timeout 10 docker --version 2>/dev/null)"
fi
if command -v weave >/dev/null 2>&1; then
  printf 'weave=%s\n' "$(timeout 10 weave version 2>/dev/null | head -n 1)"
fi
echo '@@reboot_pkgs'
cat /var/run/reboot-required.pkgs 2>/dev/null
echo '@@dpkg_audit'
dpkg --audit 2>/dev/null | head -n 20
echo '@@apt'
# Inst lines, and the upgrades apt holds back for Ubuntu's phased updates: apt 2.7+ lists them as "deferred due to
# phasing", older apt (Ubuntu 22.04's) as "kept back", where only apt-cache policy's "(phased N%)" tells them apart
# from packages kept back for other reasons (those are not reported, as before).
apt-get -s -o Debug::NoLocking=true upgrade 2>/dev/null | awk '/^Inst /{ print; next }
  /deferred due to phasing:/{ mode = "Phased"; next }
  /have been kept back:/{ mode = "KeptBack"; next }
  mode != "" && /^ /{ for (i = 1; i <= NF; i++) print mode " " $i; next }
  { mode = "" }' | while read -r kind rest; do
  case $kind in
    KeptBack) apt-cache policy "$rest" 2>/dev/null | grep -q '(phased ' && echo "Phased $rest" ;;
    *) echo "$kind $rest" ;;
  esac
done
echo '@@end'
