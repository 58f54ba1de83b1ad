package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command has bounds: a command that stops producing output is stopped (and its process ended, so neither
 * it nor the connection is left wedged), and a server that prints without end cannot fill the client's memory.
 */
class CommandLimitsTest {
    @TempDir
    static Path dir;
    static SshTestBed bed;
    static LocalSshd sshd;
    static SshConnection connection;

    @BeforeAll
    static void start() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        bed.key("id_ed25519", "ed25519", "");
        sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        connection = bed.connector().connect(SshTestBed.request(sshd, dir.resolve("id_ed25519")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (bed != null) {
            bed.close();
        }
    }

    private static CommandLimits idle(Duration d) {
        return CommandLimits.streaming().withIdle(d);
    }

    /** Processes on this machine (where the test sshd runs them) whose command line contains {@code marker}. */
    private static List<ProcessHandle> remote(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(marker)).toList();
    }

    @Test
    void silentCommandIsStoppedAfterTheIdleBoundAndItsProcessEnds() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        String sleep = "sleep " + (3600 + new java.util.Random().nextInt(100_000)); // only this run's process matches
        assertThatThrownBy(() -> connection.exec("echo started; exec " + sleep, null, idle(Duration.ofSeconds(1)),
                (s, l) -> seen.add(l), Cancellation.none()))
                .isInstanceOf(CommandTimeoutException.class)
                .hasMessageContaining("no output for 1 s").hasMessageContaining(sleep);
        assertThat(seen).containsExactly("started");
        assertThat(remote(sleep)).as("still there right after the stop (else the check below proves nothing)").isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> remote(sleep).isEmpty());
        assertThat(connection.run("echo still usable", Cancellation.none()).stdout()).isEqualTo("still usable");
    }

    @Test
    void frozenCommandIsStoppedToo() throws Exception {
        // SIGSTOP: the process neither prints nor exits, and ignores TERM until it is continued.
        String marker = "frozen-" + java.util.UUID.randomUUID();
        assertThatThrownBy(() -> connection.exec("echo " + marker + "; kill -STOP $$; echo never", null,
                idle(Duration.ofSeconds(1)), OutputListener.IGNORE, Cancellation.none()))
                .isInstanceOf(CommandTimeoutException.class).hasMessageContaining("no output for 1 s");
        await().atMost(Duration.ofSeconds(10)).until(() -> remote(marker).isEmpty());
        assertThat(connection.run("echo still usable", Cancellation.none()).stdout()).isEqualTo("still usable");
    }

    @Test
    void chattyCommandIsNotIdleButTheOverallBoundEndsIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> connection.exec("while :; do echo tick; sleep 0.2; done", null,
                idle(Duration.ofSeconds(1)).withOverall(Duration.ofSeconds(2)), (s, l) -> seen.add(l), Cancellation.none()))
                .isInstanceOf(CommandTimeoutException.class).hasMessageContaining("did not finish within 2 s");
        assertThat(seen.size()).isGreaterThan(5);
    }

    @Test
    void parsedOutputPastItsCapStopsTheCommandInsteadOfFillingMemory() throws Exception {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> connection.run("yes | head -c 2G", null, CommandLimits.parsed(1 << 20), Cancellation.none()))
                .isInstanceOf(OutputLimitException.class).hasMessageContaining("printed more than 1.0 MB");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("stopped, not read to the end").isLessThan(Duration.ofSeconds(20));
        assertThat(connection.run("echo still usable", Cancellation.none()).stdout()).isEqualTo("still usable");
    }

    @Test
    void streamedOutputShowsItsStartASummaryAndItsEnd() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult r = connection.exec("seq 1 300000", null,
                CommandLimits.streaming().withOutput(1 << 20, 1000, 64, 1L << 30), (s, l) -> lines.add(l), Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(lines.subList(0, 1000)).first().isEqualTo("1");
        assertThat(lines.get(999)).isEqualTo("1000");
        // 64 bytes of tail hold "2999NN" lines of 7 bytes: the last 9 whole ones.
        assertThat(lines.get(1000)).isEqualTo("upkeep: … 298,991 more lines (2.0 MB) not shown; its last 9 lines follow");
        assertThat(lines.subList(1001, lines.size())).startsWith("299992").endsWith("300000").hasSize(9);
    }

    /** A server printing 2 GB: the listener gets the head and the summary; the command is stopped at the ceiling. */
    @Test
    void twoGigabytesOfOutputAreCutToTheHeadASummaryAndAStop() throws Exception {
        AtomicLong delivered = new AtomicLong();
        List<String> notes = new CopyOnWriteArrayList<>();
        CommandLimits limits = CommandLimits.streaming().withOutput(4 << 20, 1_000_000, 1024, 64L << 20);
        assertThatThrownBy(() -> connection.exec("yes | head -c 2G", null, limits, (s, l) -> {
            delivered.addAndGet(l.length() + 1);
            if (l.startsWith("upkeep: ")) {
                notes.add(l);
            }
        }, Cancellation.none()))
                .isInstanceOf(OutputLimitException.class).hasMessageContaining("printed more than 67 MB");
        assertThat(delivered.get()).as("bytes handed to the listener").isLessThanOrEqualTo((4 << 20) + 2048 + 200);
        assertThat(notes).singleElement().asString().matches("upkeep: … [0-9,]+ more lines \\(.*\\) not shown;"
                + " the command printed more than 67 MB and was stopped; its last [0-9]+ lines follow");
        assertThat(connection.run("echo still usable", Cancellation.none()).stdout()).isEqualTo("still usable");
    }
}
