package dev.upkeep.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs one contestant once under {@code /usr/bin/time}, sampling the tree's memory every 20 ms meanwhile. */
final class RoundRunner implements AutoCloseable {
    private static final long SAMPLE_MS = 20;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rss-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Path scratch;

    RoundRunner(Path scratch) {
        this.scratch = scratch;
    }

    Measured run(Contestant c, int round) throws Exception {
        Path dir = Files.createDirectories(scratch.resolve(slug(c.name()) + "-" + round));
        Path timeFile = dir.resolve("time.txt");
        Path out = dir.resolve("stdout.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S %M", "-o", timeFile.toString()));
        cmd.addAll(c.command().stream().map(w -> w.replace("{out}", dir.resolve("out").toString())).toList());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().putAll(c.env());
        long start = System.nanoTime();
        Process p = pb.start();
        TreeRss rss = new TreeRss(p.toHandle());
        ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(rss::sample, 0, SAMPLE_MS, TimeUnit.MILLISECONDS);
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        sampling.cancel(false);
        if (!ended) {
            p.destroyForcibly();
            return new Measured(c.name(), wallMs, 0, 0, false, "no end within 10 minutes");
        }
        String[] t = Files.readString(timeFile).strip().split("\\R");
        String[] f = t[t.length - 1].trim().split(" ");
        long cpuMs = Math.round((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1000);
        long peakKb = Math.max(rss.peakKb(), Long.parseLong(f[2]));
        String problem = c.check().problem(p.exitValue(), out, dir.resolve("out"));
        return new Measured(c.name(), wallMs, cpuMs, peakKb, problem == null, problem);
    }

    /** Where a round's standard error was kept. */
    Path stderr(String contestant, int round) {
        return scratch.resolve(slug(contestant) + "-" + round).resolve("stderr.txt");
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    @Override
    public void close() throws IOException {
        sampler.shutdownNow();
    }
}
