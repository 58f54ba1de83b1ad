package dev.upkeep.bench.peers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The harness never times a round in which a server's answer is missing or cut, and compares medians of good rounds. */
class PeerChecksTest {
    private static final String COMPLETE = "@@upkeep-status 1\nos=x\n@@apt\n@@end\n";

    @Test
    void psshRoundWithOneServersOutputCutShortIsIncomplete(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("127.0.0.1:2201"), COMPLETE);
        Files.writeString(dir.resolve("127.0.0.1:2202"), "@@upkeep-status 1\nos=x\n");
        assertEquals("1 of 2 servers answered completely", Contestants.psshProblem(0, dir, 2));
        Files.writeString(dir.resolve("127.0.0.1:2202"), COMPLETE);
        assertNull(Contestants.psshProblem(0, dir, 2));
        assertEquals("exit 5", Contestants.psshProblem(5, dir, 2));
    }

    @Test
    void upkeepRoundWithAnUnreachableServerIsIncomplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        Files.writeString(out, "[{\"reachable\":true,\"securityUpdates\":1},{\"reachable\":false,\"securityUpdates\":null}]");
        assertEquals("1 of 2 servers answered completely", Contestants.upkeepProblem(0, out, 2));
        Files.writeString(out, "[{\"reachable\":true,\"securityUpdates\":1},{\"reachable\":true,\"securityUpdates\":0}]");
        assertNull(Contestants.upkeepProblem(0, out, 2));
    }

    @Test
    void ansibleRoundCountsEveryServersStartAndEndMarkers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "srv01 | CHANGED | rc=0 >>\n" + COMPLETE + "srv02 | FAILED | rc=-1 >>\ntemplate error\n");
        assertEquals("1 of 2 servers answered completely", Contestants.ansibleProblem(0, out, 2));
        Files.writeString(out, "srv01 | CHANGED | rc=0 >>\n" + COMPLETE + "srv02 | CHANGED | rc=0 >>\n" + COMPLETE);
        assertNull(Contestants.ansibleProblem(0, out, 2));
    }

    @Test
    void ratiosDivideMediansOfCompleteRoundsOnly() {
        PeerTable table = new PeerTable();
        table.add(new Measured("Upkeep", 1000, 400, 100 * 1024, true, null));
        table.add(new Measured("Upkeep", 3000, 600, 100 * 1024, true, null));
        table.add(new Measured("Upkeep", 2000, 500, 100 * 1024, true, null));
        table.add(new Measured("Upkeep", 1, 1, 1, false, "exit 1"));
        table.add(new Measured("pssh", 1000, 250, 50 * 1024, true, null));
        String md = table.markdown(List.of("Upkeep"));
        assertTrue(md.contains("| Upkeep | 3 of 4 | 2.00 s | 0.50 s | 100 MB |"), md);
        assertTrue(md.contains("| Upkeep ÷ pssh | 2.00× | 2.00× | 2.00× |"), md);
        assertEquals(List.of("Upkeep: exit 1"), table.problems());
    }

    @Test
    void probeComesFromTheBuiltJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("upkeep.jar");
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("dev/upkeep/remote/cache-dir.sh"));
            zip.write("f() { :; }\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("dev/upkeep/remote/status.sh"));
            zip.write("echo packaged\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("f() { :; }\necho packaged\n", BenchFiles.probeFrom(jar));
        Path empty = dir.resolve("empty.jar");
        try (OutputStream os = Files.newOutputStream(empty); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("other"));
        }
        assertThrows(IOException.class, () -> BenchFiles.probeFrom(empty));
    }

    @Test
    void timingSummarySplitsARunIntoProcessAndPerServerPhases(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Files.writeString(err, String.join("\n",
                "12:00:00.100 DEBUG dev.upkeep.timing - process start to main: 400 ms",
                "12:00:01.000 DEBUG dev.upkeep.timing - 127.0.0.1 (127.0.0.1:2201) connect+kex_ms=300 kex_compute_ms=90 auth_ms=20",
                "12:00:01.500 DEBUG dev.upkeep.timing - srv01 connection_ms=330 probe_ms=150 parse_ms=1 patch_facts_ms=200",
                "12:00:01.600 DEBUG dev.upkeep.timing - refresh of 1 servers 700 ms, output 50 ms",
                "12:00:01.700 DEBUG dev.upkeep.timing - process start to exit: 1400 ms",
                "12:00:01.800 WARN  d.u.s.SshConnector - probe_ms=999 in another logger's line does not count"));
        TimingSummary summary = new TimingSummary();
        summary.addRun(err);
        String md = summary.markdown();
        assertTrue(md.contains("| per server: connect+kex | 300 ms | 300 ms |"), md);
        assertTrue(md.contains("| per server: probe | 150 ms | 150 ms |"), md);
        assertTrue(md.contains("| main to refresh start and after output to exit (picocli, workspace, services, shutdown) | 250 ms |"), md);
        assertTrue(md.contains("| refresh, all servers (wall) | 700 ms |"), md);
    }
}
