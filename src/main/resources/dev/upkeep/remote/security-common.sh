# Shared by every security-upgrade script. The header before this (written by Upkeep) sets RUN_ID, LOCK_WAIT and
# REPAIR from validated values. Lines starting with "@@upkeep" are for Upkeep's parser, everything else is for people.
export LC_ALL=C DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
STATE=/var/lib/upkeep
LOGDIR=/var/log/upkeep
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
# True while an upgrade job holds the job lock (flock -n takes it only for an instant when it is free).
job_running() {
  ! flock -n "$STATE/security.lock" true 2>/dev/null
}
# A job launched less than 30 s ago may not have taken the lock yet.
job_just_started() {
  started=$(stat -c %Y "$STATE/security-$1.sh" 2>/dev/null || echo 0)
  [ $(( $(date +%s) - started )) -lt 30 ]
}
