package dev.upkeep.inventory;

import dev.upkeep.fleet.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code import ssh-config}: concrete Host aliases, in file order with Includes in place; wildcards listed as skipped. */
class SshConfigImportTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path inc = dir.resolve("conf.d");
        Files.createDirectories(inc);
        Files.writeString(inc.resolve("10-db"), "Host db1 db2\n  User postgres\nHost *.internal\n  User ops\n");
        Path f = dir.resolve("config");
        Files.writeString(f, """
                # my servers
                Host bastion
                  HostName 203.0.113.9
                Host web1 web2 !web3
                  ProxyJump bastion
                Include %s/conf.d/*
                Host web?
                  Port 2222
                Host *
                  ServerAliveInterval 30
                Host web1
                  User again
                Host bad,name
                """.formatted(dir));
        return f;
    }

    @Test
    void everyConcreteAliasBecomesAServerWhoseHostIsTheAlias() throws Exception {
        Path f = config();
        ImportSource s = SshConfigImport.of(f, "mine", null);
        assertThat(s.candidates()).extracting(c -> c.application() + "/" + c.server().name())
                .containsExactly("mine/bastion", "mine/web1", "mine/web2", "mine/db1", "mine/db2");
        assertThat(s.candidates().get(0).server()).as("connection details stay in ssh_config")
                .isEqualTo(Server.of("bastion", "bastion"));
        assertThat(s.candidates().get(1).source()).isEqualTo(f + ":4");
        assertThat(s.candidates().get(3).source()).isEqualTo(dir.resolve("conf.d/10-db") + ":1");
        assertThat(s.skipped()).extracting(ImportSkip::name).containsExactly("*.internal", "web?", "*", "bad,name");
        assertThat(s.skipped().get(0).reason()).contains("wildcard");
        assertThat(s.skipped().get(3).reason()).contains("cannot be a server name");
    }

    @Test
    void aMatchPatternChoosesAliases() throws Exception {
        ImportSource s = SshConfigImport.of(config(), "web", "web*");
        assertThat(s.candidates()).extracting(c -> c.server().name()).containsExactly("web1", "web2");
    }

    @Test
    void aMissingFileOrABadApplicationNameIsRefused() {
        assertThatThrownBy(() -> SshConfigImport.of(dir.resolve("nope"), "x", null)).isInstanceOf(InventoryException.class)
                .hasMessage(dir.resolve("nope") + ": no such file");
        assertThatThrownBy(() -> SshConfigImport.of(dir, "bad app", null)).hasMessageContaining("cannot be an application name");
    }
}
