# Detached job, part 3 (after the follow loop): the job's exit status.
echo "@@upkeep-follow exit $(cat "$STATUS")"
