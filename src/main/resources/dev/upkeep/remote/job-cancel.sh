# Detached job: ask it to stop at its next safe point. It is never killed: dpkg is never cut off.
set -u
if [ -f "$STATUS" ]; then
  echo "upkeep: the $KIND job $RUN_ID had already ended"
  exit 0
fi
(umask 077 && : > "$CANCEL") || exit 1
echo "upkeep: asked the $KIND job $RUN_ID to stop at its next safe point (it is never killed; dpkg is never cut off)"
