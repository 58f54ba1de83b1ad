# Upkeep package query: read-only, no sudo. $1 is an awk regular expression for the wanted package names (built by
# Upkeep from validated names and globs: letters, digits, [.] [+] - and .*), then the exact names asked for, which
# apt-cache is asked about even when they are not installed. Lines from dpkg and apt are data, never commands.
export LC_ALL=C
re=$1
shift
echo '@@upkeep-packages 1'
# At most 10001 lines are kept: a real server has a few thousand packages; more is a lie, and is refused.
# binary package (with :arch when foreign), package, source package, version, source version, dpkg state
installed=$(dpkg-query -W -f='${binary:Package}\t${Package}\t${source:Package}\t${Version}\t${source:Version}\t${db:Status-Abbrev}\n' 2>/dev/null \
  | awk -F '\t' -v re="$re" '$2 ~ re || $3 ~ re' | head -n 10001)
echo '@@installed'
[ -n "$installed" ] && printf '%s\n' "$installed"
echo '@@policy'
# Only names of the strict form reach apt-cache (xargs splits on blanks; these have none).
{ [ -n "$installed" ] && printf '%s\n' "$installed" | cut -f 1; printf '%s\n' "$@"; } \
  | grep -E '^[a-z0-9][a-z0-9+.-]*(:[a-z0-9-]+)?$' | sort -u | xargs -r apt-cache policy 2>/dev/null
echo '@@sources'
apt-cache policy 2>/dev/null
echo '@@end'
