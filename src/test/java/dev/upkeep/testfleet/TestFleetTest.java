package dev.upkeep.testfleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A fleet of three real servers, reached with the OpenSSH client: identity, isolation, apt and the repo. */
class TestFleetTest {
    private static TestFleet fleet;
    private static OpenSshClient ssh;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(3).withUnattendedUpgrades(2));
        ssh = new OpenSshClient(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void everyServerAnswersSshAsRootAndDeployWithItsOwnBootId() {
        for (TestServer server : fleet.servers()) {
            CommandResult root = ssh.run(server, "root", "cat /proc/sys/kernel/random/boot_id");
            assertThat(root.exitCode()).as(server + ": " + root.stderr()).isZero();
            assertThat(root.stdout().trim()).isEqualTo(server.bootId());

            CommandResult deploy = ssh.run(server, "deploy", "hostname && sudo -n id -u");
            assertThat(deploy.exitCode()).as(server + ": " + deploy.stderr()).isZero();
            assertThat(deploy.stdout()).isEqualTo(server.name() + "\n0\n");
        }
    }

    @Test
    void adminsSudoAsksForItsPasswordAndNopwsNeverAsks() {
        TestServer server = fleet.server(0);
        CommandResult asks = ssh.run(server, "admin", "env LC_ALL=C sudo -n true");
        assertThat(asks.exitCode()).isEqualTo(1);
        assertThat(asks.stderr()).contains("sudo: a password is required");

        // The password on stdin (sudo -S), through the real ssh client: sudo's PAM stack checks it.
        List<String> withPassword = List.of("ssh", "-F", "/dev/null", "-i", fleet.clientKey().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + fleet.knownHosts(),
                "-p", String.valueOf(server.port()), "admin@" + server.host(), "sudo -S -p '' id -u");
        CommandResult right = Exec.callWithInput(withPassword, (TestFleet.SUDO_PASSWORD + "\n").getBytes(), 60);
        assertThat(right.exitCode()).as(right.stderr()).isZero();
        assertThat(right.stdout()).isEqualTo("0\n");
        CommandResult wrong = Exec.callWithInput(withPassword, "not-it\n".getBytes(), 60);
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("Sorry, try again");

        CommandResult never = ssh.run(server, "nopw", "sudo -n id -u");
        assertThat(never.exitCode()).as(never.stderr()).isZero();
        assertThat(never.stdout()).isEqualTo("0\n");
    }

    @Test
    void bootIdsPortsAndHostKeysDifferPerServer() {
        List<TestServer> servers = fleet.servers();
        assertThat(servers).extracting(TestServer::bootId).doesNotHaveDuplicates().allMatch(id -> id.length() == 36);
        assertThat(servers).extracting(TestServer::port).doesNotHaveDuplicates();
        assertThat(servers).extracting(TestServer::hostKeyFingerprint).doesNotHaveDuplicates()
                .allMatch(fingerprint -> fingerprint.startsWith("SHA256:"));
    }

    @Test
    void rebootRequiredOnOneServerIsNotSeenByTheOthers() {
        TestServer needsReboot = fleet.server(1);
        needsReboot.requireReboot("linux-image-demo");
        try {
            for (TestServer server : fleet.servers()) {
                CommandResult probe = ssh.run(server, "root", "cat /var/run/reboot-required.pkgs 2>/dev/null"
                        + " || echo none");
                assertThat(probe.stdout().trim()).as(server.name())
                        .isEqualTo(server == needsReboot ? "linux-image-demo" : "none");
            }
        } finally {
            needsReboot.run("rm -f /run/reboot-required /run/reboot-required.pkgs");
        }
    }

    @Test
    void aptSeesTheSecurityUpdateAndTheOtherUpdate() {
        String simulation = fleet.server(0).run("apt-get -q update >/dev/null && apt-get -s upgrade");

        assertThat(simulation)
                .contains("Inst upkeep-sec-demo [1.0] (1.1 Debian-Security:12/stable-security [all])")
                .contains("Inst upkeep-other-demo [1.0] (1.1 Debian:12/stable-updates [all])");
    }

    @Test
    void unattendedUpgradesInstalledFromTheLocalRepoPicksOnlyTheSecurityPackage() {
        TestServer server = fleet.server(0);
        assertThat(server.call("dpkg -s unattended-upgrades").exitCode()).as("not preinstalled on srv01").isNotZero();

        String dryRun = server.run("apt-get -q update >/dev/null && apt-get install -y -q unattended-upgrades"
                + " >/dev/null && unattended-upgrades --dry-run --verbose 2>&1");

        assertThat(dryRun).contains("Packages that will be upgraded: upkeep-sec-demo\n");
    }

    @Test
    void aServerCanStartWithUnattendedUpgradesEnabled() {
        TestServer server = fleet.server(2);

        assertThat(server.run("dpkg-query -W -f '${Status}' unattended-upgrades")).isEqualTo("install ok installed");
        assertThat(server.run("cat /etc/apt/apt.conf.d/20auto-upgrades"))
                .contains("APT::Periodic::Unattended-Upgrade \"1\";");
        assertThat(fleet.server(1).call("dpkg -s unattended-upgrades").exitCode()).isNotZero();
    }

    @Test
    void aServerCanBeGivenItsOwnPackageVersions() {
        TestServer server = fleet.server(2);

        server.install(DemoPackages.securityUpdate(), DebPackage.of("upkeep-other-demo", "0.9"));

        assertThat(server.run("dpkg-query -W -f '${Package}=${Version}\\n' 'upkeep-*'"))
                .isEqualTo("upkeep-other-demo=0.9\nupkeep-sec-demo=1.1\n");
        assertThat(server.run("cat /run/reboot-required.pkgs")).isEqualTo("upkeep-sec-demo\n");
        assertThat(fleet.server(0).run("cat /usr/share/upkeep-demo/upkeep-sec-demo.version")).isEqualTo("1.0\n");
    }

    @Test
    void aSecondRepositoryCanBeAddedAtRunTime() {
        AptRepo docker = fleet.createRepo("docker", List.of(
                new AptRepo.Suite("bookworm", "Docker", "Docker CE", "bookworm", "bookworm", "stable")));
        docker.publish("bookworm", DebPackage.of("docker-ce", "5:24.0.7-1~debian.12~bookworm"),
                DebPackage.of("docker-ce", "5:25.0.3-1~debian.12~bookworm"));
        TestServer server = fleet.server(1);
        server.writeFile("/etc/apt/sources.list.d/docker.sources",
                docker.sourcesEntry().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        String madison = server.run("apt-get -q update >/dev/null && apt-cache madison docker-ce");

        assertThat(madison).contains("docker-ce | 5:25.0.3-1~debian.12~bookworm | " + docker.url() + " bookworm/stable")
                .contains("5:24.0.7-1~debian.12~bookworm");
        server.run("rm /etc/apt/sources.list.d/docker.sources");
    }

    @Test
    void aBackgroundCommandCanHoldTheDpkgLockWhileTheTestGoesOn() {
        TestServer server = fleet.server(0);

        server.spawn("exec flock /var/lib/dpkg/lock-frontend sleep 60");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                server.call("flock -n /var/lib/dpkg/lock-frontend true").exitCode() != 0);
        server.run("pkill -x sleep");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                server.call("flock -n /var/lib/dpkg/lock-frontend true").succeeded());
    }

    @Test
    void aptSourcesPointOnlyAtTheLoopbackRepo() {
        String sources = fleet.server(1).run("cat /etc/apt/sources.list.d/*; ls /etc/apt/sources.list 2>&1 || true");

        assertThat(sources).contains("URIs: " + fleet.repo().url()).doesNotContain("debian.org")
                .contains("cannot access '/etc/apt/sources.list'");
        assertThat(fleet.repo().url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void aPackagePublishedAtRunTimeIsOfferedAfterAptUpdate() {
        fleet.repo().publish("bookworm-security", DebPackage.of("upkeep-runtime-demo", "2.0").rebootRequired());
        TestServer server = fleet.server(1);

        server.run("apt-get -q update >/dev/null && apt-get install -y -q upkeep-runtime-demo");

        assertThat(server.run("cat /usr/share/upkeep-demo/upkeep-runtime-demo.version")).isEqualTo("2.0\n");
        assertThat(server.run("cat /var/run/reboot-required.pkgs")).isEqualTo("upkeep-runtime-demo\n");
        server.run("dpkg --purge upkeep-runtime-demo && rm -f /run/reboot-required /run/reboot-required.pkgs");
    }
}
