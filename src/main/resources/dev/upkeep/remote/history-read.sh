# Upkeep patch history: read-only. $1 is "recent" (apt's current and last rotated history log) or "all" (every
# rotated log, unattended-upgrades' logs, Upkeep's own job records); $2 the oldest time wanted (epoch seconds, 0 for
# all): rotated logs last written before it are not read; $3 "head" prints only the header lines (uid, clock, zone),
# "body" only the rest (what the patch facts' cache keeps), anything else both. Newest files first, each line prefixed with "|", so that
# a line of a log is never taken for one of the markers. Lines are data for the parser, never for a shell.
export LC_ALL=C
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mode=$1
since=$2
case $since in ''|*[!0-9]*) since=0 ;; esac
# A log and its rotations, newest first: name, name.1, name.1.gz, name.2.gz, …
upkeep_rotations() {
  [ -e "$1" ] && printf '%s\n' "$1"
  for f in "$1".*; do
    [ -e "$f" ] || continue
    n=${f#"$1".}
    n=${n%.gz}
    case $n in ''|*[!0-9]*) continue ;; esac
    printf '%s\t%s\n' "$n" "$f"
  done | sort -n | cut -f 2
}
# The files of a log worth reading: the current one always, rotated ones until the first older than $since.
upkeep_wanted() {
  upkeep_rotations "$1" | while IFS= read -r f; do
    if [ "$mode" = recent ]; then case $f in "$1"|"$1".1|"$1".1.gz) ;; *) continue ;; esac; fi
    if [ "$since" -gt 0 ] && [ "$f" != "$1" ] && [ "$(stat -c %Y "$f" 2>/dev/null || echo 0)" -lt "$since" ]; then break; fi
    printf '%s\n' "$f"
  done
}
upkeep_cat() {
  case $1 in *.gz) zcat -- "$1" ;; *) cat -- "$1" ;; esac
}
part=$3
if [ "$part" != body ]; then
  echo '@@upkeep-history 1'
  printf 'uid=%s\n' "$(id -u)"
  printf 'now=%s\n' "$(date +%s)"
  printf 'offset=%s\n' "$(date +%z)"
  printf 'zone=%s\n' "$(readlink /etc/localtime 2>/dev/null)"
  timezone=
  { read -r timezone < /etc/timezone; } 2>/dev/null
  printf 'timezone=%s\n' "$timezone"
fi
if [ "$part" != head ]; then
apt_logs=$(upkeep_wanted /var/log/apt/history.log)
# Where each package version came from, for the packages the logs name (strict names only reach apt-cache).
echo '@@sources'
apt-cache policy 2>/dev/null
echo '@@policy'
for f in $apt_logs; do [ -r "$f" ] && upkeep_cat "$f" 2>/dev/null; done \
  | grep -E '^(Install|Upgrade|Downgrade|Reinstall): ' | grep -oE '[a-z0-9][a-z0-9+.-]*(:[a-z0-9-]+)? \(' \
  | sed 's/:.*//; s/ ($//' | grep -E '^[a-z0-9][a-z0-9+.-]*$' | sort -u | xargs -r apt-cache policy 2>/dev/null
if [ "$mode" = all ]; then
  echo '@@upkeep-jobs'
  for f in /var/log/upkeep/*.status; do
    [ -f "$f" ] || continue
    code=
    read -r code 2>/dev/null < "$f"
    printf '%s\t%s\t%s\n' "${f##*/}" "$(stat -c %Y "$f")" "$code"
  done
  [ -d /var/log/upkeep ] && [ ! -r /var/log/upkeep ] && echo '@@unreadable /var/log/upkeep'
fi
for f in $apt_logs; do
  if [ -r "$f" ]; then
    printf '@@file apt %s\n' "$f"
    upkeep_cat "$f" 2>/dev/null | sed 's/^/|/'
  else
    printf '@@unreadable %s\n' "$f"
  fi
done
if [ "$mode" = all ]; then
  if [ -d /var/log/unattended-upgrades ] && [ ! -r /var/log/unattended-upgrades ]; then
    echo '@@unreadable /var/log/unattended-upgrades'
  fi
  for f in $(upkeep_wanted /var/log/unattended-upgrades/unattended-upgrades.log); do
    [ -r "$f" ] || { printf '@@unreadable %s\n' "$f"; continue; }
    printf '@@file uu %s\n' "$f"
    upkeep_cat "$f" 2>/dev/null | grep -E 'Starting unattended upgrades|Allowed origins are|Packages that will be upgraded|All upgrades installed|No packages found|ERROR|Installing the upgrades failed' | sed 's/^/|/'
  done
fi
echo '@@end'
fi
