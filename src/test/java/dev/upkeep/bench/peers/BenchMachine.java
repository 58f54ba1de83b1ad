package dev.upkeep.bench.peers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the peer benchmarks say about the machine they ran on: programs installed, load, CPU. */
final class BenchMachine {
    private BenchMachine() {
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** "Machine: 2 cores (model), load average (1 min) a–b during the run." from the loads sampled before each run. */
    static String describe(List<Double> loads) throws IOException {
        return String.format(Locale.ROOT, "Machine: %d cores (%s), load average (1 min) %.1f–%.1f during the run.",
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                loads.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                loads.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }
}
