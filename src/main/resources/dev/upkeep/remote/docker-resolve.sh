# Upkeep Docker upgrade, part 1 of 2 (changes nothing but apt's lists): refresh the package lists when
# UPDATE_LISTS=yes (as root), then print what apt offers for docker-ce and what is installed and running. With
# UPDATE_LISTS=no it only reads, as any user (the pre-flight preview). Lines starting with "@@upkeep " are for the
# parser; everything else is the server's own output, for the log.
export LC_ALL=C DEBIAN_FRONTEND=noninteractive
if ! command -v apt-get >/dev/null 2>&1; then
    echo "@@upkeep error apt-get not found: Docker upgrades need a Debian or Ubuntu server"
    exit 2
fi
if [ "$UPDATE_LISTS" = yes ] && ! apt-get -q -o DPkg::Lock::Timeout=300 update 2>&1; then
    echo "@@upkeep warning apt-get update failed: using the package lists as they were"
fi
apt-cache madison docker-ce 2>/dev/null | sed 's/^/@@upkeep madison /'
for p in docker-ce docker-ce-cli; do
    printf '@@upkeep installed %s %s\n' "$p" "$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$p" 2>/dev/null | sed -n 's/^ii *//p')"
done
if command -v docker >/dev/null 2>&1; then
    printf '@@upkeep running %s\n' "$(timeout 20 docker version --format '{{.Server.Version}}' 2>/dev/null)"
fi
