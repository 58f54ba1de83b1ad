# Upkeep patch facts, the history part: apt's recent history and the apt-cache policy of what it names, answered from
# ~/.cache/upkeep/facts.cache of the user it runs as (root under sudo) while nothing it depends on changed. Follows the
# restart check (never cached: see docs/decisions/0038-one-round-trip.md) and the definition of upkeep_history
# (history-read.sh). The caller sets UPKEEP_FACTS_ID (a hash of this text and the two scripts it runs) and
# UPKEEP_FACTS_CACHE (use: answer from the cache when nothing changed; refresh: recompute and rewrite it).
umask 077
upkeep_history recent 0 head
facts_now=$(date +%s)
# Only a folder of this user's own (upkeep_cache_dir): under sudo a login user's folder is never used.
upkeep_cache_dir "${HOME:+$HOME/.cache}" facts.cache
facts_dir=$cache_dir
facts_file=$cache_file
facts_boot=
{ read -r facts_boot < /proc/sys/kernel/random/boot_id; } 2>/dev/null
# Everything the body reads: apt's logs (a rotation renames: new inode), and what apt-cache policy answers from.
# ctime is in the key because nothing sets it back (apt gives lists the server's Last-Modified as mtime).
facts_stamps() {
  echo "facts ${UPKEEP_FACTS_ID:-} uid $(id -u) boot $facts_boot"
  find -L /var/log/apt /var/lib/dpkg/status /var/lib/apt/extended_states /var/lib/apt/lists /etc/apt \
    ${facts_dir:+"$facts_dir"} -maxdepth 2 -printf '%i %s %T@ %C@ %m %p\n' 2>/dev/null
}
# read: on a hit prints the cached body (exit 0), else saves the key for the write (exit 1). write: prints the new
# cache file when the key still holds, every stamp is two seconds older than the read began (a change within the same
# timestamp tick can never pass for no change) and the body is whole. The cache's own folder is not part of the key.
FACTS_AWK='
function wellformed(n, lines) { return n >= 2 && lines[1] == "@@sources" && lines[n] == "@@end" }
NR == 1 { key[++nk] = $0; next }
{
  if (!cache_own(cache_path())) cache_key_line()
}
END {
  safe = cdir != "" && dirmode ~ /[0-7]*[0145][0145]$/
  if (mode == "write") {
    if (safe && newest <= now - 2 && cache_write(keyfile, bodyfile, cap)) exit 0
    exit 1
  }
  if (use == "use" && safe && cfile != "" && csize != "" && csize < cap && cache_read(cfile)) {
    for (i = 1; i <= nb; i++) print body[i]
    print "facts_cache=hit" > "/dev/stderr"
    exit 0
  }
  if (safe && newest <= now - 2 && keyfile != "") cache_save_key(keyfile)
  exit 1
}'
facts_key=
[ -z "$facts_dir" ] || [ "${UPKEEP_FACTS_CACHE:-use}" = off ] || facts_key=$facts_dir/facts.key.$$
if ! facts_stamps | awk -v mode=read -v use="${UPKEEP_FACTS_CACHE:-use}" -v now="$facts_now" -v cap=8388608 -v cdir="$facts_dir" -v cfile="$facts_file" \
    -v keyfile="$facts_key" "$UPKEEP_CACHE_AWK$FACTS_AWK"; then
  if [ -s "$facts_key" ] && facts_body=$(mktemp "$facts_dir/facts.body.XXXXXX" 2>/dev/null); then
    upkeep_history recent 0 body > "$facts_body"
    cat "$facts_body"
    if facts_stamps | awk -v mode=write -v now="$facts_now" -v cap=8388608 -v cdir="$facts_dir" \
        -v keyfile="$facts_key" -v bodyfile="$facts_body" "$UPKEEP_CACHE_AWK$FACTS_AWK" > "$facts_body.new"; then
      mv -fT "$facts_body.new" "$facts_dir/facts.cache" 2>/dev/null
    fi
    rm -f "$facts_body" "$facts_body.new"
    # Temp files of runs killed mid-write.
    find "$facts_dir" -maxdepth 1 -name 'facts.*.*' -mmin +10 -delete 2>/dev/null
  else
    upkeep_history recent 0 body
  fi
fi
[ -z "$facts_key" ] || [ ! -e "$facts_key" ] || rm -f "$facts_key"
