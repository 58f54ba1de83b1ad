# Upkeep status probe: read-only (but for its own cache file), no sudo, one round trip. Every line is data for the
# parser, never for a shell. The caller sets UPKEEP_PROBE_ID (a hash of this text) and UPKEEP_STATUS_CACHE
# (use: answer from the cache when nothing changed; refresh: recompute and rewrite it; off: neither read nor write).
# The cheap lines are read with the shell's builtins: each process costs the server about a millisecond of CPU.
export LC_ALL=C
umask 077
echo '@@upkeep-status 1'
os= os_id= os_version= os_codename=
{ while IFS='=' read -r key value || [ -n "$key" ]; do
  case $key in
    PRETTY_NAME) [ -n "$os" ] || os=$value ;;
    ID) [ -n "$os_id" ] || os_id=$value ;;
    VERSION_ID) [ -n "$os_version" ] || os_version=$value ;;
    VERSION_CODENAME) [ -n "$os_codename" ] || os_codename=$value ;;
  esac
done < /etc/os-release; } 2>/dev/null
# ID, VERSION_ID and VERSION_CODENAME as os-release writes them (quoted or not); the parser unquotes.
printf 'os=%s\nos_ID=%s\nos_VERSION_ID=%s\nos_VERSION_CODENAME=%s\n' "$os" "$os_id" "$os_version" "$os_codename"
kernel= boot_id= uptime=
{ read -r kernel < /proc/sys/kernel/osrelease; } 2>/dev/null
printf 'kernel=%s\n' "$kernel"
installed=
for image in /boot/vmlinuz-*; do
  [ -e "$image" ] || [ -L "$image" ] || continue
  installed="$installed${installed:+
}${image#/boot/vmlinuz-}"
done
case $installed in *"
"*) installed=$(printf '%s\n' "$installed" | sort -V | tail -n 1) ;; esac
printf 'installed_kernel=%s\n' "$installed"
{ read -r boot_id < /proc/sys/kernel/random/boot_id; } 2>/dev/null
{ read -r uptime _ < /proc/uptime; } 2>/dev/null
printf 'boot_id=%s\nuptime=%s\n' "$boot_id" "$uptime"
now=$(date +%s)
printf 'now=%s\n' "$now"

# The expensive answers: everything below depends only on what cache_key lists.
expensive() {
  # Ubuntu Pro's ESM archives (origin UbuntuESM, UbuntuESMApps) among apt's sources: how many.
  printf 'esm_sources=%s\n' "$(apt-cache policy 2>/dev/null | grep -c 'o=UbuntuESM')"
  printf 'uu_status=%s\n' "$(dpkg-query -W -f='${Status}' unattended-upgrades 2>/dev/null)"
  printf 'uu_periodic=%s\n' "$(apt-config dump APT::Periodic::Unattended-Upgrade 2>/dev/null | head -n 1)"
  if command -v docker >/dev/null 2>&1; then
    # The daemon's version, else the client's: without a daemon `docker version` prints an empty line, then fails.
    printf 'docker=%s\n' "$({ timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null ||
      timeout 10 docker --version 2>/dev/null; } | grep -m 1 .)"
  fi
  if command -v weave >/dev/null 2>&1; then
    printf 'weave=%s\n' "$(timeout 10 weave version 2>/dev/null | head -n 1)"
  fi
  echo '@@dpkg_audit'
  dpkg --audit 2>/dev/null | head -n 20
  echo '@@apt'
  # Inst lines, and the upgrades apt holds back for Ubuntu's phased updates: apt 2.7+ lists them as "deferred due to
  # phasing", older apt (Ubuntu 22.04's) as "kept back", where only apt-cache policy's "(phased N%)" tells them apart
  # from packages kept back for other reasons (those are not reported, as before).
  apt-get -s -o Debug::NoLocking=true upgrade 2>/dev/null | awk '/^Inst /{ print; next }
    /deferred due to phasing:/{ mode = "Phased"; next }
    /have been kept back:/{ mode = "KeptBack"; next }
    mode != "" && /^ /{ for (i = 1; i <= NF; i++) print mode " " $i; next }
    { mode = "" }' | while read -r kind rest; do
    case $kind in
      KeptBack) apt-cache policy "$rest" 2>/dev/null | grep -q '(phased ' && echo "Phased $rest" ;;
      *) echo "$kind $rest" ;;
    esac
  done
}


# One find lists every file the answers depend on (inode, size, mtime, ctime in ns, mode): dpkg's database, apt's
# lists and whole configuration (sources, preferences, apt.conf.d), the machine id (phasing), the Docker and Weave
# binaries, the Docker daemon's socket and pid file (a restarted daemon), plus the reboot flag and the cache itself.
# ctime catches a file rewritten with its old size and mtime (touch -r; apt gives lists the server's Last-Modified).
stamps() {
  tools=
  for tool in docker dockerd weave; do
    where=$(command -v "$tool" 2>/dev/null) && tools="$tools $where"
  done
  # shellcheck disable=SC2086 # the tools' paths are words from command -v
  find -L /var/lib/dpkg/status /var/lib/dpkg/updates /var/lib/dpkg/arch /var/lib/dpkg/diversions \
    /var/lib/apt/extended_states /var/lib/apt/lists /var/lib/apt/periodic/update-success-stamp /etc/apt \
    ${APT_CONFIG:+"$APT_CONFIG"} /etc/machine-id /run/docker.sock /run/docker.pid $tools /var/run/reboot-required \
    ${cache_dir:+"$cache_dir"} -maxdepth 2 -printf '%i %s %T@ %C@ %m %p\n' 2>/dev/null
}

