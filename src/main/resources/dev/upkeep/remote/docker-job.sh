# Upkeep Docker upgrade, part 2 of 2: the body of the detached job (job-prologue.sh runs first). Set before this text:
# PKG_VERSION (exact apt version, e.g. 5:24.0.7-1~debian.12~bookworm), TARGET (what `docker version` must then say,
# e.g. 24.0.7), ALLOW_DOWNGRADE (yes/no), RESTART_TIMEOUT (seconds). Installs docker-ce and docker-ce-cli at
# PKG_VERSION, restarts Docker, prints the version the daemon reports. Safe points (a cancel or the time limit stops
# the job there, nothing changed): while waiting for apt/dpkg, and just before dpkg starts. Once dpkg runs it is never
# cut off, and the restart that completes the install follows it. Lines starting with "@@upkeep " are for the parser.

installed() {
    dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$1" 2>/dev/null | sed -n 's/^ii *//p'
}
server_version() {
    timeout 20 docker version --format '{{.Server.Version}}' 2>/dev/null
}

if [ "$(installed docker-ce)" = "$PKG_VERSION" ] && [ "$(installed docker-ce-cli)" = "$PKG_VERSION" ] \
        && [ "$(server_version)" = "$TARGET" ]; then
    echo "@@upkeep already $TARGET"
    exit 0
fi
for p in docker-ce docker-ce-cli; do
    v=$(installed "$p")
    if [ -n "$v" ] && dpkg --compare-versions "$v" gt "$PKG_VERSION" && [ "$ALLOW_DOWNGRADE" != yes ]; then
        echo "@@upkeep refused $p $v"
        exit 3
    fi
done

NEXT="installing docker-ce $PKG_VERSION"
if ! wait_for_locks; then
    echo "@@upkeep error the apt/dpkg lock stayed held for $LOCK_WAIT s; nothing was installed"
    exit 11
fi
safe_point "$NEXT"

# Servers often hold docker-ce so that routine upgrades leave it alone: change it anyway, then hold it again.
held=$(apt-mark showhold 2>/dev/null | grep -x -e docker-ce -e docker-ce-cli)
set -- -y -q --no-install-recommends -o DPkg::Lock::Timeout="$LOCK_WAIT" \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold
if [ "$ALLOW_DOWNGRADE" = yes ]; then set -- "$@" --allow-downgrades; fi
if [ -n "$held" ]; then set -- "$@" --allow-change-held-packages; fi
echo "upkeep: dpkg runs now: a cancel or the time limit takes effect once it has finished (dpkg is never cut off)"
echo "@@upkeep installing"
if ! apt-get install "$@" "docker-ce=$PKG_VERSION" "docker-ce-cli=$PKG_VERSION" 2>&1; then
    echo "@@upkeep error apt-get install docker-ce=$PKG_VERSION docker-ce-cli=$PKG_VERSION failed"
    exit 4
fi
if [ -n "$held" ]; then
    # shellcheck disable=SC2086 # one package name per word, from the list above
    apt-mark hold $held
fi
if [ -e "$CANCEL" ]; then
    echo "upkeep: a cancel came while dpkg ran: the packages are installed; restarting Docker completes the install"
fi

# The restart is bounded: systemd's docker unit has TimeoutStartSec=0, so a daemon that never gets ready would keep
# `systemctl restart` waiting forever.
restart() {
    echo "@@upkeep restart $*"
    timeout "$RESTART_TIMEOUT" "$@" 2>&1
    rc=$?
    if [ "$rc" = 124 ]; then
        echo "@@upkeep error installed, but '$*' did not finish within $RESTART_TIMEOUT s"
        exit 5
    fi
    if [ "$rc" != 0 ]; then
        echo "@@upkeep error installed, but restarting Docker failed ('$*' exited with $rc)"
        exit 5
    fi
}
# systemd when it is PID 1's init; else the SysV script docker-ce ships (what `service` runs without systemd).
if [ -d /run/systemd/system ]; then
    restart systemctl restart docker
elif [ -x /etc/init.d/docker ] && command -v service >/dev/null 2>&1; then
    restart service docker restart
elif [ -x /etc/init.d/docker ]; then
    restart /etc/init.d/docker restart
else
    echo "@@upkeep error installed, but cannot restart Docker: no systemd and no /etc/init.d/docker"
    exit 5
fi

# The daemon may take a moment to answer after a restart.
tries=0
until running=$(server_version) && [ -n "$running" ]; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
        break
    fi
    sleep 1
done
echo "@@upkeep running $running"
