package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.StallingServer;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status refresh over real servers and servers that stall: the stalled ones fail within the connect timeout (or
 * the probe's idle bound), saying where they stalled, while the others answer as usual.
 */
class StatusBoundsOnRealServersTest {
    private static final int CONNECT_TIMEOUT_SECONDS = 4;
    /** Generous for a loaded machine; without the bounds, these servers hold the refresh for ever. */
    private static final Duration MARGIN = Duration.ofSeconds(8);
    private static final Duration PROBE_IDLE = Duration.ofSeconds(2);
    private static TestFleet fleet;
    private static SshStatusService service;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
        service = new SshStatusService(PassphraseProvider.NONE,
                new StatusLimits(PROBE_IDLE, Duration.ofSeconds(120), 4L << 20));
    }

    @AfterAll
    static void stopFleet() {
        if (service != null) {
            service.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Workspace workspace(Path dir, Path knownHosts, Map<String, Integer> extraPorts) {
        List<Server> servers = new ArrayList<>();
        for (TestServer s : fleet.servers()) {
            servers.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        extraPorts.forEach((name, port) -> servers.add(new Server(name, "127.0.0.1", port, "root",
                fleet.clientKey().toString(), false, List.of("web"))));
        Settings settings = new Settings(10, knownHosts.toString(), dir.resolve("no-ssh-config").toString(),
                CONNECT_TIMEOUT_SECONDS, Settings.DEFAULT_WEAVE_DOWNLOAD_URL);
        return new Workspace(dir.resolve("workspace.yml"), settings,
                List.of(new Application("shop", "production", null, null, servers)));
    }

    @Test
    void serversThatStallInBannerKeyExchangeOrAuthenticationFailInTimeWhileTheOthersAnswer(@TempDir Path dir)
            throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.copy(fleet.knownHosts(), knownHosts);
        try (StallingServer silent = StallingServer.start(StallingServer.Stall.AFTER_ACCEPT);
             StallingServer kex = StallingServer.start(StallingServer.Stall.AFTER_BANNER);
             StallingServer auth = StallingServer.start(StallingServer.Stall.IN_AUTHENTICATION)) {
            auth.trustIn(knownHosts);
            Workspace ws = workspace(dir, knownHosts,
                    Map.of("silent", silent.port(), "kex-stall", kex.port(), "auth-stall", auth.port()));
            Map<String, Long> finishedAt = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            List<ServerStatus> result = service.refresh(ws, ServerRef.all(ws), false,
                    (ref, status) -> finishedAt.put(ref.server(), System.nanoTime() - t0))
                    .completion().get(CONNECT_TIMEOUT_SECONDS + MARGIN.toSeconds(), TimeUnit.SECONDS);
            Map<String, ServerStatus> s = result.stream().collect(Collectors.toMap(ServerStatus::server, Function.identity()));

            for (TestServer real : fleet.servers()) {
                assertThat(s.get(real.name()).reachable()).as(s.get(real.name()).error()).isTrue();
                assertThat(s.get(real.name()).bootId()).isEqualTo(real.bootId());
            }
            assertThat(s.get("silent").error()).contains("no SSH banner").contains("within 4 s");
            assertThat(s.get("kex-stall").error()).contains("key exchange did not finish").contains("within 4 s");
            assertThat(s.get("auth-stall").error()).contains("authentication").contains("did not finish within 4 s");
            for (String stalled : List.of("silent", "kex-stall", "auth-stall")) {
                assertThat(Duration.ofNanos(finishedAt.get(stalled)))
                        .isBetween(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS).minusMillis(200),
                                Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS).plus(MARGIN));
            }
        }
    }

    @Test
    void probeThatStopsProducingOutputEndsAndTheServerAnswersAgainOnceItIsFixed(@TempDir Path dir) throws Exception {
        TestServer server = fleet.server(1);
        String sleep = "sleep " + (3600 + new java.util.Random().nextInt(100_000));
        // A stand-in apt-get that hangs, found first on root's PATH: the real probe script stops at "apt-get -s".
        server.writeFile("/usr/local/bin/apt-get", ("#!/bin/sh\nexec " + sleep + "\n").getBytes(StandardCharsets.UTF_8));
        server.run("chmod 755 /usr/local/bin/apt-get");
        Workspace ws = workspace(dir, fleet.knownHosts(), Map.of());
        try {
            ServerStatus hung = refresh(ws, server);
            assertThat(hung.reachable()).isFalse();
            assertThat(hung.error()).contains("status probe: no output for 2 s; stopped").doesNotContain("@@upkeep");
            // "[s]leep": pgrep must not find the shell that runs it (its own command line holds the pattern).
            String pattern = "[s]" + sleep.substring(1);
            org.awaitility.Awaitility.await().alias("the hung stand-in was ended").atMost(Duration.ofSeconds(15))
                    .until(() -> server.call("pgrep -f '" + pattern + "'").exitCode() == 1);
        } finally {
            server.run("rm -f /usr/local/bin/apt-get");
        }
        ServerStatus again = refresh(ws, server);
        assertThat(again.reachable()).as(again.error()).isTrue();
        assertThat(again.bootId()).isEqualTo(server.bootId());
    }

    private static ServerStatus refresh(Workspace ws, TestServer server) throws Exception {
        ServerRef ref = new ServerRef("shop", server.name());
        return service.refresh(ws, List.of(ref), false, (r, st) -> {
        }).completion().get(60, TimeUnit.SECONDS).get(0);
    }
}
