# Security upgrade, part 3 (after the follow loop): report the job's exit status and what it changed.
echo "@@upkeep-report exit $(cat "$STATUS")"
# The file is missing when there was nothing to record; the braces make 2>/dev/null cover the redirection's own error.
{ while read -r pkg version; do echo "@@upkeep-report upgraded $pkg $version"; done < "$UPGRADED"; } 2>/dev/null
{ while read -r service; do echo "@@upkeep-report restart $service"; done < "$RESTART"; } 2>/dev/null
[ -e /var/run/reboot-required ] && echo "@@upkeep-report reboot-required"
{ while read -r pkg; do echo "@@upkeep-report reboot-pkg $pkg"; done < /var/run/reboot-required.pkgs; } 2>/dev/null
dpkg --audit 2>&1 | head -n 40 | sed 's/^/@@upkeep-report audit /'
echo "@@upkeep-report log $LOG"
