package dev.upkeep.remote;

import dev.upkeep.ssh.StdinDialogue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The conversation with sudo, against a scripted stand-in for the command's stdin (no SSH). */
class SudoDialogueTest {
    private static final String PROMPT = "upkeep-sudo-prompt-0123";
    private static final String MARKER = "upkeep-sudo-ok-4567";
    private static final String SCRIPT = "id -u\n";

    /** What the command was given: each write as text, "<EOF>" for close, "<ABORT>" for abort. */
    private static final class FakeStdin implements StdinDialogue.Stdin {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void write(byte[] bytes) {
            events.add(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            events.add("<EOF>");
        }

        @Override
        public void abort() {
            events.add("<ABORT>");
        }
    }

    private final FakeStdin stdin = new FakeStdin();
    private final List<String> passedOn = new CopyOnWriteArrayList<>();

    private SudoDialogue dialogue(SudoPassword password, Duration timeout) {
        SudoDialogue d = new SudoDialogue(PROMPT, MARKER, SCRIPT, password, timeout);
        d.started(stdin);
        return d;
    }

    private SudoDialogue dialogue(SudoPassword password) {
        return dialogue(password, Duration.ofMinutes(5));
    }

    /** The stderr lines as the command printed them; those the dialogue does not take go on to the log. */
    private void stderr(SudoDialogue d, String... lines) {
        for (String line : lines) {
            if (!d.onStderrLine(line, stdin)) {
                passedOn.add(line);
            }
        }
    }

    @Test
    void thePasswordIsWrittenOnceAfterThePromptAndTheScriptOnlyAfterTheMarker() {
        ScriptedPassword password = new ScriptedPassword("admin@web1", "pw-1");
        SudoDialogue d = dialogue(password);
        stderr(d, PROMPT);
        assertThat(stdin.events).containsExactly("pw-1\n");
        stderr(d, MARKER, "script's own stderr");
        assertThat(stdin.events).containsExactly("pw-1\n", SCRIPT, "<EOF>");
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.STARTED);
        assertThat(password.accepted).containsExactly(0);
        assertThat(passedOn).as("prompt and marker never reach the log").containsExactly("script's own stderr");
    }

    @Test
    void markerFirstMeansSudoDidNotAskAndThePasswordIsNeverEvenFetched() {
        ScriptedPassword password = new ScriptedPassword("nopw@web2", "pw-1");
        SudoDialogue d = dialogue(password);
        stderr(d, MARKER);
        assertThat(stdin.events).containsExactly(SCRIPT, "<EOF>");
        assertThat(password.fetched).hasValue(0);
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.STARTED);
    }

    @Test
    void thePromptASecondTimeMeansAWrongPasswordAndEndsTheCommandWithoutWritingAgain() {
        ScriptedPassword password = new ScriptedPassword("admin@web1", "wrong", "right");
        SudoDialogue d = dialogue(password);
        stderr(d, PROMPT, "Sorry, try again.", PROMPT, PROMPT, MARKER);
        assertThat(stdin.events).containsExactly("wrong\n", "<ABORT>");
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.REJECTED);
        assertThat(password.rejected).containsExactly(0);
        assertThat(password.fetched).as("one answer per command: a retry is a new command").hasValue(1);
        assertThat(passedOn).containsExactly("Sorry, try again.");
    }

    @Test
    void aPromptWithNoAnswerToGiveEndsTheCommandWithoutWritingAnything() {
        SudoDialogue d = dialogue(new ScriptedPassword("admin@web1"));
        stderr(d, PROMPT);
        assertThat(stdin.events).containsExactly("<ABORT>");
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.NO_PASSWORD);

        FakeStdin nowhere = new FakeStdin();
        SudoDialogue none = new SudoDialogue(PROMPT, MARKER, SCRIPT, null, Duration.ofMinutes(5));
        none.started(nowhere);
        none.onStderrLine(PROMPT, nowhere);
        assertThat(nowhere.events).containsExactly("<ABORT>");
        assertThat(none.outcome()).isEqualTo(SudoDialogue.Outcome.NO_PASSWORD);
    }

    @Test
    void sudoEndingBeforeTheMarkerLeavesItsWordsForTheErrorAndNothingIsWritten() {
        ScriptedPassword password = new ScriptedPassword("admin@web1", "pw-1");
        SudoDialogue d = dialogue(password);
        stderr(d, "sudo: unable to resolve host web1", "admin is not in the sudoers file.");
        // EOF: the command ended; no more lines come.
        assertThat(stdin.events).isEmpty();
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.NONE);
        assertThat(d.sudoSaid()).containsExactly("sudo: unable to resolve host web1", "admin is not in the sudoers file.");
        assertThat(passedOn).hasSize(2);
    }

    @Test
    void thePromptAfterTheMarkerIsTheScriptsOwnOutputAndGetsNoPassword() {
        ScriptedPassword password = new ScriptedPassword("nopw@web2", "pw-1");
        SudoDialogue d = dialogue(password);
        stderr(d, MARKER, PROMPT);
        assertThat(stdin.events).containsExactly(SCRIPT, "<EOF>");
        assertThat(password.fetched).hasValue(0);
        assertThat(passedOn).containsExactly(PROMPT);
    }

    @Test
    void aPromptAfterOtherTextOnTheSameLineIsStillSudosPrompt() {
        ScriptedPassword password = new ScriptedPassword("admin@web1", "pw-1");
        SudoDialogue d = dialogue(password);
        stderr(d, "[pam notice without newline]" + PROMPT);
        assertThat(stdin.events).containsExactly("pw-1\n");
    }

    @Test
    void aPasswordSudoCouldNotReadAsOneLineIsNeverWritten() {
        SudoDialogue d = dialogue(new ScriptedPassword("admin@web1", "first\nsecond"));
        stderr(d, PROMPT);
        assertThat(stdin.events).containsExactly("<ABORT>");
        assertThat(d.outcome()).isEqualTo(SudoDialogue.Outcome.UNUSABLE_PASSWORD);
    }

    @Test
    void sudoThatNeitherAsksNorStartsIsEndedAfterTheTimeout() {
        SudoDialogue d = dialogue(new ScriptedPassword("admin@web1", "pw-1"), Duration.ofMillis(200));
        stderr(d, "Verification code: (a PAM prompt of its own, never ours)");
        await().atMost(Duration.ofSeconds(10)).until(() -> d.outcome() == SudoDialogue.Outcome.TIMED_OUT);
        assertThat(stdin.events).containsExactly("<ABORT>");
    }

    @Test
    void aStartedCommandIsNeverTimedOut() throws Exception {
        SudoDialogue d = dialogue(new ScriptedPassword("admin@web1", "pw-1"), Duration.ofMillis(100));
        stderr(d, PROMPT, MARKER);
        // Holds for four times the timeout: the timer armed at start fired and did nothing.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5))
                .until(() -> d.outcome() == SudoDialogue.Outcome.STARTED);
        assertThat(stdin.events).doesNotContain("<ABORT>");
    }

    @Test
    void theCommandLineHoldsOnlyThePromptTheMarkerAndFixedWords() {
        String command = new SudoDialogue(PROMPT, MARKER, "secret script", null, Duration.ofSeconds(1)).command();
        assertThat(command).isEqualTo("sudo -S -p '" + PROMPT + "\n' -- sh -c 'echo " + MARKER + " >&2; exec sh -s'");
    }
}
