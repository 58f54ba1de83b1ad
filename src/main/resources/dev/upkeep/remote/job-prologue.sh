# Detached job, part 2: the job itself, as root, detached from the SSH session. It owns its log, holds its lock while
# it runs and writes its exit status last (also when its body exits early), so a dropped connection never stops it
# midway and Upkeep can always tell how it ended. A cancel request (the file $CANCEL) or the time limit ends it at
# the next safe point: before a change starts, never in the middle of one (dpkg is never cut off, never killed).
set -u
exec >>"$LOG" 2>&1
exec 9>"$LOCK"
flock 9
trap '' HUP
DEADLINE=$(( $(date +%s) + LIMIT ))
CLEANUP=""
on_exit() {
  rc=$?
  [ -n "$CLEANUP" ] && rm -rf "$CLEANUP"
  (umask 077 && echo "$rc" > "$STATUS.tmp") && mv -f "$STATUS.tmp" "$STATUS"
}
trap on_exit EXIT
# The job's own files are private (umask 077 from its start); what it installs gets the usual modes.
umask 022
# Seconds left of the time limit.
left() {
  echo $(( DEADLINE - $(date +%s) ))
}
# A safe point: nothing has changed since the last one ended. $1 says what would come next.
safe_point() {
  if [ -e "$CANCEL" ]; then
    echo "upkeep: cancelled before $1: nothing more was changed"
    echo "@@upkeep cancelled $1"
    exit 20
  fi
  if [ "$(left)" -le 0 ]; then
    echo "upkeep: the time limit of $LIMIT s was reached before $1: nothing more was changed"
    echo "@@upkeep timeout $1"
    exit 21
  fi
}
NEXT="its first change"
# Waiting for apt/dpkg changes nothing: a cancel or the time limit may end it.
lock_wait_tick() {
  safe_point "$NEXT"
}
echo "upkeep: $KIND job $RUN_ID on $(hostname) at $(date -u +%Y-%m-%dT%H:%M:%SZ), pid $$, time limit $LIMIT s"
