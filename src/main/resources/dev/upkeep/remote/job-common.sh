# The Docker and Weave jobs' own part of the common shell. The header before this (written by Upkeep) sets KIND
# (docker or weave), RUN_ID, LIMIT and LOCK_WAIT (seconds) from validated values, then the job's own variables.
NAME="$KIND-$RUN_ID"
JOB="$STATE/$NAME.sh"
LOG="$LOGDIR/$NAME.log"
STATUS="$LOGDIR/$NAME.status"
CANCEL="$STATE/$NAME.cancel"
LOCK="$STATE/$NAME.lock"
# True while the job holds its lock (flock -n takes it only for an instant when it is free).
job_running() {
  [ -e "$LOCK" ] && ! flock -n "$LOCK" true 2>/dev/null
}
