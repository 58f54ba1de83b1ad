package dev.upkeep.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.remote.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The contestants, each as its user would run it against the same servers with the same key and known_hosts,
 * strict host-key checking, no connection sharing, every server at once. pssh and Ansible run exactly the command
 * line Upkeep sends ({@code sh -c '<status.sh>'}).
 */
final class Contestants {
    static final String UPKEEP = "Upkeep status --json";
    static final String UPKEEP_CURVE = "Upkeep status --json, curve25519";
    static final String PSSH_CURVE = "parallel-ssh, curve25519";
    static final String PSSH_DEFAULT = "parallel-ssh, OpenSSH default kex";
    static final String ANSIBLE = "ansible -m shell";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Contestants() {
    }

    /**
     * @param javaOptions added to the Upkeep runs through UPKEEP_JAVA_OPTS (timing lines, flags under trial); empty: none
     * @param variantOptions when not empty, a further Upkeep contestant (default key exchange) run with these too
     */
    static List<Contestant> all(BenchFiles f, Path upkeepLauncher, boolean psshThere, boolean ansibleThere,
                                String javaOptions, String variantOptions) {
        List<Contestant> list = new ArrayList<>();
        list.add(upkeep(UPKEEP, f, f.workspace(), upkeepLauncher, javaOptions));
        list.add(upkeep(UPKEEP_CURVE, f, f.workspaceCurve25519(), upkeepLauncher, javaOptions));
        if (!variantOptions.isBlank()) {
            list.add(upkeep(UPKEEP + ", " + variantOptions, f, f.workspace(), upkeepLauncher,
                    (javaOptions + " " + variantOptions).strip()));
        }
        if (psshThere) {
            list.add(pssh(PSSH_CURVE, f, List.of("-O", "KexAlgorithms=" + BenchFiles.CURVE25519)));
            list.add(pssh(PSSH_DEFAULT, f, List.of()));
        }
        if (ansibleThere) {
            list.add(ansible(f));
        }
        return list;
    }

    private static Contestant upkeep(String name, BenchFiles f, Path workspace, Path launcher, String javaOptions) {
        return new Contestant(name, List.of(launcher.toString(), "--workspace", workspace.toString(), "status", "--json"),
                upkeepEnv(f, javaOptions), (exit, stdout, dir) -> upkeepProblem(exit, stdout, f.servers()));
    }

    /** The private HOME, and {@code javaOptions} (when not blank) through UPKEEP_JAVA_OPTS. */
    static Map<String, String> upkeepEnv(BenchFiles f, String javaOptions) {
        Map<String, String> env = new HashMap<>(homeEnv(f));
        if (!javaOptions.isBlank()) {
            env.put("UPKEEP_JAVA_OPTS", javaOptions);
        }
        return env;
    }

    static String upkeepProblem(int exit, Path stdout, int servers) throws IOException {
        String rebuilt = launcherRebuilt(stdout);
        if (rebuilt != null) {
            return rebuilt;
        }
        if (exit != 0) {
            return "exit " + exit;
        }
        JsonNode rows = JSON.readTree(stdout.toFile());
        long ok = Stream.iterate(0, i -> i < rows.size(), i -> i + 1).filter(i -> rows.get(i).path("reachable").asBoolean())
                .filter(i -> !rows.get(i).path("securityUpdates").isNull()).count();
        return ok == servers ? null : ok + " of " + servers + " servers answered completely";
    }

    /** Null unless the launcher built Upkeep during the round (its time would be the build's): the round's stderr says so. */
    static String launcherRebuilt(Path stdout) throws IOException {
        Path stderr = stdout.resolveSibling("stderr.txt");
        if (Files.exists(stderr) && Files.readString(stderr).matches("(?s).*(Building Upkeep|Preparing faster starts).*")) {
            return "the launcher rebuilt Upkeep during the round (sources changed since the harness built it)";
        }
        return null;
    }

