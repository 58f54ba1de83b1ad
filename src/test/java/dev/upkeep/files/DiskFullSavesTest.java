package dev.upkeep.files;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.run.HistoryRecorder;
import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every save on a real full disk (a 256 KiB tmpfs): the file is byte for byte what it was, no temp file is left, and
 * the error says "disk full" and names the file.
 */
class DiskFullSavesTest {
    @TempDir
    Path dir;

    @Test
    void aManifestSaveWhoseBackupDoesNotFitChangesNeitherTheFileNorTheOldBackup() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Path file = Files.writeString(disk.root().resolve("Manifest.yml"), "docker:\n  configuration:\n    docker_version: 24.0.7\n");
            Path bak = Files.writeString(disk.root().resolve("Manifest.yml.bak"), "the backup before\n");
            byte[] before = Files.readAllBytes(file);
            ManifestFiles files = new ManifestFiles();
            OpenedManifest opened = files.open(file);
            disk.fill();

            assertThatThrownBy(() -> files.save(opened, opened.text().replace("24.0.7", "25.0.3")))
                    .hasMessageContaining("disk full").hasMessageContaining(file.toString());

            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(Files.readString(bak)).isEqualTo("the backup before\n");
            assertThat(disk.names()).containsExactly("Manifest.yml", "Manifest.yml.bak");
        }
    }

    @Test
    void aManifestTooLargeForTheRoomLeftAfterItsBackupIsNotWrittenAtAll() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Path file = Files.writeString(disk.root().resolve("Manifest.yml"), "docker:\n  configuration:\n    docker_version: 24.0.7\n");
            byte[] before = Files.readAllBytes(file);
            ManifestFiles files = new ManifestFiles();
            OpenedManifest opened = files.open(file);
            disk.fill(8192); // room for the backup's page, not for 100 KB of new text
            String bigger = opened.text() + "# " + "x".repeat(100_000) + "\n";

            assertThatThrownBy(() -> files.save(opened, bigger))
                    .hasMessageContaining("disk full").hasMessageContaining(file.toString());

            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(disk.names()).containsExactly("Manifest.yml", "Manifest.yml.bak");
        }
    }

    @Test
    void aWorkspaceSaveOnAFullDiskKeepsTheOldFile() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            WorkspaceStore store = new WorkspaceStore();
            Path file = disk.root().resolve("workspace.yml");
            store.save(workspace(file, 1));
            byte[] before = Files.readAllBytes(file);
            disk.fill();

            assertThatThrownBy(() -> store.save(workspace(file, 2_000)))
                    .hasMessageContaining("disk full").hasMessageContaining(file.toString());

            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(disk.names()).containsExactly("workspace.yml");
            assertThat(store.load(file)).isEqualTo(workspace(file, 1));
        }
    }

    @Test
    void aRunSummaryThatDoesNotFitLeavesTheStartSummaryAndSaysDiskFull() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            RunHistory history = new RunHistory(disk.root().resolve("state"));
            List<ServerPlan> servers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                servers.add(new ServerPlan(new ServerRef("shop", "web" + i), new ConnectRequest("h", 22, "u", null), false, List.of()));
            }
            RunPlan plan = new RunPlan("20261126T100000Z-aaaaaa", Instant.parse("2026-11-26T10:00:00Z"), RunOptions.security(5), servers);
            HistoryRecorder recorder = history.record(plan);
            Path runDir = recorder.directory();
            Path summaryFile = runDir.resolve("summary.json");
            byte[] atStart = Files.readAllBytes(summaryFile);
            disk.fill();

            Instant t = Instant.parse("2026-11-26T10:05:00Z");
            List<ServerResult> results = servers.stream().map(s -> new ServerResult(s.ref(), RunStep.DONE, "upgraded " + "p".repeat(2_000), t,
                    Duration.ofSeconds(3), List.of("pkg 1.1"), false, List.of())).toList();
            recorder.onEvent(new RunEvent.RunFinished(new RunSummary(plan.id(), "alice", t, t, plan.options(),
                    servers.stream().map(ServerPlan::ref).toList(), results), t));

            assertThat(Files.readAllBytes(summaryFile)).isEqualTo(atStart);
            try (Stream<Path> files = Files.list(runDir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("summary.json");
            }
            assertThat(recorder.failure()).hasValueSatisfying(f -> assertThat(f).contains("disk full").contains(summaryFile.toString()));
        }
    }

    private static Workspace workspace(Path file, int servers) {
        List<Server> list = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            list.add(Server.of("web" + i, "10.0." + (i / 250) + "." + (i % 250 + 1)));
        }
        return new Workspace(file, null, List.of(new Application("shop", "production", null, null, list)));
    }
}
