package dev.upkeep.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long ago this process started, for start-up timings. Not {@code ProcessHandle...startInstant()}: on Linux the
 * JDK adds the process's start (clock ticks since boot) to the boot time of {@code /proc/stat}'s btime line, which is
 * whole seconds, so every age it gives is too long by the boot time's fraction of a second (0 to 999 ms, the same for
 * every process until the next boot). Both readings here count from the boot itself, in 10 ms steps.
 */
public final class ProcessAge {
    /** Clock ticks a second in /proc (USER_HZ): 100 on every Linux architecture Upkeep runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    /** The age of this process, or empty where /proc has no answer (not Linux) and the JDK has none either. */
    public static Optional<Duration> now() {
        return fromProc(Path.of("/proc/self/stat"), Path.of("/proc/uptime"))
                .or(() -> ProcessHandle.current().info().startInstant().map(s -> Duration.between(s, Instant.now())));
    }

    /** The age from a process's stat line and the system's uptime; empty if either is unreadable or malformed. */
    static Optional<Duration> fromProc(Path stat, Path uptime) {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces; fields count on after its last ')'.
            String[] after = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(after[19]);
            double up = Double.parseDouble(Files.readString(uptime).trim().split("\\s+")[0]);
            long ageMillis = Math.round(up * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
            return ageMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ageMillis));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
