package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs one of the Docker/Weave scripts (resources next to this class) as root: {@code NAME='value'} lines first,
 * each value quoted, then the script. Lines starting with {@code @@upkeep } are the script talking to its parser
 * and are kept apart; every other line goes to the context's log as the server printed it.
 */
final class DockerWeaveScript {
    private static final String MARKER = "@@upkeep ";
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
     * @param cancellable false for a script that must not be cut off half way (it runs dpkg): the run's cancel then
     *                    waits for it to end, and the caller checks for cancel afterwards
     */
    static Output run(ProcedureContext ctx, String resource, Map<String, String> variables, boolean cancellable)
            throws SshException {
        return run(ctx, resource, variables, cancellable, true);
    }

    /** @param privileged false to run as the login user (read-only scripts: no sudo, no password) */
    static Output run(ProcedureContext ctx, String resource, Map<String, String> variables, boolean cancellable,
                      boolean privileged) throws SshException {
        StringBuilder script = new StringBuilder();
        variables.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("not a variable name: " + name);
            script.append(name).append('=').append(Shell.quote(value)).append('\n');
        });
        script.append(load(resource));
        List<Map.Entry<String, String>> markers = new ArrayList<>();
        OutputListener listener = (stream, line) -> {
            if (line.startsWith(MARKER)) {
                String rest = line.substring(MARKER.length());
                int space = rest.indexOf(' ');
                markers.add(Map.entry(space < 0 ? rest : rest.substring(0, space),
                        space < 0 ? "" : rest.substring(space + 1).strip()));
            } else {
                ctx.line(stream, line);
            }
        };
        ProcedureContext context = cancellable ? ctx : new Uncancellable(ctx);
        CommandResult result = privileged ? Privileged.run(context, script.toString(), listener)
                : ctx.connection().exec("sh -s", script.toString().getBytes(StandardCharsets.UTF_8), listener,
                context.cancellation());
        return new Output(result.exitStatus(), List.copyOf(markers));
    }

    static String load(String name) {
        try (InputStream in = DockerWeaveScript.class.getResourceAsStream("/dev/upkeep/remote/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same context with a cancel token nobody fires. */
    private record Uncancellable(ProcedureContext ctx) implements ProcedureContext {
        @Override
        public SshConnection connection() {
            return ctx.connection();
        }

        @Override
        public String server() {
            return ctx.server();
        }

        @Override
        public boolean sudo() {
            return ctx.sudo();
        }

        @Override
        public SudoPassword sudoPassword() {
            return ctx.sudoPassword();
        }

        @Override
        public void step(Step step, String detail) {
            ctx.step(step, detail);
        }

        @Override
        public void line(OutputListener.Stream stream, String line) {
            ctx.line(stream, line);
        }

        @Override
        public Cancellation cancellation() {
            return Cancellation.none();
        }
    }
}
