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
