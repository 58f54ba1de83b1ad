package dev.upkeep.bench.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a turn really upgraded every server: the security package at its new version, the ordinary update left
 * alone (a security-only run). Read from dpkg on each server after the turn, not from the contestant's word, so a
 * contestant that exits 0 without upgrading (a no-op) never counts as a timed round.
 */
final class UpgradeCheck {
    private static final String FORMAT = "${Package} ${Version}\\n";
    private final String securityPackage;
    private final String upgradedTo;
    private final String otherPackage;
    private final String otherStays;

    /**
     * @param upgradedTo the version every server must have of {@code securityPackage} after the turn
     * @param otherStays the version {@code otherPackage} (an ordinary, non-security update) must still have
     */
    UpgradeCheck(String securityPackage, String upgradedTo, String otherPackage, String otherStays) {
        this.securityPackage = securityPackage;
        this.upgradedTo = upgradedTo;
        this.otherPackage = otherPackage;
        this.otherStays = otherStays;
    }

    /** The shell command that lists both packages' installed versions on a server. */
    String query() {
        return "dpkg-query -W -f='" + FORMAT + "' " + securityPackage + " " + otherPackage;
    }

    /**
     * Null when every server's {@link #query()} output shows the upgrade done and nothing else touched, else which
     * servers fall short and how ("srv02: upkeep-sec-demo 1.0, not 1.1").
     *
     * @param outputs each server's name and its query's output (null: the query failed)
     */
    String problem(Map<String, String> outputs) {
        List<String> wrong = new ArrayList<>();
        outputs.forEach((server, output) -> {
            Map<String, String> versions = versions(output == null ? "" : output);
            String sec = versions.getOrDefault(securityPackage, "not installed");
            String other = versions.getOrDefault(otherPackage, "not installed");
            if (!sec.equals(upgradedTo)) {
                wrong.add(server + ": " + securityPackage + " " + sec + ", not " + upgradedTo);
            }
            if (!other.equals(otherStays)) {
                wrong.add(server + ": " + otherPackage + " " + other + ", not " + otherStays + " (not a security update)");
            }
        });
        if (outputs.isEmpty()) {
            return "no server was checked";
        }
        return wrong.isEmpty() ? null : (outputs.size() - servers(wrong)) + " of " + outputs.size()
                + " servers upgraded as expected; " + String.join("; ", wrong);
    }

    /** Package → version from lines "name version"; lines of another shape are ignored. */
    static Map<String, String> versions(String output) {
        Map<String, String> versions = new LinkedHashMap<>();
        output.lines().map(String::strip).map(l -> l.split(" ")).filter(p -> p.length == 2 && !p[1].isEmpty())
                .forEach(p -> versions.put(p[0], p[1]));
        return versions;
    }

    private static long servers(List<String> wrong) {
        return wrong.stream().map(w -> w.substring(0, w.indexOf(':'))).distinct().count();
    }
}
