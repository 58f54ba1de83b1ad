package dev.upkeep.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessAgeTest {
    @TempDir
    Path dir;

    /**
     * The JVM counts its uptime from its own start, a few ms after the process's exec. The JDK's process start instant
     * was off by the fraction of a second in /proc/stat's whole-second boot time (983 ms on the machine this was
     * written on), so this failed there until the age was read from /proc directly.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theAgeOfThisProcessMatchesTheJvmsOwnUptimeWithinAFewTicks() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        Duration age = ProcessAge.now().orElseThrow();
        long after = ManagementFactory.getRuntimeMXBean().getUptime();
        // 10 ms ticks on both readings, plus the exec-to-JVM time (tens of ms, more on a loaded machine).
        assertThat(age.toMillis()).isBetween(jvmUptime - 30, after + 250);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() throws IOException {
        Path stat = Files.writeString(dir.resolve("stat"),
                "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194304 125 0 0 0 7 3 0 0 20 0 1 0 150 3133440 398 1844\n");
        Path uptime = Files.writeString(dir.resolve("uptime"), "12.34 20.00\n");
        // Started 150 ticks = 1.50 s after boot; now 12.34 s after boot.
        assertThat(ProcessAge.fromProc(stat, uptime)).contains(Duration.ofMillis(10_840));
    }

    @Test
    void unreadableOrMalformedProcFilesGiveNoAge() throws IOException {
        Path uptime = Files.writeString(dir.resolve("uptime"), "12.34 20.00\n");
        assertThat(ProcessAge.fromProc(dir.resolve("missing"), uptime)).isEmpty();
        Path truncated = Files.writeString(dir.resolve("stat"), "4242 (cmd) S 1 4242\n");
        assertThat(ProcessAge.fromProc(truncated, uptime)).isEmpty();
        Path garbage = Files.writeString(dir.resolve("stat2"), "no parenthesis at all");
        assertThat(ProcessAge.fromProc(garbage, Files.writeString(dir.resolve("up2"), "x"))).isEmpty();
        Path future = Files.writeString(dir.resolve("stat3"),
                "1 (c) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99999 0 0 0\n");
        assertThat(ProcessAge.fromProc(future, uptime)).isEmpty();
    }
}
