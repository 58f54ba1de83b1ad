package dev.upkeep.demo;

import java.io.IOException;
import java.util.List;

/**
 * The script of remote.RestartServices: one {@code systemctl restart -- UNIT} after the other, each echoed first; a
 * failing one (a unit that does not exist here) does not stop the rest, and the exit status says one failed.
 */
final class RestartServicesAnswer implements Answer {
    private static final String RESTART = "if systemctl restart -- ";

    @Override
    public boolean recognises(RemoteScript script) {
        return script.text().startsWith("export LC_ALL=C") && script.text().contains("out=$(mktemp) || exit 1")
                && script.text().contains(RESTART);
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        int rc = 0;
        for (String line : script.text().split("\n")) {
            if (!line.startsWith(RESTART)) {
                continue;
            }
            List<String> words;
            try {
                words = ShellWords.split(line.substring("if ".length(), line.indexOf(" </dev/null")));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                continue;
            }
            String unit = words.get(words.size() - 1);
            s.terminal().out("upkeep: systemctl restart -- " + unit);
            Terminal.sleep(s.pace().step());
            if (!s.host().services().restart(unit)) {
                s.terminal().out("Failed to restart " + unit + ": Unit " + unit + " not found.");
                s.terminal().out("upkeep: restarting " + unit + " failed");
                rc = 1;
            }
        }
        return rc;
    }
}
