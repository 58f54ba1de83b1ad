package dev.upkeep.ssh;

/**
 * A pattern named on a {@code Host} line of an ssh_config file, and where ("file:line"). {@code concrete}: it names
 * one host (no {@code *} or {@code ?}), so {@code ssh PATTERN} is how it is meant to be used.
 */
public record ConfiguredHost(String alias, String where, boolean concrete) {
    static boolean isConcrete(String pattern) {
        return !pattern.isEmpty() && pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && !pattern.startsWith("!");
    }
}
