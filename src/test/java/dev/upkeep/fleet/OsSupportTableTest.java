package dev.upkeep.fleet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Upkeep's release support table: its states by date, and its dates against the machine's distro-info-data. */
class OsSupportTableTest {

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
            "debian, 12,    2026-07-11, STANDARD",
            "debian, 12,    2026-07-12, EXTENDED",
            "debian, 12,    2028-07-01, ENDED",
            "debian, 13,    2026-11-30, STANDARD",
            "ubuntu, 20.04, 2026-11-30, EXTENDED",
            "ubuntu, 22.04, 2026-11-30, STANDARD",
            "ubuntu, 24.04, 2026-11-30, STANDARD",
            "ubuntu, 16.04, 2026-11-30, UNKNOWN",
            "centos, 7,     2026-11-30, UNKNOWN"})
    void aReleasesStateFollowsItsDates(String id, String version, LocalDate day, OsSupport.State expected) {
        assertThat(new OsInfo(id, version, null, null).support(day).state()).isEqualTo(expected);
    }

    /**
     * The table is copied from distro-info-data; when the machine has that package (any Debian or Ubuntu with
     * distro-info-data installed), every date must match it. A newer package that moved a date fails this test:
     * that is the prompt to update the table.
     */
    @Test
    void everyDateMatchesTheMachinesDistroInfoData() throws IOException {
        Path dir = Path.of("/usr/share/distro-info");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("debian.csv")) && Files.isRegularFile(dir.resolve("ubuntu.csv")),
                "distro-info-data is not installed on this machine (apt-get install distro-info-data)");
        List<String> debian = Files.readAllLines(dir.resolve("debian.csv"));
        List<String> ubuntu = Files.readAllLines(dir.resolve("ubuntu.csv"));
        for (OsSupportTable.Entry entry : OsSupportTable.entries()) {
            List<String> csv = entry.id().equals("debian") ? debian : ubuntu;
            String key = entry.id().equals("debian") ? entry.version() + "," : entry.version() + " LTS,";
            String line = csv.stream().filter(l -> l.startsWith(key)).findFirst().orElse(null);
            assertThat(line).as("%s in distro-info-data", entry.release()).isNotNull();
            String[] f = line.split(",", -1);
            // debian.csv: version,codename,series,created,release,eol,eol-lts,eol-elts
            // ubuntu.csv: version,codename,series,created,release,eol,eol-server,eol-esm,eol-legacy
            assertThat(entry.standardUntil().toString()).as(entry.release()).isEqualTo(f[5]);
            assertThat(entry.extendedUntil().toString()).as(entry.release())
                    .isEqualTo(entry.id().equals("debian") ? f[6] : f[7]);
            assertThat(entry.release()).as("codename").containsIgnoringCase(f[2]);
        }
    }
}
