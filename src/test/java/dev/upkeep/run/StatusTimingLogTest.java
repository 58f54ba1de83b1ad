package dev.upkeep.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh says where its time went on the {@code dev.upkeep.timing} logger, per server, when asked (bench/where the
 * time goes reads it), and says nothing there by default; a server that does not answer gets no timing line.
 */
class StatusTimingLogTest {
    private static TestFleet fleet;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void debugTimingNamesEachAnsweringServersConnectKexAuthOneRoundTripAndParseTimes() throws Exception {
        fleet.server(1).stop();
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        List<String> lines = timingLines(Level.DEBUG, ws);
        fleet.server(1).start();
        assertThat(lines).anyMatch(l -> l.matches(".*:" + fleet.server(0).port()
                + "\\) connect\\+kex_ms=\\d+ kex_compute_ms=\\d+ auth_ms=\\d+"));
        assertThat(lines).anyMatch(l -> l.matches("srv01 connection_ms=\\d+ round_trip_ms=\\d+ parse_ms=\\d+ facts_parse_ms=\\d+"));
        assertThat(lines).noneMatch(l -> l.startsWith("srv02") || l.contains(":" + fleet.server(1).port() + ")"));
    }

    @Test
    void timingIsSilentByDefault() throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        assertThat(timingLines(null, ws)).isEmpty();
    }

    /** The timing logger's lines during one cold refresh, at the given level (null: as configured). */
    private static List<String> timingLines(Level level, Workspace ws) throws Exception {
        Logger timing = (Logger) LoggerFactory.getLogger("dev.upkeep.timing");
        Level before = timing.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        timing.addAppender(events);
        timing.setLevel(level);
        try (SshStatusService service = new SshStatusService()) {
            List<ServerStatus> result = service.refresh(ws, ServerRef.all(ws), false, (ref, s) -> {
            }).completion().get(3, TimeUnit.MINUTES);
            assertThat(result).filteredOn(ServerStatus::reachable).extracting(ServerStatus::server).contains("srv01");
        } finally {
            timing.setLevel(before);
            timing.detachAppender(events);
        }
        return events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.DEBUG))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
