package dev.upkeep.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatchHistoryMergeTest {
    static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    static PatchEvent apt(Instant start, String commandline, boolean security, String... upgraded) {
        List<PackageChange> changes = java.util.Arrays.stream(upgraded)
                .map(p -> new PackageChange(PackageChange.Action.UPGRADE, p, "amd64", "1.0", "1.1", false)).toList();
        return new PatchEvent(start, start.plusSeconds(5), PatchEvent.Source.APT, "root", commandline, null, changes,
                security, null, null);
    }

    @Test
    void anAptEntryWithinAnUpkeepRunBelongsToItAndCountsAsSecurity() {
        UpkeepRunRecord run = new UpkeepRunRecord("20261130T100000Z-aaaaaa", T, T.plusSeconds(60), "security upgrade",
                "done", true, "alice");
        PatchEvent e = apt(T.plusSeconds(20), "/usr/bin/unattended-upgrade -v", false, "libfoo1");
        PatchHistory h = PatchHistoryMerge.merge("shop/web1", List.of(e), List.of(), List.of(run), T, List.of());
        assertThat(h.events()).singleElement().satisfies(x -> {
            assertThat(x.runId()).isEqualTo("20261130T100000Z-aaaaaa");
            assertThat(x.startedBy()).isEqualTo("Upkeep run 20261130T100000Z-aaaaaa by alice");
            assertThat(x.security()).isTrue();
        });
        assertThat(h.lastSecurityUpgrade()).isPresent();
    }

    @Test
    void unattendedUpgradesRunsAttributeTheirAptEntriesAndFailuresStayEvents() {
        PatchEvent uuOk = new PatchEvent(T, T.plusSeconds(3), PatchEvent.Source.UNATTENDED_UPGRADES, "unattended-upgrades",
                null, null, List.of(), true, null, "unattended-upgrades: libfoo1 (installed)");
        PatchEvent uuFailed = new PatchEvent(T.minusSeconds(86400), T.minusSeconds(86390),
                PatchEvent.Source.UNATTENDED_UPGRADES, "unattended-upgrades", null, null, List.of(), false,
                "Installing the upgrades failed!", "unattended-upgrades: libc6 (failed)");
        PatchEvent e = apt(T.plusSeconds(4), null, false, "libfoo1");
        PatchHistory h = PatchHistoryMerge.merge("s", List.of(e), List.of(uuOk, uuFailed), List.of(), T, List.of());
        assertThat(h.events()).hasSize(2);
        assertThat(h.events().get(0).error()).isEqualTo("Installing the upgrades failed!");
        assertThat(h.events().get(1).startedBy()).isEqualTo("unattended-upgrades");
        assertThat(h.events().get(1).security()).as("unattended-upgrades allowed security origins only").isTrue();
    }

    @Test
    void upkeepRunsThatChangedNoPackageAreEventsOfTheirOwnAndTheSameRunIsKeptOnce() {
        UpkeepRunRecord local = new UpkeepRunRecord("20261130T110000Z-bbbbbb", T.plusSeconds(3600), T.plusSeconds(3700),
                "reboot", "done", false, "alice");
        UpkeepRunRecord onServer = new UpkeepRunRecord("20261130T110000Z-bbbbbb", T.plusSeconds(3600), null,
                "reboot", null, false, null);
        PatchHistory h = PatchHistoryMerge.merge("s", List.of(), List.of(), List.of(local, onServer), null, List.of());
        assertThat(h.events()).singleElement().satisfies(x -> {
            assertThat(x.source()).isEqualTo(PatchEvent.Source.UPKEEP);
            assertThat(x.summary()).isEqualTo("reboot: done");
            assertThat(x.error()).isNull();
        });
        assertThat(h.lastSecurityUpgrade()).isEmpty();
    }

    @Test
    void eventsAreOrderedAndSinceCutsTheOlderOnes() {
        PatchHistory h = PatchHistoryMerge.merge("s", List.of(apt(T.plusSeconds(100), "b", true, "x"),
                apt(T, "a", true, "y")), List.of(), List.of(), T, List.of());
        assertThat(h.events()).extracting(PatchEvent::commandline).containsExactly("a", "b");
        assertThat(h.since(T.plusSeconds(50)).events()).extracting(PatchEvent::commandline).containsExactly("b");
        assertThat(h.lastSecurityUpgrade()).get().extracting(PatchEvent::commandline).isEqualTo("b");
    }

    @Test
    void aFailedSecurityUpgradeIsNotTheLastSecurityUpgrade() {
        PatchEvent failed = new PatchEvent(T.plusSeconds(100), null, PatchEvent.Source.APT, "root", "apt-get upgrade", null,
                List.of(new PackageChange(PackageChange.Action.UPGRADE, "libc6", null, "1", "2", false)), true,
                "dpkg returned an error", null);
        PatchHistory h = PatchHistoryMerge.merge("s", List.of(apt(T, "ok", true, "x"), failed), List.of(), List.of(), T, List.of());
        assertThat(h.lastSecurityUpgrade()).get().extracting(PatchEvent::commandline).isEqualTo("ok");
    }
}
