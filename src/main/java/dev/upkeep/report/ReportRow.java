package dev.upkeep.report;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;

import java.time.Instant;
import java.util.List;

/**
 * One server in the fleet report, flattened from its status. Unknown is null, never false or 0.
 *
 * @param state one of {@link State}, the summary chart's bars
 */
public record ReportRow(String application, String server, boolean reachable, String error, String os,
                        String kernelRunning, String kernelInstalled, Boolean rebootRequired, Instant rebootRequiredSince,
                        List<String> rebootPackages, Integer securityUpdates, List<String> securityPackages,
                        Instant lastSecurityUpgrade, Long lastSecurityUpgradeDaysAgo, Boolean unattendedUpgrades,
                        List<String> servicesToRestart, String servicesUnknownBecause, String dockerVersion,
                        String weaveVersion, Instant checkedAt, State state) {
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

    public static ReportRow of(ServerStatus s, Instant now) {
        if (!s.reachable()) {
            return new ReportRow(s.application(), s.server(), false, s.error(), null, null, null, null, null, List.of(),
                    null, List.of(), null, null, null, List.of(), null, null, null, s.checkedAt(), State.UNREACHABLE);
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
                services, unknown, s.dockerVersion(), s.weaveVersion(), s.checkedAt(), state);
    }
}
