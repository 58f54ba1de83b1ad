package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what {@code apt-get -s upgrade} would install, split the way unattended-upgrades splits it: a package is a
 * security update when the version it would get comes from a "-security" pocket (Debian-Security label or
 * Ubuntu's "jammy-security"-style archive).
 */
public record PendingUpdates(List<String> securityPackages, List<String> otherPackages) {
    // "Inst name [old] (new origin:release/archive, origin2 [arch])" — the old version is absent for new installs.
    private static final Pattern INST = Pattern.compile("^Inst (\\S+)(?: \\[[^\\]]*\\])? \\((\\S+) ([^\\[]*)(?:\\[[^\\]]*\\])?\\).*$");

    public static PendingUpdates parse(List<String> lines) {
        List<String> security = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : lines) {
            Matcher m = INST.matcher(line.strip());
            if (!m.matches()) continue;
            String entry = m.group(1) + " " + m.group(2);
            if (isSecurity(m.group(3))) security.add(entry);
            else other.add(entry);
        }
        return new PendingUpdates(List.copyOf(security), List.copyOf(other));
    }

    static boolean isSecurity(String origins) {
        for (String origin : origins.split(",")) {
            String o = origin.strip();
            if (o.contains("-security") || o.startsWith("Debian-Security:")) return true;
        }
        return false;
    }

    public int security() {
        return securityPackages.size();
    }

    public int other() {
        return otherPackages.size();
    }
}
