package dev.upkeep.remote;

import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.UnreachableException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RebootStateTest {
    @Test
    void parsesBootIdRequirementPackagesPendingAndFailure() {
        RebootState s = RebootState.parse("""
                motd noise before the header
                boot_id=ignored-before-header
                @@upkeep-reboot-state 1
                boot_id=3f1c-aa
                reboot_required=yes
                pending=yes
                @@reboot_pkgs
                linux-image-6.1.0-18-amd64
                libc6
                libc6

                @@failed
                Failed to talk to init daemon
                neither systemctl reboot nor shutdown -r now worked
                @@end
                """);
        assertThat(s.bootId()).isEqualTo("3f1c-aa");
        assertThat(s.rebootRequired()).isTrue();
        assertThat(s.packages()).containsExactly("linux-image-6.1.0-18-amd64", "libc6");
        assertThat(s.packageList()).isEqualTo("linux-image-6.1.0-18-amd64, libc6");
        assertThat(s.pending()).isTrue();
        assertThat(s.failure()).isEqualTo("Failed to talk to init daemon; neither systemctl reboot nor shutdown -r now worked");
    }

    @Test
    void serverWithoutRebootRequiredHasNoPackagesAndNothingPending() {
        RebootState s = RebootState.parse("@@upkeep-reboot-state 1\nboot_id=b\nreboot_required=no\n@@reboot_pkgs\n@@failed\n@@end\n");
        assertThat(s.rebootRequired()).isFalse();
        assertThat(s.pending()).isFalse();
        assertThat(s.failure()).isNull();
        assertThat(s.packageList()).isEqualTo("no packages listed in /var/run/reboot-required.pkgs");
    }

    @Test
    void outputWithoutHeaderOrBootIdIsRefused() {
        assertThatThrownBy(() -> RebootState.parse("sh: 1: cat: not found\n")).isInstanceOf(ProbeException.class);
        assertThatThrownBy(() -> RebootState.parse("@@upkeep-reboot-state 1\nboot_id=\n")).isInstanceOf(ProbeException.class)
                .hasMessageContaining("no boot id");
    }

    @Test
    void waitingReasonsAreShortForTheLog() {
        SshException refused = new UnreachableException("srv01", "cannot connect to 127.0.0.1:2222",
                new ConnectException("Connection refused"));
        SshException other = new SshException("srv01", "kex failed");
        assertThat(RebootWait.reason(refused)).isEqualTo("connection refused");
        assertThat(RebootWait.reason(new UnreachableException("srv01", "connect timed out", null))).isEqualTo("timed out");
        assertThat(RebootWait.reason(other)).isEqualTo("kex failed");
    }

    @Test
    void rebootScriptsMarkTheRequestInRunAndDetach() {
        assertThat(RebootState.ISSUE_SCRIPT).contains("/run/upkeep-reboot/pending").contains("systemctl reboot")
                .contains("shutdown -r now").contains("</dev/null >/dev/null 2>&1 &");
        assertThat(RebootState.SCRIPT).contains("/proc/sys/kernel/random/boot_id").contains("/var/run/reboot-required.pkgs");
    }
}