# read: prints reboot_required_since, lists_updated and cache=…; on a hit the cached answers too (exit 0), else saves
# the key for the write (exit 1). write: prints the new cache file when the key still holds and the answers are
# well-formed (exit 0). The key is the stamps but the cache's own and the reboot flag's (those are read fresh).
# Only a state whose stamps are two seconds older than the probe is saved: a file changed within the same timestamp
# tick as its key was read can never pass for the unchanged one. A cache that is not exactly this shape (garbage,
# truncated, over-large, another key) is never printed.
CACHE_AWK='
function wellformed(n, lines,   i, s) {
  s = 0
  for (i = 1; i <= n; i++) {
    if (s == 0 && lines[i] ~ /^(esm_sources|uu_status|uu_periodic|docker|weave)=/) continue
    if (s == 0 && lines[i] == "@@dpkg_audit") { s = 1; continue }
    if (s == 1 && lines[i] == "@@apt") { s = 2; continue }
    if (s == 1 && lines[i] !~ /^@@/) continue
    if (s == 2 && lines[i] ~ /^(Inst|Phased) [^ ]/) continue
    return 0
  }
  return s == 2
}
# The header (probe id, boot id) is part of the key but no file: its words are never times ("324e519f-…", a boot id,
# reads as 324e519 in awk, which once made the state look forever new and the cache never hit for that boot).
NR == 1 { key[++nk] = $0; next }
{
  path = cache_path()
  if (cache_own(path)) next
  if (path ~ /^\/var\/run\/reboot-required/) { if (path == "/var/run/reboot-required") rr = int($3); next }
  if (path ~ /^\/var\/lib\/apt\/lists\/[^\/]*Release$/ || path == "/var/lib/apt/periodic/update-success-stamp") {
    if (lu == "" || int($3) > lu) lu = int($3)
  }
  cache_key_line()
}
END {
  # Cache writes need a directory no one else can write into (group and other digits without the write bit).
  safe = cdir != "" && dirmode ~ /[0-7]*[0145][0145]$/
  if (mode == "write") {
    if (safe && newest <= now - 2 && cache_write(keyfile, bodyfile, cap)) exit 0
    exit 1
  }
  if (rr != "") print "reboot_required_since=" rr
  print "lists_updated=" lu
  if (mode == "use" && safe && cfile != "" && csize != "" && csize < cap && cache_read(cfile)) {
    print "cache=hit"
    for (i = 1; i <= nb; i++) print body[i]
    exit 0
  }
  print "cache=" (mode == "use" && !safe ? "unusable" : mode == "use" ? "miss" : mode)
  if (safe && mode != "off" && newest <= now - 2 && keyfile != "") cache_save_key(keyfile)
  exit 1
}'

cache_mode=${UPKEEP_STATUS_CACHE:-use}
case $cache_mode in use|refresh|off) ;; *) cache_mode=use ;; esac
# The cache lives only in a directory of this user's; anything else (no home, a symlink, someone else's) means uncached.
upkeep_cache_dir "${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}" status.cache
# Named by this shell's pid (no mktemp: a process less on every refresh); written by awk only when the probe misses.
keyfile=
[ -z "$cache_dir" ] || [ "$cache_mode" = off ] || keyfile=$cache_dir/status.key.$$
header="probe ${UPKEEP_PROBE_ID:-} boot $boot_id apt_config ${APT_CONFIG:-}"
if ! { echo "$header"; stamps; } | awk -v mode="$cache_mode" -v now="$now" -v cap=1048576 -v cdir="$cache_dir" \
    -v cfile="$cache_file" -v keyfile="$keyfile" "$UPKEEP_CACHE_AWK$CACHE_AWK"; then
  if [ -s "$keyfile" ] && body=$(mktemp "$cache_dir/status.body.XXXXXX" 2>/dev/null); then
    expensive > "$body"
    cat "$body"
    if { echo "$header"; stamps; } | awk -v mode=write -v now="$now" -v cap=1048576 -v cdir="$cache_dir" \
        -v keyfile="$keyfile" -v bodyfile="$body" "$UPKEEP_CACHE_AWK$CACHE_AWK" > "$body.new"; then
      mv -fT "$body.new" "$cache_dir/status.cache" 2>/dev/null
    fi
    rm -f "$body" "$body.new"
    # Temp files of probes killed mid-write.
    find "$cache_dir" -maxdepth 1 -name 'status.*.*' -mmin +10 -delete 2>/dev/null
  else
    expensive
  fi
fi
[ -z "$keyfile" ] || [ ! -e "$keyfile" ] || rm -f "$keyfile"
echo '@@reboot_pkgs'
{ while IFS= read -r line || [ -n "$line" ]; do printf '%s\n' "$line"; done < /var/run/reboot-required.pkgs; } 2>/dev/null
echo '@@end'
