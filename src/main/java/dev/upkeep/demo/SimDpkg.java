package dev.upkeep.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What dpkg's database on one simulated server says about half-configured packages (what dpkg --audit lists). */
final class SimDpkg {
    /** How configuring one package ended. */
    enum Configured { OK, POSTINST_FAILED, DEPENDENCY_UNCONFIGURED }

    private String brokenPackage;
    private final Map<String, String> dependsOn = new LinkedHashMap<>();
    private final List<String> audit = new ArrayList<>();

    /** This package's post-installation script fails the first time it is configured; {@code dependents} then cannot be. */
    synchronized void brokenPostinst(String pkg, String... dependents) {
        brokenPackage = pkg;
        for (String d : dependents) {
            dependsOn.put(d, pkg);
        }
    }

    /** dpkg configures one (unpacked) package; one that fails stays half configured (dpkg --audit lists it). */
    synchronized Configured configure(String pkg) {
        if (pkg.equals(brokenPackage)) {
            brokenPackage = null;
            audit.add(pkg);
            return Configured.POSTINST_FAILED;
        }
        if (audit.contains(dependsOn.get(pkg))) {
            audit.add(pkg);
            return Configured.DEPENDENCY_UNCONFIGURED;
        }
        return Configured.OK;
    }

    /** The package whose configuration {@code pkg} waits for. */
    synchronized String dependencyOf(String pkg) {
        return dependsOn.get(pkg);
    }

    /** The half-configured packages. */
    synchronized List<String> audit() {
        return List.copyOf(audit);
    }

    /** dpkg --configure -a: configures what was left half configured (the fault was a one-off). */
    synchronized List<String> repair() {
        List<String> repaired = List.copyOf(audit);
        audit.clear();
        return repaired;
    }
}
