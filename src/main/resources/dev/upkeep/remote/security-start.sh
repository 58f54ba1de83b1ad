# Security upgrade, part 1 (in the SSH session): check dpkg, then start the detached job, or attach to a
# running one. Never starts a second upgrade while one runs. Exit 10: dpkg was interrupted.
set -u
mkdir -p "$STATE" "$LOGDIR" || exit 1
audit=$(dpkg --audit 2>&1)
if [ -n "$audit" ] && [ "$REPAIR" != 1 ]; then
  echo "@@upkeep dpkg-interrupted"
  printf '%s\n' "$audit" | head -n 40
  exit 10
fi
[ -n "$audit" ] && echo "upkeep: dpkg was interrupted; the job repairs it first (dpkg --configure -a)"
exec 8>"$STATE/start.lock"
flock 8
current=$(cat "$STATE/security.current" 2>/dev/null || true)
if [ -n "$current" ] && [ ! -f "$LOGDIR/security-$current.status" ]; then
  if job_running || job_just_started "$STATE/security-$current.sh"; then
    echo "upkeep: an upgrade is already running on this server (run $current): following it"
    echo "@@upkeep attach $current"
    exit 0
  fi
  echo "upkeep: the earlier upgrade $current ended without an exit status (killed, or the server rebooted);" \
       "its log is $LOGDIR/security-$current.log"
fi
if [ -f "$STATUS" ]; then
  echo "upkeep: upgrade $RUN_ID already ran on this server: reporting it"
  echo "@@upkeep attach $RUN_ID"
  exit 0
fi
write_job > "$JOB" || exit 1
echo "$RUN_ID" > "$STATE/security.current"
: >> "$LOG"
launch_job "upkeep-upgrade-$RUN_ID"
echo "upkeep: upgrade $RUN_ID started detached ($how); log: $LOG"
echo "@@upkeep attach $RUN_ID"
