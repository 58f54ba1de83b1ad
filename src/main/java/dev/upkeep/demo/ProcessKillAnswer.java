package dev.upkeep.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kill that Upkeep sends from a second session when a command outlived its limits (ssh.RemoteProcess.killGroup:
 * {@code kill -TERM -PGID ...; kill -KILL -PGID ...; true}): the simulated command of that process group dies.
 */
final class ProcessKillAnswer implements Answer {
    private static final Pattern KILL = Pattern.compile("kill -TERM -([1-9][0-9]{0,9})( .*)?", Pattern.DOTALL);

    @Override
    public boolean recognises(RemoteScript script) {
        return KILL.matcher(script.text().strip()).matches();
    }

    @Override
    public int answer(RemoteScript script, SimSession s) {
        Matcher m = KILL.matcher(script.text().strip());
        if (m.matches()) {
            s.host().processes().kill(Long.parseLong(m.group(1)));
        }
        return 0; // the script ends with "true": a group that is gone already is no error
    }
}
