# Pre-flight: refresh the package lists and ask apt what an upgrade would install (nothing is changed but the lists).
set -u
apt-get -q -o DPkg::Lock::Timeout="$LOCK_WAIT" update >/dev/null 2>&1 || echo "upkeep: apt-get update failed; showing the lists the server has"
echo "@@upkeep-simulate"
apt-get -s -o Debug::NoLocking=true upgrade 2>/dev/null | grep '^Inst '
dpkg --audit 2>&1 | head -n 20 | sed 's/^/@@upkeep-audit /'
exit 0
