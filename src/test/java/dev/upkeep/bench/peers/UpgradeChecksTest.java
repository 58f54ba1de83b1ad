package dev.upkeep.bench.peers;

import dev.upkeep.remote.ExportedScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upgrade benchmark counts a turn only when dpkg on every server shows the upgrade, whatever the client says. */
class UpgradeChecksTest {
    private static final UpgradeCheck UPGRADED = new UpgradeCheck("upkeep-sec-demo", "1.1", "upkeep-other-demo", "1.0");
    private static final String DONE = "upkeep-sec-demo 1.1\nupkeep-other-demo 1.0\n";
    private static final String NOT_DONE = "upkeep-sec-demo 1.0\nupkeep-other-demo 1.0\n";

    @Test
    void serverStillOnTheOldVersionIsReported() {
        assertEquals("1 of 2 servers upgraded as expected; srv02: upkeep-sec-demo 1.0, not 1.1",
                UPGRADED.problem(servers(DONE, NOT_DONE)));
        assertNull(UPGRADED.problem(servers(DONE, DONE)));
    }

    @Test
    void upgradingTheOrdinaryUpdateTooIsReported() {
        assertEquals("0 of 1 servers upgraded as expected; srv01: upkeep-other-demo 1.1, not 1.0 (not a security update)",
                UPGRADED.problem(servers("upkeep-sec-demo 1.1\nupkeep-other-demo 1.1\n")));
    }

