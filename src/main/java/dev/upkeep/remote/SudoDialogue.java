package dev.upkeep.remote;

import dev.upkeep.ssh.StdinDialogue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One privileged command under sudo, talking to sudo over stdin. sudo is told to print a prompt of our own
 * (random, ending in a newline so the line-based drain sees it) and to start {@code sh -c} that prints a random
 * marker before it reads the script. The password is written only after that prompt, once; the script only after
 * the marker, which means sudo accepted the password or did not ask. The prompt a second time means the password
 * was wrong: the command is ended at once, before sudo can count more attempts. Prompt and marker lines never
 * reach the output listener. No stream a shell reads ever sees the password.
 */
final class SudoDialogue implements StdinDialogue {
    /** How the conversation ended; NONE while it goes on (or when the command ended before sudo said anything). */
    enum Outcome { NONE, STARTED, REJECTED, NO_PASSWORD, UNUSABLE_PASSWORD, TIMED_OUT }

    private static final int KEEP_LINES = 3;

    private final String prompt;
    private final String marker;
    private final byte[] script;
    private final SudoPassword password;
    private final Duration timeout;
    private final Deque<String> sudoSaid = new ArrayDeque<>();
    private Stdin stdin;
    private SudoPassword.Attempt sent;
    private int timerGeneration;
    private volatile Outcome outcome = Outcome.NONE;

    /**
     * @param password where the answer comes from; null when there is none (a prompt then ends the command)
     * @param timeout  how long sudo may take to run the command or ask (not counting the time a person types)
     */
    SudoDialogue(String prompt, String marker, String script, SudoPassword password, Duration timeout) {
        this.prompt = prompt;
        this.marker = marker;
        this.script = script.getBytes(StandardCharsets.UTF_8);
        this.password = password;
        this.timeout = timeout;
    }

    /** The command line: only random tokens and fixed words, quoted. */
    String command() {
        return "sudo -S -p " + Shell.quote(prompt + "\n") + " -- sh -c "
                + Shell.quote("echo " + marker + " >&2; exec sh -s");
    }

    Outcome outcome() {
        return outcome;
    }

    /** What sudo printed on stderr before the marker (its own complaints), the last few lines. */
    synchronized List<String> sudoSaid() {
        return List.copyOf(sudoSaid);
    }

    @Override
    public synchronized void started(Stdin in) {
        this.stdin = in;
        arm();
    }

    @Override
    public synchronized boolean onStderrLine(String line, Stdin in) {
        if (outcome == Outcome.STARTED) {
            return false; // the script's own stderr
        }
        if (outcome != Outcome.NONE) {
            return true; // ending: nothing more goes anywhere
        }
        if (line.endsWith(marker)) {
            startScript(in);
            return true;
        }
        if (line.endsWith(prompt)) {
            answer(in);
            return true;
        }
        sudoSaid.addLast(line);
        if (sudoSaid.size() > KEEP_LINES) {
            sudoSaid.removeFirst();
        }
        return false;
    }

    private void startScript(Stdin in) {
        outcome = Outcome.STARTED;
        timerGeneration++;
        if (sent != null) {
            password.accepted(sent);
        }
        try {
            in.write(script);
        } catch (IOException e) {
            // The command ended meanwhile; its result says how.
        }
        in.close();
    }

    private void answer(Stdin in) {
        if (sent != null) {
            password.rejected(sent);
            end(in, Outcome.REJECTED);
            return;
        }
        timerGeneration++; // a person may be asked now: their typing is not sudo's time
        SudoPassword.Attempt attempt = password == null ? null : password.next();
        if (attempt == null) {
            end(in, Outcome.NO_PASSWORD);
            return;
        }
        sent = attempt;
        byte[] line = passwordLine(attempt.password());
        attempt.wipe();
        if (line == null) {
            end(in, Outcome.UNUSABLE_PASSWORD);
            return;
        }
        try {
            in.write(line);
            arm();
        } catch (IOException e) {
            in.abort();
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private void end(Stdin in, Outcome how) {
        outcome = how;
        timerGeneration++;
        in.abort();
    }

    /** The password and a newline in UTF-8, or null when sudo could not read it as one line. */
    static byte[] passwordLine(char[] password) {
        for (char c : password) {
            if (c == '\n' || c == '\r' || c == '\0') {
                return null;
            }
        }
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            return null;
        }
        byte[] line = new byte[encoded.remaining() + 1];
        encoded.get(line, 0, line.length - 1);
        line[line.length - 1] = '\n';
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return line;
    }

    /** The command is over: a timer still pending must not touch it. */
    synchronized void finished() {
        timerGeneration++;
    }

    /** Gives sudo {@code timeout} from now to ask or to start the command; a newer arm replaces this one. */
    private void arm() {
        int generation = ++timerGeneration;
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> timeUp(generation));
    }

    private synchronized void timeUp(int generation) {
        if (generation != timerGeneration || outcome != Outcome.NONE || stdin == null) {
            return;
        }
        end(stdin, Outcome.TIMED_OUT);
    }
}
