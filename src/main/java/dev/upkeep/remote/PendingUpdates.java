package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what {@code apt-get -s upgrade} would install, split the way unattended-upgrades splits it: a package is a
 * security update when the version it would get comes from a "-security" pocket (Debian-Security label or
 * Ubuntu's "jammy-security"-style archive, ESM's "jammy-infra-security"). Updates apt defers because of Ubuntu's
 * phased updates are counted apart: they are not pending on this server yet.
 */
public record PendingUpdates(List<String> securityPackages, List<String> otherPackages, List<String> phasedPackages) {
    /** Written by the status probe for each package apt lists as "deferred due to phasing". */
    static final String PHASED = "Phased ";

    // "Inst name [old] (new origin:release/archive, origin2 [arch])" — the old version is absent for new installs.
    private static final Pattern INST = Pattern.compile("^Inst (\\S+)(?: \\[[^\\]]*\\])? \\((\\S+) ([^\\[]*)(?:\\[[^\\]]*\\])?\\).*$");

    public static PendingUpdates parse(List<String> lines) {
        List<String> security = new ArrayList<>();
        List<String> other = new ArrayList<>();
        List<String> phased = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(PHASED) && !line.substring(PHASED.length()).isBlank()) {
                phased.add(line.substring(PHASED.length()).strip());
                continue;
            }
            Matcher m = INST.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String entry = m.group(1) + " " + m.group(2);
            if (isSecurity(m.group(3))) {
                security.add(entry);
            } else {
                other.add(entry);
            }
        }
        // A package apt defers is not in its Inst lines; should a later apt list it in both, it is pending, not phased.
        phased.removeIf(name -> security.stream().anyMatch(e -> e.startsWith(name + " "))
                || other.stream().anyMatch(e -> e.startsWith(name + " ")));
        return new PendingUpdates(List.copyOf(security), List.copyOf(other), List.copyOf(phased));
    }

    static boolean isSecurity(String origins) {
        for (String origin : origins.split(",")) {
            String o = origin.strip();
            if (o.contains("-security") || o.startsWith("Debian-Security:")) {
                return true;
            }
        }
        return false;
    }

    public int security() {
        return securityPackages.size();
    }

    public int other() {
        return otherPackages.size();
    }

    /** Updates apt holds back for Ubuntu's phased roll-out: neither pending for this server yet nor a failure. */
    public int phased() {
        return phasedPackages.size();
    }
}
