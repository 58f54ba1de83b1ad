package dev.upkeep.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ShellTest {
    @ParameterizedTest
    @ValueSource(strings = {"24.0.7; rm -rf /", "$(reboot)", "`id`", "a'b", "'", "\"\\$x\"", "line\nbreak", "", " spaced ", "*", "~root", "~"})
    void quotedValueReachesTheShellAsOneUnchangedWord(String value) throws Exception {
        assumeThat(new java.io.File("/bin/sh")).exists();
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + Shell.quote(value)).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(printed).isEqualTo(value);
    }

    @Test
    void safeWordsStayPlain() {
        assertThat(Shell.command("apt-get", "install", "docker-ce=5:24.0.7-1~debian.12~bookworm"))
                .isEqualTo("apt-get install docker-ce=5:24.0.7-1~debian.12~bookworm")
                .doesNotContain("'apt-get'");
    }

    @Test
    void privilegedWrapsTheWholeCommandForSudo() {
        assertThat(Shell.privileged(true, "apt-get update && echo ok")).isEqualTo("sudo -n -- sh -c 'apt-get update && echo ok'");
        assertThat(Shell.privileged(false, "apt-get update")).isEqualTo("apt-get update");
    }

    @Test
    void scriptRunsUnderPosixShell() throws Exception {
        String cmd = Shell.script("x='it''s'; echo \"$x\"");
        Process p = new ProcessBuilder(List.of("/bin/sh", "-c", cmd)).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("its\n");
    }
}
