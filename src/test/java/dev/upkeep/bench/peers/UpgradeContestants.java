package dev.upkeep.bench.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The security upgrade's contestants, each on its own fresh fleet: Upkeep as a user runs it ({@code upgrade
 * --security --yes}, concurrency N, a fresh JVM, no reboot) and {@code parallel-ssh -p N} running the job Upkeep
 * starts on each server, in the foreground ({@link SecurityJob}). Same key, known_hosts and strict host-key checking.
 */
final class UpgradeContestants {
    static final String UPKEEP = "Upkeep upgrade --security";
    static final String UPKEEP_CURVE = "Upkeep upgrade --security, curve25519";
    static final String PSSH = "parallel-ssh, OpenSSH default kex";
    static final String PSSH_CURVE = "parallel-ssh, curve25519";
    /** Long enough for apt on 20 servers sharing two busy cores; a round that needs more is reported. */
    private static final int PSSH_TIMEOUT_SECONDS = 590;

    private UpgradeContestants() {
    }

    /** Names in turn order (A B, then the curve25519 pair when asked for). */
    static List<String> names(boolean curve25519) {
        List<String> names = new ArrayList<>(List.of(UPKEEP, PSSH));
        if (curve25519) {
            names.addAll(List.of(UPKEEP_CURVE, PSSH_CURVE));
        }
        return names;
    }

    /**
     * @param upgraded after the run, null when every server really got the upgrade, else what is missing
     */
    static Contestant make(String name, BenchFiles f, Path launcher, String javaOptions, String job,
                           Supplier<String> upgraded) {
        return switch (name) {
            case UPKEEP, UPKEEP_CURVE -> {
                Path ws = name.equals(UPKEEP) ? f.workspace() : f.workspaceCurve25519();
                yield new Contestant(name, List.of(launcher.toString(), "--workspace", ws.toString(), "upgrade", "--security", "--yes"),
                        Contestants.upkeepEnv(f, javaOptions), (exit, stdout, dir) -> {
                            String rebuilt = Contestants.launcherRebuilt(stdout);
                            return problems(rebuilt != null ? rebuilt : exit(exit), upgraded.get());
                        });
            }
            case PSSH, PSSH_CURVE -> {
                List<String> extra = name.equals(PSSH) ? List.of() : List.of("-O", "KexAlgorithms=" + BenchFiles.CURVE25519);
                yield new Contestant(name, Contestants.psshCommand(f, PSSH_TIMEOUT_SECONDS, extra, SecurityJob.remoteCommand(job)),
                        Contestants.homeEnv(f), (exit, stdout, dir) -> problems(exit(exit), upgraded.get()));
            }
            default -> throw new IllegalArgumentException("no contestant " + name);
        };
    }

    /** Both problems (the client's exit, the servers' state), or null when there is none. */
    static String problems(String client, String servers) {
        String all = Stream.of(client, servers).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("; "));
        return all.isEmpty() ? null : all;
    }

    private static String exit(int code) {
        return code == 0 ? null : "exit " + code;
    }
}
