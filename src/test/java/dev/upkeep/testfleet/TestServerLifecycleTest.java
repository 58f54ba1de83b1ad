package dev.upkeep.testfleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stop, start, reboot from inside, power off, and the fleet's cleanup. */
class TestServerLifecycleTest {
    private static TestFleet fleet;
    private static OpenSshClient ssh;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(5).rebootDelay(Duration.ofMillis(1500)));
        ssh = new OpenSshClient(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void stoppedServerRefusesConnectionsAndStartsAgainWithANewBootIdAndItsDisk() {
        TestServer server = fleet.server(0);
        String firstBoot = server.bootId();
        server.run("echo kept > /root/on-disk && touch /run/on-tmpfs");

        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertThat(accepts(server.port())).as("connection refused while down").isFalse();

        server.start();
        CommandResult after = ssh.run(server, "root", "cat /proc/sys/kernel/random/boot_id /root/on-disk;"
                + " ls /run/on-tmpfs 2>/dev/null || echo run-is-fresh");
        assertThat(after.exitCode()).as(after.stderr()).isZero();
        assertThat(after.stdout()).isEqualTo(server.bootId() + "\nkept\nrun-is-fresh\n");
        assertThat(server.bootId()).isNotEqualTo(firstBoot);
    }

    @Test
    void rebootRunOnTheServerDropsItAndBringsItBackWithANewBootId() {
        TestServer server = fleet.server(1);
        String firstBoot = server.bootId();
        int boots = server.boots();
        server.requireReboot("upkeep-sec-demo");

        CommandResult reboot = ssh.run(server, "deploy", "sudo systemctl reboot");
        assertThat(reboot.exitCode()).as(reboot.stderr()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> !accepts(server.port()));
        await().atMost(Duration.ofSeconds(30)).until(() -> server.boots() == boots + 1 && server.isRunning());
        CommandResult after = ssh.run(server, "root", "cat /proc/sys/kernel/random/boot_id;"
                + " test -e /var/run/reboot-required && echo still-required || echo cleared; cut -d. -f1 /proc/uptime");
        assertThat(after.stdout()).startsWith(server.bootId() + "\ncleared\n");
        assertThat(Long.parseLong(after.stdout().split("\n")[2])).as("uptime since the reboot").isLessThan(30);
        assertThat(server.bootId()).isNotEqualTo(firstBoot);
    }

    @Test
    void shutdownWithoutRebootLeavesTheServerDown() {
        TestServer server = fleet.server(2);

        server.run("shutdown -h now");

        await().atMost(Duration.ofSeconds(20)).until(() -> !server.isRunning());
        assertThat(accepts(server.port())).isFalse();
        server.start();
        assertThat(ssh.run(server, "root", "true").exitCode()).isZero();
    }

    @Test
    void aServerToldToKeepItsBootIdComesBackWithTheSameOne() {
        TestServer server = fleet.server(3).keepBootIdAcrossBoots(true);
        String bootId = server.bootId();

        server.stop();
        server.start();

        assertThat(server.bootId()).isEqualTo(bootId);
        assertThat(server.run("cat /proc/sys/kernel/random/boot_id").trim()).isEqualTo(bootId);
    }

    @Test
    void regeneratedHostKeysAreRefusedByAStrictClientAfterTheNextBoot() {
        TestServer server = fleet.server(4);
        String oldFingerprint = server.hostKeyFingerprint();

        server.regenerateHostKeys();
        server.stop();
        server.start();

        assertThat(server.hostKeyFingerprint()).isNotEqualTo(oldFingerprint);
        CommandResult refused = ssh.run(server, "root", "true");
        assertThat(refused.exitCode()).isEqualTo(255);
        assertThat(refused.stderr()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
    }

    @Test
    void closingAFleetEndsItsServersAndRemovesItsFiles() {
        TestFleet other = TestFleet.start(1);
        TestServer server = other.server(0);
        Path dir = other.tempDir();
        assertThat(accepts(server.port())).isTrue();

        other.close();

        assertThat(server.isRunning()).isFalse();
        assertThat(accepts(server.port())).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
