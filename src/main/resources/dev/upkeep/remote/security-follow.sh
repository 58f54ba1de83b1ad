# Security upgrade, part 3: follow the job's log from line FROM until it has an exit status, then report.
# Log lines are printed as they are; "@@upkeep-follow at N" says how many log lines were printed so far. It is
# repeated after a minute without new lines: dpkg can be quiet for long (initramfs, DKMS), and Upkeep takes a
# command that prints nothing for ten minutes for hung.
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
  elif [ "$quiet" -ge 60 ]; then
    echo "@@upkeep-follow at $n"
    quiet=0
  fi
  [ "$done_" = 1 ] && break
  if ! job_running && ! job_just_started "$RUN_ID" && [ ! -f "$STATUS" ]; then
    echo "@@upkeep-follow lost"
    exit 3
  fi
  sleep 1
  quiet=$((quiet + 1))
done
echo "@@upkeep-report exit $(cat "$STATUS")"
while read -r pkg version; do echo "@@upkeep-report upgraded $pkg $version"; done < "$UPGRADED" 2>/dev/null
while read -r service; do echo "@@upkeep-report restart $service"; done < "$RESTART" 2>/dev/null
[ -e /var/run/reboot-required ] && echo "@@upkeep-report reboot-required"
while read -r pkg; do echo "@@upkeep-report reboot-pkg $pkg"; done < /var/run/reboot-required.pkgs 2>/dev/null
dpkg --audit 2>&1 | head -n 40 | sed 's/^/@@upkeep-report audit /'
echo "@@upkeep-report log $LOG"