    @Test
    void serverWhoseQueryFailedOrListsNothingIsReported() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("srv01", null);
        outputs.put("srv02", "dpkg-query: no packages found matching upkeep-sec-demo\n");
        String problem = UPGRADED.problem(outputs);
        assertTrue(problem.startsWith("0 of 2 servers upgraded as expected; srv01: upkeep-sec-demo not installed, not 1.1"), problem);
        assertEquals("no server was checked", UPGRADED.problem(Map.of()));
    }

    @Test
    void queryListsBothPackagesOneLineEach() {
        assertEquals("dpkg-query -W -f='${Package} ${Version}\\n' upkeep-sec-demo upkeep-other-demo", UPGRADED.query());
        assertEquals(Map.of("upkeep-sec-demo", "1.1", "upkeep-other-demo", "1.0"), UpgradeCheck.versions(DONE));
    }

    @Test
    void psshTurnThatExitsZeroWithoutUpgradingDoesNotCount(@TempDir Path dir) throws Exception {
        Contestant pssh = UpgradeContestants.make(UpgradeContestants.PSSH, files(dir), Path.of("upkeep"), "", job(),
                () -> "1 of 2 servers upgraded as expected; srv02: upkeep-sec-demo 1.0, not 1.1");
        assertEquals("1 of 2 servers upgraded as expected; srv02: upkeep-sec-demo 1.0, not 1.1",
                pssh.check().problem(0, stdout(dir), dir));
        assertEquals("exit 5; srv02 down", UpgradeContestants.make(UpgradeContestants.PSSH, files(dir), Path.of("upkeep"),
                "", job(), () -> "srv02 down").check().problem(5, stdout(dir), dir));
    }

    @Test
    void upkeepTurnThatExitsZeroWithoutUpgradingDoesNotCount(@TempDir Path dir) throws Exception {
        Contestant upkeep = UpgradeContestants.make(UpgradeContestants.UPKEEP, files(dir), Path.of("upkeep"), "", job(),
                () -> "0 of 1 servers upgraded as expected");
        assertEquals("0 of 1 servers upgraded as expected", upkeep.check().problem(0, stdout(dir), dir));
        Contestant fine = UpgradeContestants.make(UpgradeContestants.UPKEEP, files(dir), Path.of("upkeep"), "", job(), () -> null);
        assertNull(fine.check().problem(0, stdout(dir), dir));
        Files.writeString(dir.resolve("stderr.txt"), "Building Upkeep (first start or sources changed)…\n");
        assertTrue(fine.check().problem(0, stdout(dir), dir).startsWith("the launcher rebuilt Upkeep"));
    }

    @Test
    void upkeepRunsTheUpgradeAsAUserTypesItAndPsshRunsUpkeepsJob(@TempDir Path dir) {
        BenchFiles f = files(dir);
        Contestant upkeep = UpgradeContestants.make(UpgradeContestants.UPKEEP, f, Path.of("/u/upkeep"), "", job(), () -> null);
        assertEquals(List.of("/u/upkeep", "--workspace", f.workspace().toString(), "upgrade", "--security", "--yes"), upkeep.command());
        Contestant pssh = UpgradeContestants.make(UpgradeContestants.PSSH_CURVE, f, Path.of("/u/upkeep"), "", job(), () -> null);
        List<String> cmd = pssh.command();
        assertEquals(SecurityJob.remoteCommand(job()), cmd.get(cmd.size() - 1));
        assertTrue(cmd.containsAll(List.of("-p", "2", "StrictHostKeyChecking=yes", "KexAlgorithms=curve25519-sha256")), cmd.toString());
        assertThrows(IllegalArgumentException.class, () -> SecurityJob.remoteCommand("echo not a script"));
    }

    @Test
    void timingOfACommandWithoutARefreshSplitsJvmStartFromTheCommand(@TempDir Path dir) throws Exception {
        Path stderr = Files.writeString(dir.resolve("stderr.txt"), String.join("\n",
                "01:45:24.989 DEBUG dev.upkeep.timing - process start to main: 1455 ms",
                "01:45:27.412 DEBUG dev.upkeep.timing - 127.0.0.1 (127.0.0.1:45437) connect+kex_ms=875 kex_compute_ms=824 auth_ms=55",
                "01:45:29.753 DEBUG dev.upkeep.timing - process start to exit: 6223 ms", ""));
        TimingSummary timings = new TimingSummary();
        timings.addRun(stderr);
        String md = timings.markdown();
        assertTrue(md.contains("| process start to main (JVM start, class loading of the launcher) | 1455 ms | 1455 ms |"), md);
        assertTrue(md.contains("| main to exit (the command: workspace, connections, the run, shutdown) | 4768 ms | 4768 ms |"), md);
        assertTrue(md.contains("| per server: connect+kex | 875 ms | 875 ms |"), md);
    }

    @Test
    void runHistorySplitsEachServersTimeIntoQueueConnectAndJob(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs/20261201T015051Z-95ccbb"));
        Files.writeString(run.resolve("fleet--srv01.log"), String.join("\n",
                "2026-12-01T01:50:53.682Z STP queued",
                "2026-12-01T01:50:53.729Z RUN batch 1 of 1 started",
                "2026-12-01T01:50:53.731Z STP connecting",
                "2026-12-01T01:50:56.548Z OUT upkeep: security upgrades",
                "2026-12-01T01:50:59.100Z OUT (Reading database ... \r(Reading database ... 5%\r",
                "2026-12-01T01:51:00.921Z STP done: security upgrades: upgraded 1 package(s)",
                "2026-12-01T01:51:00.921Z END done in 7189 ms: security upgrades: upgraded 1 package(s)", ""));
        Files.writeString(run.resolve("fleet--srv02.log"), "2026-12-01T01:50:53.690Z STP queued\n"); // never connected: left out
        Files.writeString(run.resolve("summary.json"), "{}");
        Path stderr = Files.writeString(dir.resolve("stderr.txt"),
                "01:50:50.033 DEBUG dev.upkeep.timing - process start to main: 2039 ms\n");
        TimingSummary timings = new TimingSummary();
        RunLogTimings.add(timings, dir.resolve("runs"), stderr, ZoneOffset.UTC);
        String md = timings.markdown();
        assertTrue(md.contains("| per server: queued to connecting | 49 ms | 49 ms |"), md);
        assertTrue(md.contains("| per server: connecting to first output (TCP, key exchange, auth, start script) | 2817 ms | 2817 ms |"), md);
        assertTrue(md.contains("| per server: first output to end (the job on the server, followed) | 4373 ms | 4373 ms |"), md);
        assertTrue(md.contains("| main to the first server queued (picocli, workspace, plan, history, services) | 3649 ms | 3649 ms |"), md);
        TimingSummary none = new TimingSummary();
        RunLogTimings.add(none, dir.resolve("no-runs"), null, ZoneOffset.UTC);
        assertTrue(none.isEmpty());
    }

    private static String job() {
        return ExportedScripts.securityUpgrade(Duration.ofMinutes(5));
    }

    private static Map<String, String> servers(String... outputs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < outputs.length; i++) {
            map.put("srv0" + (i + 1), outputs[i]);
        }
        return map;
    }

    private static Path stdout(Path dir) throws Exception {
        return Files.writeString(dir.resolve("stdout.txt"), "");
    }

    private static BenchFiles files(Path dir) {
        return new BenchFiles(dir, dir.resolve("key"), dir.resolve("known_hosts"), dir.resolve("workspace.yml"),
                dir.resolve("workspace-curve25519.yml"), dir.resolve("pssh-hosts"), dir.resolve("inventory.ini"),
                dir.resolve("home"), "probe", 2);
    }
}
