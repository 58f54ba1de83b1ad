package dev.upkeep.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak resident memory of a process tree, sampled: the sum of VmRSS over the root's live descendants. pssh and
 * Ansible fork one ssh per server, so the biggest single process (what rusage keeps) would flatter them.
 */
final class TreeRss {
    private final ProcessHandle root;
    private final AtomicLong peakKb = new AtomicLong();

    TreeRss(ProcessHandle root) {
        this.root = root;
    }

    void sample() {
        long sum = root.descendants().mapToLong(p -> rssKb(p.pid())).sum();
        peakKb.accumulateAndGet(sum, Math::max);
    }

    long peakKb() {
        return peakKb.get();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // the process ended between listing and reading
        }
        return 0;
    }
}
