# Shared by the scripts of the detached Docker and Weave jobs. The header before this (written by Upkeep) sets KIND
# (docker or weave), RUN_ID, LIMIT and LOCK_WAIT (seconds) from validated values, then the job's own variables.
# Lines starting with "@@upkeep" are for Upkeep's parser, everything else is for people.
export LC_ALL=C DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
STATE=/var/lib/upkeep
LOGDIR=/var/log/upkeep
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
# A job launched less than 30 s ago may not have taken its lock yet.
job_just_started() {
  started=$(stat -c %Y "$JOB" 2>/dev/null || echo 0)
  [ $(( $(date +%s) - started )) -lt 30 ]
}
