# Upkeep package upgrade (CVE day): upgrades only the named, installed packages to apt's candidate, as root. The
# names are set before this text as NAMES (validated package names, quoted); LOCK_WAIT too. Nothing else is upgraded
# beyond what the new versions depend on; packages not installed are never installed (--only-upgrade).
export LC_ALL=C DEBIAN_FRONTEND=noninteractive PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
versions() {
  for n in $NAMES; do
    v=$(dpkg-query -W -f='${Version} ${db:Status-Abbrev}' "$n" 2>/dev/null)
    case "$v" in *" ii"*) echo "upkeep-version $1 $n ${v%% *}" ;; esac
  done
}
versions before
wait_for_locks || exit 75
# the lock may be taken between the check and apt: apt waits for it too, up to the same time
apt-get install -y -q --only-upgrade -o DPkg::Lock::Timeout="$LOCK_WAIT" \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -- $NAMES </dev/null 2>&1
rc=$?
versions after
[ -f /var/run/reboot-required ] && echo "upkeep-reboot-required $(tr '\n' ' ' < /var/run/reboot-required.pkgs 2>/dev/null)"
exit $rc
