package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.SshException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs one of the short Docker scripts (resources next to this class; the installs themselves are detached jobs,
 * {@link DetachedJob}): {@code NAME='value'} lines first, each value quoted, then the script. Lines starting with
 * {@code @@upkeep } are the script talking to its parser and are kept apart; every other line goes to the context's
 * log as the server printed it.
 */
final class DockerWeaveScript {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]*");

    private DockerWeaveScript() {
    }

    /** What a script said to its parser ({@code key value} pairs in order) and how it ended. */
    record Output(int exitStatus, List<Map.Entry<String, String>> markers) {
        Optional<String> first(String key) {
            return markers.stream().filter(m -> m.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
        }

        List<String> all(String key) {
            return markers.stream().filter(m -> m.getKey().equals(key)).map(Map.Entry::getValue).toList();
        }
    }

    /**
     * @param cancel     ends the script (a read-only or lists-only one: nothing on the server is left half-done)
     * @param privileged false to run as the login user (read-only scripts: no sudo, no password)
     */
    static Output run(ProcedureContext ctx, String resource, Map<String, String> variables, Cancellation cancel,
                      boolean privileged) throws SshException {
        StringBuilder script = new StringBuilder();
        variables.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a variable name: " + name);
            }
            script.append(name).append('=').append(Shell.quote(value)).append('\n');
        });
        script.append(Scripts.load(resource));
        List<Map.Entry<String, String>> markers = new ArrayList<>();
        JobOutput listener = new JobOutput(ctx, false, 0, markers);
        CommandResult result = privileged ? Privileged.run(ctx, script.toString(), listener, cancel)
                : ctx.connection().exec("sh -s", script.toString().getBytes(StandardCharsets.UTF_8), listener, cancel);
        synchronized (markers) {
            return new Output(result.exitStatus(), List.copyOf(markers));
        }
    }
}
