package dev.upkeep.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application's {@code reboot:} settings: documented defaults, parsing, validation with lines, round trip. */
class RebootSettingsTest {
    private static final String EXAMPLE = """
            applications:
              - name: shop
                reboot:
                  timeoutSeconds: 300            # until SSH answers again with a new boot id
                  postRebootDelaySeconds: 5      # before the health check
                  healthCheck:
                    url: https://{host}/health   # fetched from this computer; or command: (run on the server)
                    expectStatus: 204
                    timeoutSeconds: 60
                  drain: /usr/local/bin/lb-remove "$(hostname)"
                  undrain: /usr/local/bin/lb-add "$(hostname)"
                servers:
                  - {name: web1, host: 10.0.0.5}
              - name: billing
                servers:
                  - {name: app1, host: 10.0.1.5}
            """;

    private final WorkspaceStore store = new WorkspaceStore();

    @Test
    void readsEveryRebootSetting(@TempDir Path dir) throws Exception {
        Application shop = store.parse(EXAMPLE, dir.resolve("ws.yml")).application("shop").orElseThrow();
        assertThat(shop.reboot()).isEqualTo(new RebootPolicy(300, 5,
                new RebootPolicy.HealthCheck(null, "https://{host}/health", 204, 60),
                "/usr/local/bin/lb-remove \"$(hostname)\"", "/usr/local/bin/lb-add \"$(hostname)\""));
    }

    @Test
    void applicationWithoutRebootSettingsGetsTheDocumentedDefaults(@TempDir Path dir) throws Exception {
        Application billing = store.parse(EXAMPLE, dir.resolve("ws.yml")).application("billing").orElseThrow();
        assertThat(billing.reboot()).isSameAs(RebootPolicy.DEFAULTS);
        assertThat(RebootPolicy.DEFAULTS.timeoutSeconds()).isEqualTo(600);
        assertThat(RebootPolicy.DEFAULTS.postRebootDelaySeconds()).isZero();
        assertThat(RebootPolicy.DEFAULTS.healthCheck()).isNull();
    }

    @Test
    void healthCheckCommandGetsDefaultStatusAndTimeout(@TempDir Path dir) throws Exception {
        String yaml = "applications:\n  - name: a\n    reboot:\n      healthCheck: {command: systemctl is-active nginx}\n";
        RebootPolicy p = store.parse(yaml, dir.resolve("ws.yml")).application("a").orElseThrow().reboot();
        assertThat(p.healthCheck()).isEqualTo(RebootPolicy.HealthCheck.command("systemctl is-active nginx"));
        assertThat(p.healthCheck().timeoutSeconds()).isEqualTo(30);
        assertThat(p.timeoutSeconds()).isEqualTo(600);
    }

    @Test
    void saveWritesOnlyWhatDiffersFromTheDefaultsAndReadsBackTheSame(@TempDir Path dir) throws Exception {
        Workspace ws = store.parse(EXAMPLE, dir.resolve("ws.yml"));
        String text = store.format(ws);
        assertThat(text).contains("timeoutSeconds: 300").contains("expectStatus: 204")
                .doesNotContain("timeoutSeconds: 600");
        assertThat(text.indexOf("reboot:")).isEqualTo(text.lastIndexOf("reboot:")); // billing has none
        assertThat(store.parse(text, dir.resolve("ws.yml"))).isEqualTo(ws);
    }

    @Test
    void manifestServersKeepTheApplicationsRebootPolicy() {
        Application app = new Application("a", null, null, null, java.util.List.of())
                .withReboot(RebootPolicy.DEFAULTS.withTimeoutSeconds(42));
        assertThat(app.withServers(java.util.List.of(Server.of("w", "h"))).reboot().timeoutSeconds()).isEqualTo(42);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "timeout too long|timeoutSeconds: 100000\\n|4|timeoutSeconds must be between 1 and 86400",
            "timeout zero|timeoutSeconds: 0\\n|4|timeoutSeconds must be between 1 and 86400",
            "negative delay|postRebootDelaySeconds: -1\\n|4|postRebootDelaySeconds must be between 0 and 3600",
            "ftp url|healthCheck:\\n  url: ftp://x/health\\n|5|must start with http:// or https://",
            "url without host|healthCheck:\\n  url: 'http:///health'\\n|5|has no host",
            "url with spaces|healthCheck:\\n  url: http://a b/\\n|5|is not a URL",
            "command and url|healthCheck:\\n  command: 'true'\\n  url: http://x/\\n|6|not both",
            "empty health check|healthCheck: {expectStatus: 200}\\n|4|needs a command",
            "bad status|healthCheck:\\n  url: http://x/\\n  expectStatus: 99\\n|6|expectStatus must be between 100 and 599",
            "health timeout|healthCheck:\\n  command: 'true'\\n  timeoutSeconds: 0\\n|6|timeoutSeconds must be between 1 and 3600",
            "blank drain|drain: ' '\\n|4|drain must be a non-empty shell command",
            "unknown key|timeout: 5\\n|4|unknown key 'timeout'",
            "wrong type|timeoutSeconds: soon\\n|4|expected a whole number",
    })
    void badRebootSettingsAreRefusedWithTheirLine(String what, String reboot, int line, String message,
                                                   @TempDir Path dir) {
        // CSV trims leading blanks, so the rows are written relative to reboot: and indented here.
        String yaml = "applications:\n  - name: a\n    reboot:\n"
                + reboot.replace("\\n", "\n").lines().map(l -> "      " + l + "\n").collect(java.util.stream.Collectors.joining());
        assertThatThrownBy(() -> store.parse(yaml, dir.resolve("ws.yml")))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> assertThat(((WorkspaceException) e).line()).as(e.getMessage()).isEqualTo(line))
                .hasMessageContaining(message);
    }
}
