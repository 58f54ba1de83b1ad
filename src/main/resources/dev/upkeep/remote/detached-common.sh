# Shared by the scripts of every detached job (the security upgrade, the Docker and Weave jobs), before the kind's own
# common part, which names the job's files ($JOB, $LOG, $STATUS) and says when the job runs (job_running).
# Lines starting with "@@upkeep" are for Upkeep's parser, everything else is for people.
export LC_ALL=C DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
STATE=/var/lib/upkeep
LOGDIR=/var/log/upkeep
# A job launched less than 30 s ago may not have taken its lock yet. $1: its script (default: this job's).
job_just_started() {
  started=$(stat -c %Y "${1:-$JOB}" 2>/dev/null || echo 0)
  [ $(( $(date +%s) - started )) -lt 30 ]
}
# Starts $JOB detached, as systemd unit $1 where systemd runs, else with nohup setsid; sets $how to say which. The job
# must not inherit the start lock (fd 8) nor the SSH session's pipes.
launch_job() {
  if [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && command -v systemd-run >/dev/null 2>&1; then
    systemd-run --quiet --collect --unit "$1" /bin/sh "$JOB" 8>&- </dev/null || exit 1
    how="systemd-run unit $1"
  else
    nohup setsid /bin/sh "$JOB" 8>&- </dev/null >/dev/null 2>&1 &
    how="nohup setsid, pid $!"
  fi
}
