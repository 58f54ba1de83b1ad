package dev.upkeep.ssh;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a flood of output costs the client: a real sshd prints N MB of "y" lines; the command runs once with every
 * line delivered, once with the default streaming limits (head, then counted only, then stopped at the ceiling)
 * and once as a parsed output (stopped at its cap). Prints wall time, throughput, bytes delivered and the peak
 * heap. Run on purpose (bench/output-flood), not in the suite; a command-line tool, so it prints to stdout.
 */
public final class OutputFloodBench {
    private OutputFloodBench() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 512;
        LocalSshd.assumeAvailable();
        Path dir = Files.createTempDirectory("upkeep-flood-bench");
        SshTestBed bed = new SshTestBed(dir);
        try {
            Path key = bed.key("id_ed25519", "ed25519", "");
            LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
            bed.trust(sshd, "ed25519");
            try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
                String cmd = "yes | head -c " + megabytes + "M";
                run(c, cmd, "every line delivered", new CommandLimits(null, null, Long.MAX_VALUE, Integer.MAX_VALUE, 0,
                        Long.MAX_VALUE));
                run(c, cmd, "streaming (default)", CommandLimits.streaming());
                run(c, cmd, "parsed, 4 MiB cap", CommandLimits.parsed(4L << 20));
            }
        } finally {
            bed.close();
        }
    }

    private static void run(SshConnection c, String cmd, String label, CommandLimits limits) throws Exception {
        System.gc();
        resetPeaks();
        AtomicLong delivered = new AtomicLong();
        long t0 = System.nanoTime();
        String how;
        try {
            c.exec(cmd, null, limits, (s, l) -> delivered.addAndGet(l.length() + 1), Cancellation.none());
            how = "ended";
        } catch (OutputLimitException e) {
            how = "stopped: " + e.reason();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-22s %6.1f s  %s delivered  peak heap %s  (%s)%n", label, seconds,
                CommandLimits.size(delivered.get()), CommandLimits.size(peakHeap()), how);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
