# Waiting for apt and dpkg, shared by the detached jobs (security upgrade, Docker, Weave). LOCK_WAIT is set before
# this text. A job may redefine lock_wait_tick (called once a second while it waits) to stop at a safe point.
LOCKS="/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock"
lock_wait_tick() {
  :
}
# PIDs that have lock file $1 open: fuser when installed, else a scan of /proc; a flock test catches the rest.
holders() {
  [ -e "$1" ] || return 0
  if command -v fuser >/dev/null 2>&1; then
    pids=$(fuser "$1" 2>/dev/null)
  else
    pids=$(for fd in /proc/[0-9]*/fd/*; do
      [ "$(readlink "$fd" 2>/dev/null)" = "$1" ] && p=${fd#/proc/} && echo "${p%%/*}"
    done | sort -u)
  fi
  for p in $pids; do printf '%s(%s) ' "$p" "$(cat /proc/"$p"/comm 2>/dev/null)"; done
  [ -z "$pids" ] && ! flock -n -x "$1" true 2>/dev/null && printf 'another process '
  return 0
}
wait_for_locks() {
  left=$LOCK_WAIT
  while :; do
    busy=""
    for f in $LOCKS; do
      h=$(holders "$f")
      if [ -n "$h" ]; then busy="$f held by ${h% }"; break; fi
    done
    [ -z "$busy" ] && return 0
    if [ "$left" -le 0 ]; then
      echo "upkeep: gave up waiting for the apt/dpkg lock after $LOCK_WAIT s ($busy)"
      return 1
    fi
    echo "upkeep: waiting for the apt/dpkg lock ($busy): $left s left"
    lock_wait_tick
    sleep 1
    left=$((left - 1))
  done
}
