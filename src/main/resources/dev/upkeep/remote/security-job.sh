# Security upgrade, part 2: the detached job. Runs as root, owns its log and writes its exit status last, so a
# dropped SSH connection or a cancel never stops dpkg midway. Steps and the lock countdown go into the log.
set -u
exec >>"$LOG" 2>&1
exec 9>"$STATE/security.lock"
flock 9
APT_OPTS="-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o DPkg::Lock::Timeout=$LOCK_WAIT"
finish() {
  echo "$1" > "$STATUS.tmp" && mv -f "$STATUS.tmp" "$STATUS"
  exit "$1"
}
step() {
  echo "@@upkeep step $*"
}

echo "upkeep: security upgrade $RUN_ID on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ), pid $$"
step WAITING_FOR_LOCK
wait_for_locks || finish 11
if [ "$REPAIR" = 1 ] && [ -n "$(dpkg --audit 2>&1)" ]; then
  step UPGRADING repairing dpkg
  echo "upkeep: dpkg --configure -a"
  dpkg --force-confdef --force-confold --configure -a || { echo "upkeep: dpkg --configure -a failed"; finish 14; }
fi
step UPDATING_LISTS
if apt-get -q $APT_OPTS update; then upkeep_lists_fresh; else echo "upkeep: apt-get update reported errors; continuing with the lists it has"; fi
if ! dpkg-query -W -f='${Status}' unattended-upgrades 2>/dev/null | grep -q 'install ok installed'; then
  step UPGRADING installing unattended-upgrades
  apt-get -q -y $APT_OPTS install unattended-upgrades || { echo "upkeep: cannot install unattended-upgrades"; finish 13; }
fi
# From now on the server upgrades itself daily (with its own unattended-upgrades configuration).
printf 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n' > /etc/apt/apt.conf.d/20auto-upgrades.upkeep-new \
  && mv -f /etc/apt/apt.conf.d/20auto-upgrades.upkeep-new /etc/apt/apt.conf.d/20auto-upgrades
# ...but never reboots by itself: servers reboot only through Upkeep's verified, keep-one-up reboot. The file sorts
# after the stock 50unattended-upgrades and local files that may switch Automatic-Reboot on, so its word is the last.
printf '%s\n' '// Written by Upkeep on every security upgrade: servers reboot only through Upkeep (verified, keep one up).' \
  'Unattended-Upgrade::Automatic-Reboot "false";' > /etc/apt/apt.conf.d/99upkeep-no-automatic-reboot.upkeep-new \
  && mv -f /etc/apt/apt.conf.d/99upkeep-no-automatic-reboot.upkeep-new /etc/apt/apt.conf.d/99upkeep-no-automatic-reboot
# This run takes security updates only: a copy of the system's apt configuration plus a last part that replaces
# the allowed origins. APT_CONFIG is read before the parts, so it can point apt at that copy.
conf="$STATE/security-only"
rm -rf "$conf" && mkdir -p "$conf/apt.conf.d" && cp -p /etc/apt/apt.conf.d/* "$conf/apt.conf.d/" 2>/dev/null
cat > "$conf/apt.conf.d/99upkeep-security-only" <<'CONF'
#clear Unattended-Upgrade::Origins-Pattern;
#clear Unattended-Upgrade::Allowed-Origins;
Unattended-Upgrade::Origins-Pattern {
  "origin=Debian,codename=${distro_codename}-security,label=Debian-Security";
  "origin=Debian,codename=${distro_codename},label=Debian-Security";
  "origin=Ubuntu,archive=${distro_codename}-security";
  "origin=UbuntuESMApps,archive=${distro_codename}-apps-security";
  "origin=UbuntuESM,archive=${distro_codename}-infra-security";
};
Dpkg::Options { "--force-confdef"; "--force-confold"; };
Unattended-Upgrade::Automatic-Reboot "false";
CONF
printf 'Dir::Etc::parts "%s/apt.conf.d";\n' "$conf" > "$conf/apt.conf"
offset=$(stat -c %s /var/log/dpkg.log 2>/dev/null || echo 0)
step WAITING_FOR_LOCK
wait_for_locks || finish 11
step UPGRADING unattended-upgrade, security origins only
APT_CONFIG="$conf/apt.conf" unattended-upgrade -v
rc=$?
tail -c +$((offset + 1)) /var/log/dpkg.log 2>/dev/null \
  | awk '$3 == "upgrade" || $3 == "install" { p = $4; sub(/:.*/, "", p); print p, $6 }' > "$UPGRADED"
echo "upkeep: unattended-upgrade exited with $rc"
# needrestart (Ubuntu installs it) ran in apt's hook, in automatic mode (NEEDRESTART_MODE=a), with its output in
# unattended-upgrades' own dpkg log. Ask it once more, list-only, so that the services still running old libraries
# are in this log for people and in the report for the summary.
if command -v needrestart >/dev/null 2>&1; then
  step UPGRADING needrestart, list only
  NEEDRESTART_MODE=l needrestart -r l </dev/null 2>&1 | tee "$RESTART.tmp" | sed 's/^/needrestart: /'
  awk '/^ *systemctl restart /{ for (i = 3; i <= NF; i++) print $i }' "$RESTART.tmp" > "$RESTART" && rm -f "$RESTART.tmp"
fi
finish "$rc"
