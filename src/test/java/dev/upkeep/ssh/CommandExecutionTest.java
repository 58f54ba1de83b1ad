package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming command execution on a real sshd. */
class CommandExecutionTest {
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

    @Test
    void reportsExitStatusAndKeepsStderrApart() throws Exception {
        CommandOutput out = connection.run("echo to-out; echo to-err >&2; exit 42", Cancellation.none());
        assertThat(out.result().exitStatus()).isEqualTo(42);
        assertThat(out.result().exitSignal()).isNull();
        assertThat(out.result().succeeded()).isFalse();
        assertThat(out.result().duration()).isPositive();
        assertThat(out.stdout()).isEqualTo("to-out");
        assertThat(out.stderr()).isEqualTo("to-err");
    }

    @Test
    void reportsTheSignalThatKilledTheCommand() throws Exception {
        CommandResult r = connection.exec("kill -KILL $$", OutputListener.IGNORE, Cancellation.none());
        assertThat(r.exitSignal()).isEqualTo("KILL");
        assertThat(r.exitStatus()).isEqualTo(-1);
    }

    @Test
    void streamsHundredThousandLinesCompletelyAndInOrder() throws Exception {
        AtomicInteger count = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        CommandResult r = connection.exec("seq 1 100000", (stream, line) -> {
            if (Integer.parseInt(line) != count.incrementAndGet()) {
                outOfOrder.incrementAndGet();
            }
        }, Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(count).hasValue(100_000);
        assertThat(outOfOrder).hasValue(0);
    }

    @Test
    void drainsLargeInterleavedStdoutAndStderrWithoutDeadlock() throws Exception {
        AtomicInteger out = new AtomicInteger();
        AtomicInteger err = new AtomicInteger();
        // Each stream gets ~6 MB, far beyond any channel window: reading one stream only would hang.
        String cmd = "for i in $(seq 1 3); do seq 1 100000 | sed 's/^/out /'; seq 1 100000 | sed 's/^/err /' >&2; done";
        CompletableFuture<CommandResult> f = CompletableFuture.supplyAsync(() -> {
            try {
                return connection.exec(cmd, (stream, line) ->
                        (stream == OutputListener.Stream.STDOUT ? out : err).incrementAndGet(), Cancellation.none());
            } catch (SshException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(f.get(60, TimeUnit.SECONDS).exitStatus()).isZero();
        assertThat(out).hasValue(300_000);
        assertThat(err).hasValue(300_000);
    }

    @Test
    void stripsCarriageReturnsAndToleratesInvalidUtf8() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        connection.exec("printf 'dos\\r\\nbad \\377 byte\\nümlaut\\nno newline'", (s, l) -> lines.add(l), Cancellation.none());
        assertThat(lines).containsExactly("dos", "bad \uFFFD byte", "ümlaut", "no newline");
    }

    @Test
    void writesStdinThenClosesIt() throws Exception {
        CommandOutput out = connection.run("cat; echo done", "secret\nline2\n".getBytes(StandardCharsets.UTF_8), Cancellation.none());
        assertThat(out.stdout()).isEqualTo("secret\nline2\ndone");
    }

    @Test
    void commandWithoutStdinSeesEndOfInput() throws Exception {
        assertThat(connection.run("cat; echo eof", Cancellation.none()).stdout()).isEqualTo("eof");
    }

    @Test
    void cancellationStopsALongCommandPromptly() throws Exception {
        Cancellation cancel = new Cancellation();
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                connection.exec("echo started; sleep 60", (s, l) -> seen.add(l), cancel);
                return null;
            } catch (SshException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("started"));
        long t0 = System.nanoTime();
        cancel.cancel();
        assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(connection.isOpen()).as("only the command's channel is closed").isTrue();
        assertThat(connection.run("echo still-usable", Cancellation.none()).stdout()).isEqualTo("still-usable");
    }

    @Test
    void cancellationEndsTheRemoteCommandNotOnlyItsChannel() throws Exception {
        // A command that does not write after the cancel: closing its channel alone would leave it running.
        String unique = "sleep 597.25";
        Cancellation cancel = new Cancellation();
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                connection.exec("echo started; " + unique + "; echo never", (s, l) -> seen.add(l), cancel);
                return null;
            } catch (SshException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("started"));
        assertThat(running(unique)).isTrue();
        cancel.cancel();

        assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandCancelledException.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> !running(unique));
    }

    @Test
    void aCancelInTheCommandsFirstMomentStillEndsIt() throws Exception {
        String unique = "sleep 596.75";
        for (int i = 0; i < 5; i++) {
            Cancellation cancel = new Cancellation();
            CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
                try {
                    connection.exec(unique, OutputListener.IGNORE, cancel);
                    return null;
                } catch (SshException e) {
                    return e;
                }
            });
            cancel.cancel();
            assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandCancelledException.class);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !running(unique));
    }

    /** Whether the server runs a process with this command line (the test sshd runs on this machine). */
    private static boolean running(String commandLine) throws Exception {
        Process p = new ProcessBuilder("pgrep", "-f", "-x", commandLine).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void alreadyCancelledTokenDoesNotStartTheCommand() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThatThrownBy(() -> connection.exec("touch /tmp/should-not-exist", OutputListener.IGNORE, cancel))
                .isInstanceOf(CommandCancelledException.class);
    }

    @Test
    void killedServerMidCommandIsConnectionLost() throws Exception {
        LocalSshd doomed = bed.sshd("doomed", List.of("ed25519"));
        bed.trust(doomed, "ed25519");
        SshConnection c = bed.connector().connect(SshTestBed.request(doomed, dir.resolve("id_ed25519")));
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                c.exec("echo started; sleep 60", (s, l) -> seen.add(l), Cancellation.none());
                return null;
            } catch (SshException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("started"));
        doomed.kill();
        assertThat(f.get(15, TimeUnit.SECONDS)).isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("sleep 60");
        assertThat(c.isOpen()).isFalse();
        assertThatThrownBy(() -> c.exec("true", OutputListener.IGNORE, Cancellation.none()))
                .isInstanceOf(ConnectionLostException.class);
        c.close();
    }
}
