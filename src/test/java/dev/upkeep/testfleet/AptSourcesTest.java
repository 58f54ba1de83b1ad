package dev.upkeep.testfleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rootfs mirror comes from the machine's apt sources: the main Debian archive, never the security one. */
class AptSourcesTest {
    @TempDir
    Path etcApt;

    private void file(String name, String content) throws IOException {
        Path f = etcApt.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    @Test
    void deb822MainArchiveIsChosenOverTheSecurityArchiveAndDisabledFiles() throws IOException {
        // This machine's layout: comments inside stanzas, the security archive second, third-party lists disabled.
        file("sources.list.d/debian.sources", """
                Types: deb
                # http://snapshot.example.org/archive/debian/20250520T000000Z
                URIs: http://mirror.example.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb
                URIs: http://mirror.example.org/debian-security
                Suites: bookworm-security
                Components: main
                """);
        file("sources.list.d/other.list.disabled-by-admin", "deb http://disabled.example.org/debian bookworm main\n");
        file("sources.list.d/nodesource.sources", """
                Types: deb
                URIs: https://thirdparty.example.org/node_20.x
                Suites: nodistro
                Components: main
                """);

        assertThat(AptSources.mainArchive(etcApt)).contains("http://mirror.example.org/debian");
    }

    @Test
    void securityArchiveListedFirstIsSkipped() throws IOException {
        file("sources.list", """
                # the security archive comes first here
                deb http://sec.example.org/debian-security/ trixie-security main
                deb-src http://src.example.org/debian trixie main
                deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://main.example.org/debian/ trixie main
                """);

        assertThat(AptSources.mainArchive(etcApt)).contains("http://main.example.org/debian");
    }

    @Test
    void disabledStanzasAndOtherDistributionsDoNotCount() throws IOException {
        file("sources.list.d/a.sources", """
                Enabled: no
                Types: deb
                URIs: http://off.example.org/debian
                Suites: bookworm

                Types: deb
                URIs: http://ubuntu.example.org/ubuntu
                Suites: noble noble-updates
                """);

        assertThat(AptSources.mainArchive(etcApt)).isEmpty();
    }

    @Test
    void noSourcesAtAllIsEmptyNotAnError() {
        assertThat(AptSources.mainArchive(etcApt.resolve("missing"))).isEmpty();
    }
}
