package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry rhythm both detached-job followers share: give up past the window, start afresh after a reconnect. */
class FollowReconnectTest {

    @Test
    void aFailedReconnectKeepsTheLossCountingAndSaysWhy() {
        Recording ctx = new Recording(1);
        FollowReconnect lost = new FollowReconnect(ctx, Duration.ZERO, Cancellation.none());

        assertThat(lost.lostTooLong()).as("the moment of loss is within any window").isFalse();
        lost.pauseThenReconnect();

        assertThat(ctx.reconnects).hasValue(1);
        assertThat(ctx.lines).containsExactly("upkeep: reconnect failed: web-1: server still down");
        assertThat(lost.lostTooLong()).as("still lost since the first failure").isTrue();
    }

    @Test
    void aSuccessfulReconnectStartsTheWindowAfresh() {
        Recording ctx = new Recording(0);
        FollowReconnect lost = new FollowReconnect(ctx, Duration.ZERO, Cancellation.none());

        lost.lostTooLong();
        lost.pauseThenReconnect();

        assertThat(ctx.lines).containsExactly("upkeep: reconnected");
        assertThat(lost.lostTooLong()).as("a new loss after a reconnect counts from now").isFalse();
    }

    @Test
    void aPauseCutShortReturnsWithoutReconnecting() {
        Recording ctx = new Recording(0);
        Cancellation stop = new Cancellation();
        stop.cancel();

        new FollowReconnect(ctx, Duration.ofMinutes(3), stop).pauseThenReconnect();

        assertThat(ctx.reconnects).hasValue(0);
        assertThat(ctx.lines).isEmpty();
    }

    @Test
    void givingUpNamesTheWindowAndTheCause() {
        FollowReconnect lost = new FollowReconnect(new Recording(0), Duration.ofMinutes(3), Cancellation.none());

        assertThat(lost.givingUp(new SshException("web-1", "Connection refused")))
                .isEqualTo("connection lost for more than 3 min (web-1: Connection refused)");
    }

    /** A context whose reconnect fails a given number of times, then succeeds; it records narration. */
    private static final class Recording implements ProcedureContext {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnects = new AtomicInteger();
        private final int failures;

        Recording(int failures) {
            this.failures = failures;
        }

        @Override
        public SshConnection connection() {
            return null;
        }

        @Override
        public String server() {
            return "web-1";
        }

        @Override
        public boolean sudo() {
            return false;
        }

        @Override
        public SudoPassword sudoPassword() {
            return null;
        }

        @Override
        public void step(Step step, String detail) {
        }

        @Override
        public void line(OutputListener.Stream stream, String line) {
            lines.add(line);
        }

        @Override
        public Cancellation cancellation() {
            return Cancellation.none();
        }

        @Override
        public SshConnection reconnect() throws SshException {
            if (reconnects.incrementAndGet() <= failures) {
                throw new SshException("web-1", "server still down");
            }
            return null;
        }
    }
}
