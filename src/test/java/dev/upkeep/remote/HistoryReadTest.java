package dev.upkeep.remote;

import dev.upkeep.history.PackageChange;
import dev.upkeep.history.PatchEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryReadTest {
    /** What history-read.sh printed on a test-fleet server, with entries by hand added the way apt writes them. */
    static final String OUTPUT = """
            @@upkeep-history 1
            uid=0
            now=1796049717
            offset=+0100
            zone=/usr/share/zoneinfo/Europe/Paris
            timezone=Europe/Paris
            @@sources
            Package files:
             100 /var/lib/dpkg/status
                 release a=now
             500 http://127.0.0.1:45341/debian bookworm-security/main amd64 Packages
                 release v=12,o=Debian,a=stable-security,n=bookworm-security,l=Debian-Security,c=main,b=amd64
                 origin 127.0.0.1
             500 http://127.0.0.1:45341/debian bookworm/main amd64 Packages
                 release v=12,o=Debian,a=stable,n=bookworm,l=Debian,c=main,b=amd64
                 origin 127.0.0.1
            Pinned packages:
            @@policy
            upkeep-sec-demo:
              Installed: 1.1
              Candidate: 1.1
              Version table:
             *** 1.1 500
                    500 http://127.0.0.1:45341/debian bookworm-security/main amd64 Packages
                    100 /var/lib/dpkg/status
                 1.0 500
                    500 http://127.0.0.1:45341/debian bookworm/main amd64 Packages
            @@upkeep-jobs
            security-20261130T132000Z-3fa9c2.status\t1796044860\t0
            weave-20261101T080000Z-abcdef.status\t1793520000\t4
            not-a-job.status\t1\t0
            @@file apt /var/log/apt/history.log
            |
            |Start-Date: 2026-11-30  14:31:21
            |Commandline: /usr/bin/unattended-upgrade -v
            |Upgrade: upkeep-sec-demo:amd64 (1.0, 1.1)
            |End-Date: 2026-11-30  14:31:22
            |
            |Start-Date: 2026-11-30  15:02:10
            |Commandline: apt-get install curl
            |Requested-By: deploy (1000)
            |Install: curl:amd64 (7.88.1-10+deb12u5), libcurl4:amd64 (7.88.1-10+deb12u5, automatic)
            |End-Date: 2026-11-30  15:02:14
            |
            |Start-Date: 2026-11-30  15:10:00
            |Commandline: apt-get purge nano
            |Requested-By: deploy (1000)
            |Purge: nano:amd64 (7.2-1)
            |Remove: libfoo1:amd64 (1.0)
            |Error: Sub-process /usr/bin/dpkg returned an error code (1)
            |@@end
            @@file apt /var/log/apt/history.log.1.gz
            |Start-Date: 2026-07-02  09:00:00
            |Commandline: apt-get install --reinstall -y bash
            |Downgrade: tzdata:amd64 (2025b-0+deb12u1, 2024a-0+deb12u1)
            |Reinstall: bash:amd64 (5.2.15-2+b2)
            |End-Date: 2026-07-02  09:00:05
            @@file uu /var/log/unattended-upgrades/unattended-upgrades.log
            |2026-11-30 14:31:20,805 INFO Starting unattended upgrades script
            |2026-11-30 14:31:20,805 INFO Allowed origins are: origin=Debian,codename=bookworm,label=Debian-Security, origin=Debian,codename=bookworm-security,label=Debian-Security
            |2026-11-30 14:31:20,893 INFO Packages that will be upgraded: upkeep-sec-demo
            |2026-11-30 14:31:21,419 INFO All upgrades installed
            |2026-11-29 06:10:00,000 INFO Starting unattended upgrades script
            |2026-11-29 06:10:01,000 INFO No packages found that can be upgraded unattended and no pending auto-removals
            |2026-11-28 06:10:00,000 INFO Starting unattended upgrades script
            |2026-11-28 06:10:01,000 INFO Allowed origins are: origin=Debian,codename=bookworm,label=Debian
            |2026-11-28 06:10:02,000 INFO Packages that will be upgraded: libc6
            |2026-11-28 06:10:09,000 ERROR Installing the upgrades failed!
            @@unreadable /var/log/unattended-upgrades/unattended-upgrades.log.1.gz
            @@end
            """;

    private static ServerLogs read(String output, boolean cut) {
        HistoryRead.Reader reader = HistoryRead.reader();
        output.lines().forEach(reader::line);
        return reader.finish(cut);
    }

    @Test
    void everyAptEntryIsReadWithItsFieldsInTheServersZone() {
        ServerLogs logs = read(OUTPUT, false);
        assertThat(logs.apt()).hasSize(4);
        PatchEvent uu = logs.apt().get(0);
        // 14:31:21 in Paris in November is 13:31:21 UTC
        assertThat(uu.start()).isEqualTo(Instant.parse("2026-11-30T13:31:21Z"));
        assertThat(uu.end()).isEqualTo(Instant.parse("2026-11-30T13:31:22Z"));
        assertThat(uu.startedBy()).isEqualTo("unattended-upgrades");
        assertThat(uu.changes()).containsExactly(new PackageChange(PackageChange.Action.UPGRADE, "upkeep-sec-demo", "amd64",
                "1.0", "1.1", false));
        assertThat(uu.security()).as("1.1 comes from bookworm-security").isTrue();
        PatchEvent install = logs.apt().get(1);
        assertThat(install.startedBy()).isEqualTo("deploy (1000)");
        assertThat(install.commandline()).isEqualTo("apt-get install curl");
        assertThat(install.changes()).extracting(PackageChange::toString)
                .containsExactly("curl 7.88.1-10+deb12u5", "libcurl4 7.88.1-10+deb12u5 (automatic)");
        assertThat(install.security()).isFalse();
        PatchEvent purge = logs.apt().get(2);
        assertThat(purge.end()).as("cut short: no End-Date").isNull();
        assertThat(purge.error()).contains("returned an error code (1)");
        assertThat(purge.changes()).extracting(PackageChange::action)
                .containsExactly(PackageChange.Action.PURGE, PackageChange.Action.REMOVE);
        PatchEvent july = logs.apt().get(3);
        // summer time: 09:00 in Paris is 07:00 UTC
        assertThat(july.start()).isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
        assertThat(july.changes()).extracting(PackageChange::toString)
                .containsExactly("tzdata 2025b-0+deb12u1 → 2024a-0+deb12u1", "bash 5.2.15-2+b2 (reinstalled)");
        assertThat(logs.logsSince()).isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
    }

    @Test
    void aLogLineLookingLikeAMarkerStaysData() {
        ServerLogs logs = read(OUTPUT, false);
        assertThat(logs.apt().get(2).changes()).hasSize(2);
        assertThat(logs.unattended()).isNotEmpty(); // the "|@@end" line did not end the read
    }

    @Test
    void unattendedUpgradesRunsKeepTheirOriginsAndOutcomeAndDailyNoOpsAreLeftOut() {
        ServerLogs logs = read(OUTPUT, false);
        assertThat(logs.unattended()).hasSize(2);
        PatchEvent ok = logs.unattended().get(0);
        assertThat(ok.security()).as("security origins only").isTrue();
        assertThat(ok.summary()).isEqualTo("unattended-upgrades: upkeep-sec-demo (installed)");
        PatchEvent failed = logs.unattended().get(1);
        assertThat(failed.error()).isEqualTo("Installing the upgrades failed!");
        assertThat(failed.security()).isFalse();
    }

    @Test
    void upkeepsJobRecordsOnTheServerBecomeRuns() {
        ServerLogs logs = read(OUTPUT, false);
        assertThat(logs.upkeepJobs()).hasSize(2);
        assertThat(logs.upkeepJobs().get(0).runId()).isEqualTo("20261130T132000Z-3fa9c2");
        assertThat(logs.upkeepJobs().get(0).start()).isEqualTo(Instant.parse("2026-11-30T13:20:00Z"));
        assertThat(logs.upkeepJobs().get(0).security()).isTrue();
        assertThat(logs.upkeepJobs().get(0).outcome()).isEqualTo("done");
        assertThat(logs.upkeepJobs().get(1).outcome()).isEqualTo("exit 4");
        assertThat(logs.upkeepJobs().get(1).what()).isEqualTo("Weave upgrade");
    }

    @Test
    void whatCouldNotBeReadIsSaid() {
        assertThat(read(OUTPUT, false).notes()).singleElement().asString()
                .contains("cannot read /var/log/unattended-upgrades/unattended-upgrades.log.1.gz");
        assertThat(read(OUTPUT.replace("@@end\n", ""), true).notes()).anyMatch(n -> n.contains("older logs were not read"));
    }

    @Test
    void outputCutWithoutAnEndIsRefusedUnlessTheCutWasOurs() {
        String cut = OUTPUT.substring(0, OUTPUT.indexOf("@@file uu"));
        assertThatThrownBy(() -> read(cut, false)).isInstanceOf(ProbeException.class).hasMessageContaining("ended early");
        assertThat(read(cut, true).apt()).hasSize(4);
        assertThatThrownBy(() -> read("Last login: yesterday\n", false)).hasMessageContaining("nothing recognisable");
    }

    @Test
    void theZoneFallsBackToTheOffsetThenUtc() {
        assertThat(HistoryRead.zone("/usr/share/zoneinfo/Europe/Paris", null, "+0100")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(HistoryRead.zone("", "America/New_York", "-0500")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(HistoryRead.zone("/etc/nonsense", "Not/AZone", "+0530").getId()).isEqualTo("+05:30");
        assertThat(HistoryRead.zone(null, null, null).getId()).isEqualTo("Z");
    }

    @Test
    void theCommandAsksForOnlyWhatItMayAndNeverPutsTheScriptOnTheCommandLine() {
        assertThat(HistoryRead.command(HistoryRead.Mode.ALL, Instant.ofEpochSecond(1700000000), false))
                .isEqualTo("sh -s all 1700000000");
        assertThat(HistoryRead.command(HistoryRead.Mode.RECENT, null, true)).contains("sudo -n sh -s recent 0")
                .contains("sudo -n true");
    }

    @Test
    void aHugeNumberOfPackagesInOneEntryIsBounded() {
        StringBuilder big = new StringBuilder("@@upkeep-history 1\n@@file apt h\n|Start-Date: 2026-11-30  10:00:00\n|Install: ");
        for (int i = 0; i < 30_000; i++) {
            big.append(i == 0 ? "" : ", ").append("p").append(i).append(":amd64 (1.0)");
        }
        big.append("\n@@end\n");
        assertThat(read(big.toString(), false).apt().get(0).changes()).hasSize(20_000);
    }

    static List<String> lines() {
        return OUTPUT.lines().toList();
    }
}
