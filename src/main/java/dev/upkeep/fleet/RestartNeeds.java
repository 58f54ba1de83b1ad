package dev.upkeep.fleet;

import java.util.List;

/**
 * Patched but not yet protected: what still runs old code after an upgrade replaced it on disk. Services (systemd
 * units, or init scripts where there is no systemd) and processes that still map a deleted (replaced) shared object
 * or executable, and the running kernel against the newest installed one.
 *
 * @param source     {@code needrestart} (its batch output) or {@code scan} (Upkeep's look at /proc/PID/maps)
 * @param cannotLook why the services could not be looked at (not root and no sudo, sudo asks for a password…); null
 *                   when they were. Then {@code services} and {@code processes} are empty, which means unknown
 * @param services   what a restart would fix, each saying whether Upkeep may restart it
 * @param processes  processes with replaced files that belong to no service Upkeep can restart (sessions, containers,
 *                   processes started by hand), and, from a scan, every process of the services too
 */
public record RestartNeeds(String source, String cannotLook, List<Service> services, List<StaleProcess> processes,
                           Kernel kernel) {
    public RestartNeeds {
        services = services == null ? List.of() : List.copyOf(services);
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    /** Nothing could be looked at, for this reason (the kernel facts may still be known). */
    public static RestartNeeds cannotLook(String why, Kernel kernel) {
        return new RestartNeeds(null, why, List.of(), List.of(), kernel);
    }

    public boolean looked() {
        return cannotLook == null;
    }

    /** The services Upkeep would restart (not refused). */
    public List<Service> restartable() {
        return services.stream().filter(s -> s.refusal() == null).toList();
    }

    /**
     * A service to restart.
     *
     * @param name    the unit ({@code nginx.service}) or init script ({@code nginx}) name
     * @param systemd a systemd unit (restarted with systemctl) rather than an init script
     * @param refusal why Upkeep never restarts this one (sshd, the unit of Upkeep's own session, dbus…); null when it may
     */
    public record Service(String name, boolean systemd, List<Integer> pids, String refusal) {
        public Service {
            pids = pids == null ? List.of() : List.copyOf(pids);
        }
    }

    /**
     * A process still using replaced files.
     *
     * @param unit  its systemd unit or init script, if known; null when it belongs to none
     * @param files the deleted files it maps ({@code /usr/lib/x86_64-linux-gnu/libssl.so.3}); empty from needrestart
     */
    public record StaleProcess(int pid, String command, String unit, List<String> files) {
        public StaleProcess {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** The running kernel against the newest installed one ({@code needrestart}'s KSTA, or worked out from dpkg). */
    public record Kernel(String running, String newestInstalled, State state) {
        public enum State {
            UNKNOWN("unknown"), CURRENT("current"), ABI_COMPATIBLE_UPGRADE("same ABI, newer build installed"),
            VERSION_UPGRADE("newer kernel installed");

            private final String label;

            State(String label) {
                this.label = label;
            }

            public String label() {
                return label;
            }
        }

        /** A reboot would run another kernel. */
        public boolean rebootWouldChange() {
            return state == State.ABI_COMPATIBLE_UPGRADE || state == State.VERSION_UPGRADE;
        }
    }
}
