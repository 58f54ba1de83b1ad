package dev.upkeep.export;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exported files without servers: private, refusing what they cannot express, user text never templated. */
class AnsibleExportTest {
    private static final ExportOptions SECURITY_REBOOT = new ExportOptions(true, false, false, true, ExportOptions.Strategy.ROLLING,
            Share.count(2), null, true, Duration.ofSeconds(300));

    private static Workspace workspace(Path dir, Application... apps) {
        return new Workspace(dir.resolve("workspace.yml"), Settings.DEFAULTS, List.of(apps));
    }

    private static List<ServerRef> all(Workspace ws) {
        return ws.applications().stream().flatMap(a -> a.servers().stream().map(s -> new ServerRef(a.name(), s.name()))).toList();
    }

    @Test
    void userTextIsMarkedUnsafeSoAnsibleNeverTemplatesItAndEveryFileIsPrivate(@TempDir Path dir) throws Exception {
        String hostile = "curl -fs \"http://localhost/{{ lookup('pipe','id') }}\" && echo 'ok'";
        Application shop = new Application("shop", "production", null, null,
                List.of(Server.of("web1", "10.0.0.1"), new Server("web2", "10.0.0.2", 2222, "ops", null, true, List.of())),
                RebootPolicy.DEFAULTS.withHealthCheck(RebootPolicy.HealthCheck.command(hostile)));
        Workspace ws = workspace(dir, shop);
        Path out = dir.resolve("out");
        List<String> files = AnsibleExport.write(ws, all(ws), SECURITY_REBOOT, out);
        assertThat(files).containsExactly("ansible.cfg", "inventory.yml", "upkeep.yml", "files/upkeep-security-upgrade.sh");
        String playbook = Files.readString(out.resolve("upkeep.yml"));
        assertThat(playbook).contains("test_command: !unsafe \"curl -fs \\\"http://localhost/{{ lookup('pipe','id') }}\\\" && echo 'ok'\"")
                // Two servers, batch 2, keep one up: one at a time.
                .contains("serial: 1").contains("max_fail_percentage: 0").contains("hosts: upkeep_shop");
        assertThat(Files.readString(out.resolve("inventory.yml"))).contains("ansible_port: 2222").contains("ansible_become: true")
                .contains("StrictHostKeyChecking=yes");
        assertThat(Files.readString(out.resolve(PlaybookText.SECURITY_SCRIPT)))
                .contains("origin=Debian,codename=${distro_codename}-security,label=Debian-Security")
                .contains("Unattended-Upgrade::Automatic-Reboot \"false\";").contains("LOCK_WAIT=300");
        for (String f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f)))).as(f).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
    }

    @Test
    void whatCannotBeExpressedIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        Workspace ws = workspace(dir, new Application("a-b", null, null, null, List.of(Server.of("x", "h1"))),
                new Application("a_b", null, null, null, List.of(Server.of("y", "h2"))));
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> AnsibleExport.write(ws, all(ws), SECURITY_REBOOT, out))
                .isInstanceOf(ExportException.class).hasMessageContaining("both become Ansible group upkeep_a_b");
        ExportOptions docker = new ExportOptions(false, true, false, false, ExportOptions.Strategy.SERIAL, null, null, true, Duration.ZERO);
        assertThatThrownBy(() -> AnsibleExport.write(ws, all(ws), docker, out)).hasMessageContaining("application 'a-b' has no manifest");
        Workspace url = workspace(dir, new Application("w", null, null, null, List.of(Server.of("x", "h1")),
                RebootPolicy.DEFAULTS.withHealthCheck(RebootPolicy.HealthCheck.url("http://{host}/{{ evil }}"))));
        assertThatThrownBy(() -> AnsibleExport.write(url, all(url), SECURITY_REBOOT, out)).hasMessageContaining("only {host} may be in braces");
        assertThatThrownBy(() -> new ExportOptions(false, false, false, false, ExportOptions.Strategy.PARALLEL, null, null, true, Duration.ZERO))
                .hasMessageContaining("nothing to export");
        assertThat(out).doesNotExist();
    }

    @Test
    void theSameNameInTwoApplicationsBecomesTwoHostsAndPercentFailureLimitsBecomeABatchShare(@TempDir Path dir) throws Exception {
        Workspace ws = workspace(dir, new Application("shop", null, null, null, List.of(Server.of("db", "h1"))),
                new Application("api", null, null, null, List.of(Server.of("db", "h2"), Server.of("a2", "h3"), Server.of("a3", "h4"),
                        Server.of("a4", "h5"))));
        ExportOptions o = new ExportOptions(true, false, false, false, ExportOptions.Strategy.PARALLEL, null, Share.percent(50), true,
                Duration.ofSeconds(60));
        AnsibleExport.write(ws, all(ws), o, dir.resolve("out"));
        assertThat(Files.readString(dir.resolve("out/inventory.yml"))).contains("\"shop_db\":").contains("\"api_db\":");
        // 50% of 4 = 2 failures stop api's play: more than 25% of its (single) batch of 4.
        assertThat(Files.readString(dir.resolve("out/upkeep.yml"))).contains("max_fail_percentage: 25");
    }
}
