# The security upgrade's own part of the common shell. The header before this (written by Upkeep) sets RUN_ID,
# LOCK_WAIT and REPAIR from validated values.
JOB="$STATE/security-$RUN_ID.sh"
LOG="$LOGDIR/security-$RUN_ID.log"
STATUS="$LOGDIR/security-$RUN_ID.status"
UPGRADED="$LOGDIR/security-$RUN_ID.upgraded"
RESTART="$LOGDIR/security-$RUN_ID.restart"
# A successful update leaves a stamp (as Ubuntu's update-notifier hook does): apt keeps an unchanged Release file's
# mtime, so the status probe reads this to tell fresh lists from stale ones.
upkeep_lists_fresh() {
  mkdir -p /var/lib/apt/periodic && touch /var/lib/apt/periodic/update-success-stamp
}
# True while an upgrade job holds the job lock, whichever run started it (one upgrade at a time on a server; flock -n
# takes the lock only for an instant when it is free).
job_running() {
  ! flock -n "$STATE/security.lock" true 2>/dev/null
}
