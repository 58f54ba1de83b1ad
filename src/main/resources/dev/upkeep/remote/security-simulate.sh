# Pre-flight: refresh the package lists and ask apt what an upgrade would install (nothing is changed but the lists).
set -u
# A successful update leaves a stamp (as Ubuntu's update-notifier hook does): apt keeps an unchanged Release file's
# mtime, so the status probe reads this to tell fresh lists from stale ones.
upkeep_lists_fresh() {
  mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/update-success-stamp
}
if apt-get -q -o DPkg::Lock::Timeout="$LOCK_WAIT" update >/dev/null 2>&1; then upkeep_lists_fresh; else echo "upkeep: apt-get update failed; showing the lists the server has"; fi
echo "@@upkeep-simulate"
apt-get -s -o Debug::NoLocking=true upgrade 2>/dev/null | grep '^Inst '
dpkg --audit 2>&1 | head -n 20 | sed 's/^/@@upkeep-audit /'
exit 0
