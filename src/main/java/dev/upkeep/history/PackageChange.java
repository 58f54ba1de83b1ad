package dev.upkeep.history;

/**
 * One package in one apt operation, as apt's history log records it.
 *
 * @param arch      the architecture apt names ({@code amd64}, {@code all}); null when the log gives none
 * @param from      the version before (null for an install)
 * @param to        the version after (null for a removal or purge)
 * @param automatic installed as a dependency, not asked for
 */
public record PackageChange(Action action, String name, String arch, String from, String to, boolean automatic) {
    public enum Action { INSTALL, UPGRADE, DOWNGRADE, REINSTALL, REMOVE, PURGE }

    /** The version the change is about: the new one, or for removals the one removed. */
    public String version() {
        return to != null ? to : from;
    }

    /** "openssl 3.0.11-1~deb12u1 → 3.0.11-1~deb12u2", "libfoo 1.2 (removed)". */
    @Override
    public String toString() {
        return switch (action) {
            case INSTALL -> name + " " + to + (automatic ? " (automatic)" : "");
            case UPGRADE, DOWNGRADE -> name + " " + from + " → " + to;
            case REINSTALL -> name + " " + version() + " (reinstalled)";
            case REMOVE -> name + " " + from + " (removed)";
            case PURGE -> name + " " + from + " (purged)";
        };
    }
}
