# Upkeep restart check: read-only. What still runs old code after an upgrade replaced it on disk: needrestart's batch
# output where it is installed, and Upkeep's own look at every process (shared objects mapped from deleted files, a
# replaced executable) with its systemd unit, or its init script where there is no systemd; and the kernels.
# It sees every process only as root. Lines are data for the parser, never for a shell.
export LC_ALL=C
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# The cgroup that names a process's unit: the named systemd hierarchy on hybrid setups, else the unified one.
upkeep_cgroup() {
  v1= v2=
  while IFS= read -r l; do
    case $l in
      0::*) v2=${l#0::} ;;
      *:name=systemd:*) v1=${l#*:name=systemd:} ;;
    esac
  done 2>/dev/null < "/proc/$1/cgroup"
  printf '%s' "${v1:-${v2:--}}"
}
echo '@@upkeep-restart 1'
printf 'uid=%s\n' "$(id -u)"
if [ -d /run/systemd/system ]; then echo 'systemd=1'; else echo 'systemd=0'; fi
printf 'self=%s\n' "$$"
if [ -e /var/run/reboot-required ]; then echo 'reboot_required=1'; else echo 'reboot_required=0'; fi
echo '@@ancestors'
# Upkeep's own session: this shell and its parents, and their cgroups. What holds them is never restarted.
pid=$$
while [ -n "$pid" ] && [ "$pid" -gt 1 ] 2>/dev/null; do
  printf '%s\t%s\n' "$pid" "$(upkeep_cgroup "$pid")"
  ppid=
  while IFS= read -r l; do case $l in PPid:*) ppid=${l#PPid:} ;; esac; done 2>/dev/null < "/proc/$pid/status"
  pid=$(echo $ppid)
done
if [ "$(id -u)" = 0 ] && command -v needrestart >/dev/null 2>&1; then
  echo '@@needrestart'
  timeout 120 needrestart -b 2>/dev/null | grep '^NEEDRESTART-'
fi
echo '@@deleted'
# pid and path of file-backed mappings of deleted files (path may hold spaces; the last field is "(deleted)")
deleted=$(grep -H ' (deleted)$' /proc/[0-9]*/maps 2>/dev/null | awk '$5 != 0 {
    split($1, p, "/"); path = $6
    for (i = 7; i < NF; i++) path = path " " $i
    print p[3] "\t" path }' | sort -u)
[ -n "$deleted" ] && printf '%s\n' "$deleted"
echo '@@exe'
exe=$(find /proc -mindepth 2 -maxdepth 2 -name exe -lname '* (deleted)' -printf '%h\t%l\n' 2>/dev/null)
[ -n "$exe" ] && printf '%s\n' "$exe"
echo '@@processes'
for pid in $( { printf '%s\n' "$deleted" | cut -f 1; printf '%s\n' "$exe" | cut -f 1 | cut -d / -f 3; } | grep -E '^[0-9]+$' | sort -un); do
  [ "$pid" = "$$" ] && continue
  name= ppid= uid=
  while IFS= read -r l; do
    case $l in Name:*) name=${l#Name:} ;; PPid:*) ppid=${l#PPid:} ;; Uid:*) uid=${l#Uid:} ;; esac
  done 2>/dev/null < "/proc/$pid/status"
  [ -n "$ppid" ] || continue
  set -- $uid
  printf '%s\t%s\t%s\t%s\t%s\n' "$pid" $ppid "${1:--}" "$(upkeep_cgroup "$pid")" "$(echo $name)"
done
echo '@@pidfiles'
# Without systemd, a service is the init script whose pid file names the process.
for f in /run/*.pid /run/*/*.pid; do
  [ -f "$f" ] || continue
  p=
  read -r p 2>/dev/null < "$f"
  case $p in ''|*[!0-9]*) continue ;; esac
  name=${f##*/}
  name=${name%.pid}
  dir=${f%/*}
  dir=${dir##*/}
  for n in "$name" "$dir"; do
    if [ -x "/etc/init.d/$n" ]; then printf '%s\t%s\n' "$p" "$n"; break; fi
  done
done
echo '@@kernel'
printf 'running\t%s\n' "$(uname -r)"
printf 'version\t%s\n' "$(cat /proc/version 2>/dev/null)"
dpkg-query -W -f='image\t${Package}\t${Version}\t${db:Status-Abbrev}\n' 'linux-image-[0-9]*' 2>/dev/null
echo '@@end'
