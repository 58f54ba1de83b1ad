package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty real servers upgraded in parallel, plus one that cannot be reached: only that one fails. */
class TwentyServersUpgradeTest {
    private static final Logger log = LoggerFactory.getLogger(TwentyServersUpgradeTest.class);
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(20);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void twentyServersUpgradeInParallelAndOnlyTheUnreachableOneFails(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<Server> servers = new ArrayList<>();
        for (TestServer s : fleet.servers()) {
            servers.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        servers.add(10, new Server("gone", "127.0.0.1", closedPort, "root", fleet.clientKey().toString(), false, List.of()));
        Workspace ws = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", "production", null, null, servers)));
        RecordingListener events = new RecordingListener();
        long t0 = System.nanoTime();
        RunSummary summary = SecurityUpgradeOnRealServersTest.run(ws, RunOptions.security(21), dir.resolve("state"), events);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Security upgrade on 20 servers (+1 unreachable) in parallel: {} ms", millis);

        assertThat(summary.results()).hasSize(21);
        for (ServerResult r : summary.results()) {
            if (r.server().server().equals("gone")) {
                assertThat(r.outcome()).isEqualTo(RunStep.FAILED);
                assertThat(r.message()).containsIgnoringCase("refused");
            } else {
                assertThat(r.outcome()).as(r.server() + ": " + r.message()).isEqualTo(RunStep.DONE);
                assertThat(r.upgraded()).containsExactly("upkeep-sec-demo 1.1");
                assertThat(r.rebootRequired()).isTrue();
            }
        }
        for (TestServer s : fleet.servers()) {
            assertThat(s.run("cat /usr/share/upkeep-demo/upkeep-other-demo.version").strip()).isEqualTo("1.0");
        }
        Path runDir = dir.resolve("state/runs").resolve(summary.id());
        try (var files = Files.list(runDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".log")).count()).isEqualTo(21);
        }
        assertThat(summary.finished()).isNotNull();
    }
}
