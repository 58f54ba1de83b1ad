package dev.upkeep.report;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.Drift;

import java.time.Instant;
import java.util.List;

/**
 * One server in the fleet report, flattened from its status. Unknown is null, never false or 0.
 *
 * @param state one of {@link State}, the summary chart's bars
 * @param drift Docker and Weave as the application's manifest asks compared with what runs (the window's drift);
 *              null when the manifest says nothing about this server (no manifest, unreadable, no versions)
 */
public record ReportRow(String application, String server, boolean reachable, String error, String os,
                        String kernelRunning, String kernelInstalled, Boolean rebootRequired, Instant rebootRequiredSince,
                        List<String> rebootPackages, Integer securityUpdates, List<String> securityPackages,
                        Instant lastSecurityUpgrade, Long lastSecurityUpgradeDaysAgo, Boolean unattendedUpgrades,
                        List<String> servicesToRestart, String servicesUnknownBecause, String dockerVersion,
                        String weaveVersion, Instant checkedAt, State state, Drift.ServerDrift drift) {
    /** Worst first: what the summary counts. */
    public enum State {
        UNREACHABLE("unreachable"), REBOOT_REQUIRED("reboot required"), SECURITY_PENDING("security updates pending"),
        RESTART_SERVICES("services to restart"), UP_TO_DATE("up to date");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "in sync", "differs" or "unknown" (a version not known on one side); null when the manifest names none. */
    public static String driftLabel(String wanted, Drift.State state) {
        if (wanted == null) {
            return null;
        }
        return switch (state) {
            case IN_SYNC -> "in sync";
            case DRIFTED -> "differs";
            case UNKNOWN -> "unknown";
        };
    }

    public String dockerExpected() {
        return drift == null ? null : drift.wantedDocker();
    }

    public String weaveExpected() {
        return drift == null ? null : drift.wantedWeave();
    }

    public String dockerDrift() {
        return drift == null ? null : driftLabel(drift.wantedDocker(), drift.docker());
    }

    public String weaveDrift() {
        return drift == null ? null : driftLabel(drift.wantedWeave(), drift.weave());
    }

    public static ReportRow of(ServerStatus s, Instant now) {
        return of(s, now, null);
    }

    public static ReportRow of(ServerStatus s, Instant now, Drift.ServerDrift drift) {
        if (!s.reachable()) {
            return new ReportRow(s.application(), s.server(), false, s.error(), null, null, null, null, null, List.of(),
                    null, List.of(), null, null, null, List.of(), null, null, null, s.checkedAt(), State.UNREACHABLE, drift);
        }
        RestartNeeds n = s.restartNeeds();
        List<String> services = n == null ? List.of() : n.services().stream().map(RestartNeeds.Service::name).toList();
        String unknown = n == null ? "not looked at" : n.cannotLook();
        String installed = n != null && n.kernel() != null && n.kernel().newestInstalled() != null
                ? n.kernel().newestInstalled() : s.installedKernel();
        State state = Boolean.TRUE.equals(s.rebootRequired()) ? State.REBOOT_REQUIRED
                : s.securityUpdates() != null && s.securityUpdates() > 0 ? State.SECURITY_PENDING
                : !services.isEmpty() ? State.RESTART_SERVICES : State.UP_TO_DATE;
        return new ReportRow(s.application(), s.server(), true, s.error(), s.os(), s.kernel(), installed,
                s.rebootRequired(), s.rebootRequiredSince(), s.rebootPackages(), s.securityUpdates(), s.securityPackages(),
                s.securityPatchAge() == null ? null : s.securityPatchAge().lastUpgrade(),
                s.securityPatchAge() == null ? null : s.securityPatchAge().daysAgo(now), s.unattendedUpgrades(),
                services, unknown, s.dockerVersion(), s.weaveVersion(), s.checkedAt(), state, drift);
    }
}
