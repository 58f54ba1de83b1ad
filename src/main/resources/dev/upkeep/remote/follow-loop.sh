# Following a detached job: print its log from line FROM until it has an exit status. Log lines are printed as they
# are; "@@upkeep-follow at N" says how many log lines were printed so far. It is repeated after a minute without new
# lines: dpkg can be quiet for long (initramfs, DKMS), and Upkeep takes a command that prints nothing for ten minutes
# for hung. What follows this loop reports how the job ended. It looks five times a second while lines come (so the
# end of a job is seen within 0.2 s, not 1 s) and once a second after five quiet seconds; quiet counts fifths.
set -u
[ -f "$LOG" ] || { echo "@@upkeep-follow missing $LOG"; exit 3; }
n=$FROM
quiet=0
while :; do
  done_=0
  [ -f "$STATUS" ] && done_=1
  total=$(wc -l < "$LOG")
  if [ "$total" -gt "$n" ]; then
    sed -n "$((n + 1)),${total}p" "$LOG"
    n=$total
    echo "@@upkeep-follow at $n"
    quiet=0
  elif [ "$quiet" -ge 300 ]; then
    echo "@@upkeep-follow at $n"
    quiet=0
  fi
  [ "$done_" = 1 ] && break
  if ! job_running && ! job_just_started && [ ! -f "$STATUS" ]; then
    echo "@@upkeep-follow lost"
    exit 3
  fi
  if [ "$quiet" -lt 25 ] && sleep 0.2 2>/dev/null; then
    quiet=$((quiet + 1))
  else
    sleep 1
    quiet=$((quiet + 5))
  fi
done
