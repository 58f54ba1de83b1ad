package dev.upkeep.run;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.remote.PackageUpgrade;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "which of my servers have package X below the fixed version", one row per server and package, for
 * the command line, the window and the report alike.
 *
 * @param finding null when the server did not answer ({@code error} says why) or has none of the packages
 * @param exposed installed below {@code --below}; null without a fixed version, or when unknown (no answer, a version
 *                that is not a Debian version)
 * @param error   why the server did not answer; null when it did
 */
public record PackageExposure(ServerRef server, PackageFinding finding, Boolean exposed, String error) {
    /** Rows in the servers' order; a server that answered with nothing gets one row saying so. */
    public static List<PackageExposure> of(List<ServerRef> order, List<ServerAnswer<List<PackageFinding>>> answers,
                                           DebianVersion fixed) {
        List<PackageExposure> rows = new ArrayList<>();
        List<ServerAnswer<List<PackageFinding>>> sorted = new ArrayList<>(answers);
        sorted.sort(Comparator.comparingInt(a -> order.indexOf(a.server())));
        for (ServerAnswer<List<PackageFinding>> a : sorted) {
            if (!a.answered()) {
                rows.add(new PackageExposure(a.server(), null, null, a.error()));
            } else if (a.value().isEmpty()) {
                rows.add(new PackageExposure(a.server(), null, fixed == null ? null : false, null));
            } else {
                for (PackageFinding f : a.value()) {
                    rows.add(new PackageExposure(a.server(), f, f.exposedBelow(fixed), null));
                }
            }
        }
        return List.copyOf(rows);
    }

    /** The exposed servers and, on each, the packages to upgrade (those installed below the fixed version). */
    public static Map<ServerRef, List<String>> toUpgrade(List<PackageExposure> rows) {
        Map<ServerRef, List<String>> out = new LinkedHashMap<>();
        for (PackageExposure r : rows) {
            if (!Boolean.TRUE.equals(r.exposed) || !PackageUpgrade.NAME.matcher(r.finding.name()).matches()) {
                continue;
            }
            out.computeIfAbsent(r.server, k -> new ArrayList<>()).add(r.finding.name());
        }
        return out;
    }

    /** Exposed, and apt offers no version at or above the fixed one: an upgrade now would not help. */
    public boolean noFixOffered(DebianVersion fixed) {
        return Boolean.TRUE.equals(exposed) && !Boolean.TRUE.equals(finding.candidateFixes(fixed));
    }

    /** "yes", "no", "?" (unknown), "" (no fixed version given). */
    public String exposedText(boolean asked) {
        if (!asked) {
            return "";
        }
        return exposed == null ? "?" : exposed ? "yes" : "no";
    }
}
