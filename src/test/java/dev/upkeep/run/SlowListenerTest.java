package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.Step;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A listener that takes its time over one server's output line holds up that server only, never the others. */
class SlowListenerTest {
    private final Connections connections = new Connections() {
        @Override
        public SshConnection get(ServerPlan server) {
            return null; // the procedures below never touch the connection
        }

        @Override
        public void evict(ServerPlan server) {
        }
    };
    private final SudoSession sudo = new SudoSession((title, question) -> null);
    private final Runner runner = new Runner(connections, sudo, (server, cancel) -> null);
    private final CountDownLatch slowLineHeld = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        runner.close();
        sudo.close();
    }

    @Test
    void aListenerStuckOnOneServersLineDoesNotStallTheOtherServers() throws Exception {
        RecordingListener events = new RecordingListener();
        RunListener stuckOnSlow = event -> {
            if (event instanceof RunEvent.Output o && o.server().server().equals("slow")) {
                slowLineHeld.countDown();
                await(release); // a listener writing to a full pipe or a stalled disk
            }
        };
        RunHandle run = runner.start(new RunPlan("20261130T000000Z-abcdef", Instant.now(), RunOptions.security(2),
                List.of(server("slow", printing("slow line")), server("fast", afterTheSlowLineIsHeld()))), stuckOnSlow, events);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !events.of(RunEvent.ServerFinished.class,
                f -> f.result().server().server().equals("fast")).isEmpty());
        assertThat(events.lines("fast")).containsSubsequence("fast line 1", "fast line 2", "fast line 3");
        assertThat(events.lines("slow")).as("the slow server's lines wait for the stuck listener").isEmpty();

        release.countDown();
        RunSummary summary = run.completion().get(20, TimeUnit.SECONDS);
        assertThat(summary.allSucceeded()).isTrue();
        assertThat(events.lines("slow")).contains("slow line");
    }

    private static ServerPlan server(String name, Procedure procedure) {
        return new ServerPlan(new ServerRef("shop", name), new ConnectRequest("127.0.0.1", 22, "root", null), false,
                List.of(procedure));
    }

    private static Procedure printing(String line) {
        return procedure(ctx -> ctx.line(OutputListener.Stream.STDOUT, line));
    }

    /** Prints only once the stuck listener holds the slow server's line, so the two certainly overlap. */
    private Procedure afterTheSlowLineIsHeld() {
        return procedure(ctx -> {
            await(slowLineHeld);
            for (int i = 1; i <= 3; i++) {
                ctx.line(OutputListener.Stream.STDOUT, "fast line " + i);
            }
        });
    }

    private static Procedure procedure(Consumer<ProcedureContext> body) {
        return new Procedure() {
            @Override
            public String name() {
                return "security";
            }

            @Override
            public ProcedureResult run(ProcedureContext ctx) {
                ctx.step(Step.UPGRADING, "security");
                body.accept(ctx);
                return new ProcedureResult(true, "ok", List.of(), false, List.of());
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
