package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One timer per server's reboot: its limits fire, and closing it leaves no thread behind. */
class RebootTimerTest {
    @Test
    void limitFiresByItselfAndSaysItTimedOut() {
        Cancellation run = new Cancellation();
        try (RebootTimer timer = new RebootTimer(); RebootTimer.Limited limited = timer.limit(run, Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(5)).until(limited.token()::isCancelled);
            assertThat(limited.timedOut()).isTrue();
            assertThat(run.isCancelled()).isFalse();
        }
    }

    @Test
    void closingTheTimerEndsItsThread() {
        Set<Thread> before = timerThreads();
        RebootTimer timer = new RebootTimer();
        Set<Thread> ours;
        try (RebootTimer.Limited ignored = timer.limit(new Cancellation(), Duration.ofMinutes(10))) {
            ours = new HashSet<>(timerThreads());
            ours.removeAll(before); // other tests' reboots may have timers of their own right now
            assertThat(ours).hasSize(1);
        }
        timer.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> ours.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("reboot-timer") && t.isAlive()).collect(Collectors.toSet());
    }
}
