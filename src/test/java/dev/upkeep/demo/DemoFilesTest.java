package dev.upkeep.demo;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's files: private, inside its own folder, never the user's ~/.ssh, and gone after close. */
class DemoFilesTest {
    @Test
    void everythingIsPrivateInItsOwnFolderAndDeletedOnClose() throws Exception {
        Path dir;
        try (DemoFleet fleet = DemoFleet.start(DemoPace.instant())) {
            dir = fleet.directory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
                }
            }
            Workspace ws = new WorkspaceStore().load(fleet.workspaceFile());
            assertThat(ws.resolve(ws.settings().knownHosts())).isEqualTo(dir.resolve("known_hosts"));
            assertThat(ws.resolve(ws.settings().sshConfig())).isEqualTo(dir.resolve("ssh_config"));
            assertThat(ws.applications()).allSatisfy(a -> assertThat(ws.resolve(a.manifest())).startsWith(dir).isRegularFile());
            assertThat(ws.settings().weaveDownloadUrl()).contains(".invalid/");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void theKnownHostsTrustEveryServerButTheOneLeftForTheUserToAccept() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(DemoPace.instant())) {
            List<String> known = Files.readAllLines(fleet.directory().resolve("known_hosts"));
            assertThat(known).hasSize(11).allMatch(l -> l.startsWith("[127.0.0.1]:") && l.contains(" ssh-ed25519 "));
            assertThat(known).noneMatch(l -> l.startsWith("[127.0.0.1]:" + fleet.ports().get("shop-worker3") + " "));
        }
    }

    @Test
    void theServersOfferAPostQuantumKeyExchangeFirstAndCurve25519Too() throws Exception {
        try (DemoFleet fleet = DemoFleet.start(DemoPace.instant())) {
            assertThat(fleet.keyExchanges().get(0)).matches("(mlkem768x25519-sha256|sntrup761x25519-sha512)");
            assertThat(fleet.keyExchanges()).contains("curve25519-sha256");
        }
    }
}
