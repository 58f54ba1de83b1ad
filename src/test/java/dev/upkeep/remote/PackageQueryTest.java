package dev.upkeep.remote;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser against what the script printed on a test-fleet server (Debian 12), trimmed. */
class PackageQueryTest {
    static final String OUTPUT = """
            @@upkeep-packages 1
            @@installed
            libssl3:amd64\tlibssl3\topenssl\t3.0.11-1~deb12u1\t3.0.11-1~deb12u1\tii\s
            openssl\topenssl\topenssl\t3.0.11-1~deb12u1\t3.0.11-1~deb12u1\tii\s
            libssl1.1\tlibssl1.1\topenssl1.1\t1.1.1n-0+deb11u5\t1.1.1n-0+deb11u5\trc\s
            @@policy
            libssl3:
              Installed: 3.0.11-1~deb12u1
              Candidate: 3.0.11-1~deb12u2
              Version table:
                 3.0.11-1~deb12u2 500
                    500 http://127.0.0.1:45341/debian bookworm-security/main amd64 Packages
             *** 3.0.11-1~deb12u1 500
                    500 http://127.0.0.1:45341/debian bookworm/main amd64 Packages
                    100 /var/lib/dpkg/status
            openssl:
              Installed: 3.0.11-1~deb12u1
              Candidate: 3.0.11-1~deb12u1
              Version table:
             *** 3.0.11-1~deb12u1 500
                    500 http://127.0.0.1:45341/debian bookworm/main amd64 Packages
                    100 /var/lib/dpkg/status
            curl:
              Installed: (none)
              Candidate: 7.88.1-10+deb12u5
              Version table:
                 7.88.1-10+deb12u5 500
                    500 http://127.0.0.1:45341/debian bookworm-updates/main amd64 Packages
            @@sources
            Package files:
             100 /var/lib/dpkg/status
                 release a=now
             500 http://127.0.0.1:45341/debian bookworm-security/main amd64 Packages
                 release v=12,o=Debian,a=stable-security,n=bookworm-security,l=Debian-Security,c=main,b=amd64
                 origin 127.0.0.1
             500 http://127.0.0.1:45341/debian bookworm-updates/main amd64 Packages
                 release v=12,o=Debian,a=stable-updates,n=bookworm-updates,l=Debian,c=main,b=amd64
                 origin 127.0.0.1
             500 http://127.0.0.1:45341/debian bookworm/main amd64 Packages
                 release v=12,o=Debian,a=stable,n=bookworm,l=Debian,c=main,b=amd64
                 origin 127.0.0.1
            Pinned packages:
            @@end
            """;

    @Test
    void everyFieldOfEveryPackageIsRead() {
        PackageQuery q = new PackageQuery(List.of(PackagePattern.of("openssl"), PackagePattern.of("curl"),
                PackagePattern.of("nosuch")));
        List<PackageFinding> found = q.parse(OUTPUT.lines().toList());
        assertThat(found).extracting(PackageFinding::name)
                .containsExactly("curl", "libssl1.1", "libssl3", "nosuch", "openssl");
        PackageFinding libssl = found.get(2);
        assertThat(libssl.source()).isEqualTo("openssl");
        assertThat(libssl.installed()).isEqualTo("3.0.11-1~deb12u1");
        assertThat(libssl.matchedSource()).as("found through its source package's name").isTrue();
        PackageFinding openssl = found.get(4);
        assertThat(openssl.matchedSource()).isFalse();
        assertThat(openssl.candidate()).isEqualTo("3.0.11-1~deb12u1");
        assertThat(openssl.candidateSecurity()).isFalse();
        PackageFinding curl = found.get(0);
        assertThat(curl.isInstalled()).isFalse();
        assertThat(curl.candidate()).isEqualTo("7.88.1-10+deb12u5");
        assertThat(curl.candidateSecurity()).isFalse();
        assertThat(found.get(1).isInstalled()).as("only configuration files left ('rc')").isFalse();
        assertThat(found.get(1).installed()).isNull();
        PackageFinding nosuch = found.get(3);
        assertThat(nosuch.candidate()).isNull();
        assertThat(nosuch.state()).isNull();
    }

    @Test
    void theCandidateOfAVersionFromTheSecurityPocketIsSecurity() {
        PackageQuery q = new PackageQuery(List.of(PackagePattern.of("libssl*")));
        // dpkg says "libssl3:amd64", apt "libssl3:": the native package is shown by its plain name
        PackageFinding libssl = q.parse(OUTPUT.lines().toList()).stream()
                .filter(f -> f.name().equals("libssl3")).findFirst().orElseThrow();
        assertThat(libssl.candidate()).isEqualTo("3.0.11-1~deb12u2");
        assertThat(libssl.candidateSecurity()).isTrue();
        assertThat(libssl.candidateFixes(DebianVersion.parse("3.0.11-1~deb12u2"))).isTrue();
    }

    @Test
    void exposureComparesWithDebianOrderingAndTheSourceVersionWhenTheSourceWasNamed() {
        DebianVersion fixed = DebianVersion.parse("3.0.11-1~deb12u2");
        List<PackageFinding> found = new PackageQuery(List.of(PackagePattern.of("openssl")))
                .parse(OUTPUT.lines().toList());
        assertThat(found).filteredOn(PackageFinding::isInstalled).allSatisfy(f -> assertThat(f.exposedBelow(fixed)).isTrue());
        assertThat(found).filteredOn(f -> !f.isInstalled()).allSatisfy(f -> assertThat(f.exposedBelow(fixed)).isFalse());
        assertThat(found.get(0).exposedBelow(DebianVersion.parse("3.0.11-1~deb12u1"))).isFalse();
        PackageFinding rebuilt = new PackageFinding("libfoo1", "foo", "1.0-1+b1", "1.0-1", "ii ", null, null, true);
        assertThat(rebuilt.exposedBelow(DebianVersion.parse("1.0-1"))).as("source 1.0-1 is the fixed one").isFalse();
        assertThat(rebuilt.exposedBelow(DebianVersion.parse("1.0-1+b2"))).isTrue();
    }

    @Test
    void theCommandQuotesEverythingAndAsksAptAboutExactNamesOnly() {
        String c = new PackageQuery(List.of(PackagePattern.of("openssl"), PackagePattern.of("libssl*"))).command();
        assertThat(c).endsWith(" upkeep-packages '^(openssl|libssl.*)$' openssl");
    }

    @Test
    void outputThatIsNotTheScriptsIsRefused() {
        PackageQuery q = new PackageQuery(List.of(PackagePattern.of("openssl")));
        assertThatThrownBy(() -> q.parse(List.of("Welcome to Ubuntu", "@@installed"))).isInstanceOf(ProbeException.class);
        assertThatThrownBy(() -> q.parse(List.of("@@upkeep-packages 1", "@@installed", "openssl\topenssl")))
                .hasMessageContaining("ended early");
    }

    @Test
    void garbageLinesInTheAnswerAreSkipped() {
        PackageQuery q = new PackageQuery(List.of(PackagePattern.of("x*")));
        List<PackageFinding> found = q.parse(List.of("@@upkeep-packages 1", "@@installed", "\t\t\t", "xyz", "@@policy",
                "xyz:", "  Installed: 1.0", "@@sources", "@@end"));
        assertThat(found).isEmpty();
    }
}
