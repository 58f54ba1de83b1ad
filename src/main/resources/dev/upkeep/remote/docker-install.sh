# Upkeep Docker upgrade, part 2 of 2 (as root). Set before this text: PKG_VERSION (exact apt version, e.g.
# 5:24.0.7-1~debian.12~bookworm), TARGET (what `docker version` must then say, e.g. 24.0.7), ALLOW_DOWNGRADE (yes/no).
# Installs docker-ce and docker-ce-cli at PKG_VERSION, restarts Docker, prints the version the daemon reports.
# Lines starting with "@@upkeep " are for the parser.
export LC_ALL=C DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
# A dropped connection must not stop dpkg half way.
trap '' HUP

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

# Servers often hold docker-ce so that routine upgrades leave it alone: change it anyway, then hold it again.
held=$(apt-mark showhold 2>/dev/null | grep -x -e docker-ce -e docker-ce-cli)
set -- -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold
if [ "$ALLOW_DOWNGRADE" = yes ]; then set -- "$@" --allow-downgrades; fi
if [ -n "$held" ]; then set -- "$@" --allow-change-held-packages; fi
if ! apt-get install "$@" "docker-ce=$PKG_VERSION" "docker-ce-cli=$PKG_VERSION" 2>&1; then
    echo "@@upkeep error apt-get install docker-ce=$PKG_VERSION docker-ce-cli=$PKG_VERSION failed"
    exit 4
fi
if [ -n "$held" ]; then
    # shellcheck disable=SC2086 # one package name per word, from the list above
    apt-mark hold $held
fi

# systemd when it is PID 1's init; else the SysV script docker-ce ships (what `service` runs without systemd).
if [ -d /run/systemd/system ]; then
    echo "@@upkeep restart systemctl restart docker"
    systemctl restart docker 2>&1
elif [ -x /etc/init.d/docker ] && command -v service >/dev/null 2>&1; then
    echo "@@upkeep restart service docker restart"
    service docker restart 2>&1
elif [ -x /etc/init.d/docker ]; then
    echo "@@upkeep restart /etc/init.d/docker restart"
    /etc/init.d/docker restart 2>&1
else
    echo "@@upkeep error installed, but cannot restart Docker: no systemd and no /etc/init.d/docker"
    exit 5
fi || { echo "@@upkeep error installed, but restarting Docker failed"; exit 5; }

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