    private static Contestant pssh(String name, BenchFiles f, List<String> extra) {
        return new Contestant(name, psshCommand(f, 120, extra, Shell.script(f.probe())), homeEnv(f),
                (exit, stdout, dir) -> psshProblem(exit, dir, f.servers()));
    }

    /**
     * {@code parallel-ssh -p N} as root to every server with the fleet's key and known_hosts only (no ssh config),
     * each server's output in {@code {out}}, running {@code remoteCommand}.
     */
    static List<String> psshCommand(BenchFiles f, int timeoutSeconds, List<String> extra, String remoteCommand) {
        List<String> cmd = new ArrayList<>(List.of("parallel-ssh", "-h", f.psshHosts().toString(), "-l", "root",
                "-p", Integer.toString(f.servers()), "-t", Integer.toString(timeoutSeconds), "-o", "{out}", "-x", "-F /dev/null"));
        for (String option : sshOptions(f)) {
            cmd.add("-O");
            cmd.add(option);
        }
        cmd.addAll(extra);
        cmd.add(remoteCommand);
        return cmd;
    }

    static String psshProblem(int exit, Path dir, int servers) throws IOException {
        if (exit != 0) {
            return "exit " + exit;
        }
        long complete;
        try (Stream<Path> files = Files.list(dir)) {
            complete = files.filter(p -> completeProbe(readQuietly(p))).count();
        }
        return complete == servers ? null : complete + " of " + servers + " servers answered completely";
    }

    private static Contestant ansible(BenchFiles f) {
        List<String> cmd = List.of("ansible", "all", "-i", f.inventory().toString(), "-f", Integer.toString(f.servers()),
                "-m", "shell", "-a", jsonArgs("{% raw %}" + Shell.script(f.probe()) + "{% endraw %}"));
        Map<String, String> env = new HashMap<>(homeEnv(f));
        env.put("ANSIBLE_SSH_ARGS", String.join(" ", sshOptions(f).stream().map(o -> "-o " + o).toList())
                + " -o ControlMaster=no -F /dev/null");
        env.put("ANSIBLE_PRIVATE_KEY_FILE", f.key().toString());
        env.put("ANSIBLE_HOST_KEY_CHECKING", "True");
        env.put("ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3");
        env.put("ANSIBLE_LOCAL_TEMP", f.home().resolve("ansible-tmp").toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        return new Contestant(ANSIBLE, cmd, env, (exit, stdout, dir) -> ansibleProblem(exit, stdout, f.servers()));
    }

    static String ansibleProblem(int exit, Path stdout, int servers) throws IOException {
        if (exit != 0) {
            return "exit " + exit;
        }
        String out = Files.readString(stdout);
        long starts = out.lines().filter(l -> l.endsWith("@@upkeep-status 1")).count();
        long ends = out.lines().filter(l -> l.equals("@@end")).count();
        return starts == servers && ends == servers ? null : Math.min(starts, ends) + " of " + servers + " servers answered completely";
    }

    /** As JSON, so that Ansible's key=value parsing of free-form arguments cannot touch the script. */
    private static String jsonArgs(String command) {
        try {
            return JSON.writeValueAsString(Map.of("cmd", command));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sshOptions(BenchFiles f) {
        return List.of("IdentityFile=" + f.key(), "IdentitiesOnly=yes", "UserKnownHostsFile=" + f.knownHosts(),
                "GlobalKnownHostsFile=/dev/null", "StrictHostKeyChecking=yes", "BatchMode=yes");
    }

    static Map<String, String> homeEnv(BenchFiles f) {
        String home = f.home().toString();
        return Map.of("HOME", home, "XDG_CONFIG_HOME", home + "/.config", "XDG_STATE_HOME", home + "/.local/state");
    }

    private static boolean completeProbe(String text) {
        return text.startsWith("@@upkeep-status 1") && text.lines().anyMatch("@@end"::equals);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
