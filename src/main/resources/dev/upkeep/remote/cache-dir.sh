# Upkeep's folder for a server-side cache: $1/upkeep, only when it is a folder of this user's own (not a symlink, not
# someone else's, writable); then cache_dir is set, and cache_file when $2 in it is a regular file of this user's.
# Anything else leaves them empty: the caller then answers uncached. Shared by the status probe and the patch facts.
upkeep_cache_dir() {
  cache_dir=
  cache_file=
  case $1 in /?*)
    [ -d "$1/upkeep" ] || mkdir -p "$1/upkeep" 2>/dev/null
    if [ -d "$1/upkeep" ] && [ ! -L "$1/upkeep" ] && [ -O "$1/upkeep" ] && [ -w "$1/upkeep" ]; then
      cache_dir=$1/upkeep
      if [ -f "$cache_dir/$2" ] && [ ! -L "$cache_dir/$2" ] && [ -O "$cache_dir/$2" ]; then
        cache_file=$cache_dir/$2
      fi
    fi ;;
  esac
}

# The cache file both caches keep, for their awk programs (put before each): "@@key", the key's lines, "@@body", the
# answers, "@@cache-end NK NB BYTES". key[1..nk] is the key the program just read from the stamps; wellformed(n,
# lines) is each program's own check of its answers; body[1..nb] is what was read or written.
UPKEEP_CACHE_AWK='
# A stamp line of the cache folder itself or of a file in it: not part of the key (its mode and the cache file size
# are kept); 1 when it was one.
function cache_own(path) {
  if (cdir != "" && path == cdir) { dirmode = $5; return 1 }
  if (cdir != "" && index(path, cdir "/") == 1) { if (path == cfile) csize = $2 + 0; return 1 }
  return 0
}
# A stamp line that is part of the key; newest is the latest mtime or ctime of all of them.
function cache_key_line() {
  key[++nk] = $0
  if ($3 + 0 > newest) newest = $3 + 0
  if ($4 + 0 > newest) newest = $4 + 0
}
# The path of a stamp line ("inode size mtime ctime mode path").
function cache_path(   path) {
  path = $0
  sub(/^[^ ]* [^ ]* [^ ]* [^ ]* [^ ]* /, "", path)
  return path
}
function cache_key_holds(keyfile,   n, line) {
  n = 0
  while ((getline line < keyfile) > 0) { if (++n > nk || line != key[n]) return 0 }
  return n == nk
}
# Prints the cache file when keyfile still holds the key and bodyfile is well formed and under cap bytes: 1, else 0.
function cache_write(keyfile, bodyfile, cap,   line, i, bytes) {
  if (!cache_key_holds(keyfile)) return 0
  nb = 0; bytes = 0
  while ((getline line < bodyfile) > 0) { body[++nb] = line; bytes += length(line) + 1 }
  if (bytes >= cap || !wellformed(nb, body)) return 0
  print "@@key"
  for (i = 1; i <= nk; i++) print key[i]
  print "@@body"
  for (i = 1; i <= nb; i++) print body[i]
  print "@@cache-end " nk " " nb " " bytes
  return 1
}
# Reads cfile into body: 1 when it holds exactly this key, its trailer counts match and the answers are well formed.
function cache_read(cfile,   line, state, n, bytes, trailer) {
  state = 0; n = 0; nb = 0; bytes = 0
  while ((getline line < cfile) > 0) {
    if (state == 0) { if (line == "@@key") state = 1; else return 0 }
    else if (state == 1) { if (line == "@@body") state = 2; else if (++n > nk || line != key[n]) return 0 }
    else if (state == 2) {
      if (line ~ /^@@cache-end /) { state = 3; trailer = line }
      else { body[++nb] = line; bytes += length(line) + 1 }
    }
    else return 0
  }
  return state == 3 && n == nk && trailer == "@@cache-end " nk " " nb " " bytes && wellformed(nb, body)
}
# After a miss: the key the write must find unchanged.
function cache_save_key(keyfile,   i) {
  for (i = 1; i <= nk; i++) print key[i] > keyfile
  close(keyfile)
}
'
