# Detached job, part 3: print the job's log from line FROM until it has an exit status, then that status.
# "@@upkeep-follow at N" says how many log lines were printed so far.
set -u
[ -f "$LOG" ] || { echo "@@upkeep-follow missing $LOG"; exit 3; }
n=$FROM
while :; do
  done_=0
  [ -f "$STATUS" ] && done_=1
  total=$(wc -l < "$LOG")
  if [ "$total" -gt "$n" ]; then
    sed -n "$((n + 1)),${total}p" "$LOG"
    n=$total
    echo "@@upkeep-follow at $n"
  fi
  [ "$done_" = 1 ] && break
  if ! job_running && ! job_just_started && [ ! -f "$STATUS" ]; then
    echo "@@upkeep-follow lost"
    exit 3
  fi
  sleep 1
done
echo "@@upkeep-follow exit $(cat "$STATUS")"
