# Upkeep Weave upgrade: the body of the detached job (job-prologue.sh runs first). Set before this text: VERSION
# (e.g. 2.8.1), URL (https, where its script is), SHA256 (the script's expected SHA-256, lowercase hex) and
# RESTART_TIMEOUT (seconds). Downloads the script over https only to a temporary directory, checks its SHA-256 and
# its SCRIPT_VERSION, installs it as /usr/local/bin/weave (atomic rename), restarts a running Weave router with the
# peers it had, prints what `weave version` says after. The safe point (a cancel or the time limit stops the job there,
# nothing changed) is just before Weave is stopped. Lines starting with "@@upkeep " are for the parser.
# Peers are split into words below: no globbing, ever.
set -f
fail() {
    echo "@@upkeep error $1"
    exit "${2:-2}"
}

# A download cut off by the time limit (curl's exit 28 when the limit bounded it) is reported as that; a cancel that
# came meanwhile stops the job here; anything else is the failure it is.
download_failed() {
    if [ "$1" = 28 ] && [ "$bound" = limit ]; then
        echo "upkeep: the time limit of $LIMIT s was reached while downloading: nothing was changed"
        echo "@@upkeep timeout installing Weave $VERSION"
        exit 21
    fi
    safe_point "installing Weave $VERSION"
    fail "download failed: $URL"
}

tmp=$(mktemp -d /tmp/upkeep-weave.XXXXXX) || fail "cannot create a temporary directory"
CLEANUP=$tmp
safe_point "downloading Weave $VERSION"
max=$(left)
bound=limit
if [ "$max" -gt 600 ]; then
    max=600
    bound=curl
fi
# https only, redirects included (curl); wget cannot hold a redirect to https, so it follows none.
if command -v curl >/dev/null 2>&1; then
    curl -fsSL --globoff --proto =https --proto-redir =https --max-filesize 10485760 \
        --connect-timeout 30 --max-time "$max" -o "$tmp/weave" "$URL" 2>&1 || download_failed $?
elif command -v wget >/dev/null 2>&1; then
    wget -q --https-only --max-redirect=0 --timeout="$max" -O "$tmp/weave" "$URL" 2>&1 || download_failed $?
else
    fail "neither curl nor wget is installed on the server: install one of them to download Weave"
fi

got=$(sha256sum "$tmp/weave" | cut -d ' ' -f 1)
if [ "$got" != "$SHA256" ]; then
    fail "the download from $URL has SHA-256 $got, not the $SHA256 expected for Weave $VERSION; nothing changed" 7
fi
case "$(head -c 2 "$tmp/weave")" in
    '#!') ;;
    *) fail "the download from $URL is not a shell script" 3 ;;
esac
found=$(head -n 30 "$tmp/weave" | sed -n 's/^SCRIPT_VERSION="\([0-9A-Za-z.+~-]*\)"$/\1/p' | head -n 1)
if [ "$found" != "$VERSION" ]; then
    fail "the download from $URL is not the Weave script $VERSION (its SCRIPT_VERSION is ${found:-missing})" 3
fi
echo "upkeep: the download is the Weave script $VERSION, SHA-256 $got as expected"

# What runs now, with the script installed now (it knows its own router).
before=""
how=none
targets=""
if command -v weave >/dev/null 2>&1; then
    before=$(weave version 2>/dev/null | sed -n 's/^weave script //p' | head -n 1)
    if [ -d /run/systemd/system ] && systemctl is-active --quiet weave 2>/dev/null; then
        how=systemd
    elif targets=$(weave status targets 2>/dev/null); then
        how=relaunch
    fi
fi
echo "@@upkeep before ${before:-none}"
echo "@@upkeep restart $how"
for peer in $targets; do
    case "$peer" in
        -* | *[!A-Za-z0-9.:_-]*) fail "'weave status targets' listed something that is not a peer address; nothing changed" 4 ;;
    esac
    echo "@@upkeep peer_before $peer"
done

if [ "$before" = "$VERSION" ] && cmp -s "$tmp/weave" /usr/local/bin/weave; then
    router=$(weave version 2>/dev/null | sed -n 's/^weave \([0-9][0-9.]*\)$/\1/p' | head -n 1)
    if [ "$how" = none ] || [ "$router" = "$VERSION" ]; then
        echo "@@upkeep already $VERSION"
        exit 0
    fi
fi

safe_point "stopping Weave to install $VERSION"
echo "upkeep: installing Weave $VERSION now: a cancel or the time limit takes effect once Weave runs again"
if [ "$how" = relaunch ]; then
    weave stop 2>&1 || fail "weave stop failed; the old script is still installed" 5
fi
mkdir -p /usr/local/bin
cp "$tmp/weave" /usr/local/bin/.weave.upkeep-new \
    && chmod 0755 /usr/local/bin/.weave.upkeep-new \
    && mv -f /usr/local/bin/.weave.upkeep-new /usr/local/bin/weave \
    || fail "cannot install /usr/local/bin/weave" 5
echo "@@upkeep installed /usr/local/bin/weave"
case "$how" in
    systemd)
        timeout "$RESTART_TIMEOUT" systemctl restart weave 2>&1 \
            || fail "installed, but systemctl restart weave failed or did not finish within $RESTART_TIMEOUT s" 6 ;;
    # shellcheck disable=SC2086 # the peers checked above, one per word
    relaunch) /usr/local/bin/weave launch $targets 2>&1 || fail "installed, but weave launch failed: Weave is stopped" 6 ;;
esac

/usr/local/bin/weave version 2>&1 | sed -n 's/^weave script \(.*\)$/@@upkeep script \1/p; s/^weave \([0-9][0-9.]*\)$/@@upkeep router \1/p'
if [ "$how" != none ]; then
    for peer in $(/usr/local/bin/weave status targets 2>/dev/null); do
        echo "@@upkeep peer_after $peer"
    done
fi
