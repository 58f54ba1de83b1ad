package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that asks on stderr before it reads stdin, answered by a dialogue, on a real sshd. */
class StdinDialogueTest {
    @TempDir
    static Path dir;
    static SshTestBed bed;
    static SshConnection connection;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final OutputListener listener = (stream, line) -> (stream == OutputListener.Stream.STDOUT ? out : err).add(line);

    @BeforeAll
    static void start() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
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

    /** Answers {@code answer} to the stderr line {@code question}, then closes stdin; other lines go on. */
    private static StdinDialogue answering(String question, String answer) {
        return on((line, stdin) -> {
            if (!line.equals(question)) {
                return false;
            }
            try {
                stdin.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            stdin.close();
            return true;
        });
    }

    private static StdinDialogue on(BiPredicate<String, StdinDialogue.Stdin> handler) {
        return handler::test;
    }

    @Test
    void theDialogueSeesStderrFirstWritesStdinWhenAskedAndItsLinesNeverReachTheListener() throws Exception {
        CommandResult r = connection.execWithDialogue("echo before >&2; echo question >&2; read a; echo \"got $a\"; "
                + "echo after >&2", answering("question", "42"), listener, Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(out).containsExactly("got 42");
        assertThat(err).containsExactly("before", "after");
    }

    @Test
    void nothingIsWrittenToStdinUnlessTheDialogueWritesIt() throws Exception {
        // No question is ever asked: the command reads EOF only because the dialogue closes stdin on "ready".
        CommandResult r = connection.execWithDialogue("echo ready >&2; cat; echo \"eof\"",
                on((line, stdin) -> {
                    stdin.close();
                    return true;
                }), listener, Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(out).containsExactly("eof");
        assertThat(err).isEmpty();
    }

    @Test
    void aQuestionSplitAcrossReadsReachesTheDialogueAsOneLine() throws Exception {
        // The server writes half the line, pauses, then the rest: two SSH data messages, two reads.
        CommandResult r = connection.execWithDialogue("printf 'ques' >&2; sleep 0.3; printf 'tion\\n' >&2; read a; "
                + "echo \"got $a\"", answering("question", "split"), listener, Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(out).containsExactly("got split");
        assertThat(err).isEmpty();
    }

    /** Runs a command that would wait for stdin forever, unless the dialogue ends it; true when it ended. */
    private boolean endsWithin20Seconds(StdinDialogue dialogue) throws Exception {
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                connection.execWithDialogue("echo ask >&2; cat >/dev/null; echo never", dialogue, listener,
                        Cancellation.none());
            } catch (SshException e) {
                // ended without an exit status: that is how an abort may look
            }
        });
        running.get(20, TimeUnit.SECONDS);
        return running.isDone();
    }

    @Test
    void abortEndsACommandThatWaitsForeverOnStdinAtOnce() throws Exception {
        assertThat(endsWithin20Seconds(on((line, stdin) -> {
            stdin.abort();
            return true;
        }))).isTrue();
        assertThat(out).doesNotContain("never");
        assertThat(connection.isOpen()).as("only the command ended, not the connection").isTrue();
    }

    @Test
    void aDialogueThatFailsEndsTheCommandRatherThanLetItGoOn() throws Exception {
        assertThat(endsWithin20Seconds(on((line, stdin) -> {
            throw new IllegalStateException("confused");
        }))).isTrue();
        assertThat(out).doesNotContain("never");
    }

    @Test
    void aFloodOfStderrBeforeTheQuestionIsPassedOnAndTheQuestionStillAnswered() throws Exception {
        CommandResult r = connection.execWithDialogue("seq 100000 >&2; echo question >&2; read a; echo \"got $a\"",
                answering("question", "late"), listener, Cancellation.none());
        assertThat(r.exitStatus()).isZero();
        assertThat(err).hasSize(100000).startsWith("1").endsWith("100000");
        assertThat(out).containsExactly("got late");
    }
}
