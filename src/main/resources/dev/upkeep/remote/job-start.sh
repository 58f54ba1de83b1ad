# Detached job, part 1 (in the SSH session): start the job, or attach to it when it runs or already ran. Never two.
set -u
# Upkeep's own files are private; the job sets the usual umask again before it installs anything.
umask 077
mkdir -p "$STATE" "$LOGDIR" || exit 1
exec 8>"$STATE/$KIND.start.lock"
flock 8
if [ -f "$STATUS" ]; then
  echo "upkeep: the $KIND job $RUN_ID already ran on this server: reporting it"
  echo "@@upkeep-job attach"
  exit 0
fi
if job_running || { [ -f "$JOB" ] && job_just_started; }; then
  echo "upkeep: the $KIND job $RUN_ID is already running on this server: following it"
  echo "@@upkeep-job attach"
  exit 0
fi
[ -f "$JOB" ] && echo "upkeep: the earlier $KIND job $RUN_ID ended without an exit status (killed, or the server rebooted); starting it again"
{ write_job > "$JOB" && : >> "$LOG"; } || exit 1
rm -f "$CANCEL"
launch_job "upkeep-$NAME"
echo "upkeep: $KIND job $RUN_ID started detached ($how); log: $LOG"
echo "@@upkeep-job attach"
