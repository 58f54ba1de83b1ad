package dev.upkeep.testfleet;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How to start a {@link TestFleet}. Servers are numbered from 0 ({@code srv01} is index 0).
 * <pre>{@code
 * TestFleet.start(FleetOptions.servers(6).withUnattendedUpgrades(0, 1).rebootDelay(Duration.ofSeconds(3)))
 * TestFleet.start(FleetOptions.servers(2).release(DebianRelease.DEBIAN_13))        // two Debian 13 servers
 * TestFleet.start(FleetOptions.servers(4).release(DebianRelease.DEBIAN_13, 2, 3))  // srv03, srv04 on Debian 13
 * }</pre>
 * Servers run Debian 12 (bookworm) unless told otherwise.
 */
public final class FleetOptions {
    private final int servers;
    private final Set<Integer> unattendedUpgrades = new HashSet<>();
    private boolean allUnattendedUpgrades;
    private Duration rebootDelay = Duration.ofSeconds(1);
    private DebianRelease release = DebianRelease.DEBIAN_12;
    private final Map<Integer, DebianRelease> releases = new HashMap<>();

    private FleetOptions(int servers) {
        if (servers < 0 || servers > 200) {
            throw new IllegalArgumentException("between 0 and 200 servers, not " + servers);
        }
        this.servers = servers;
    }

    public static FleetOptions servers(int count) {
        return new FleetOptions(count);
    }

    /** These servers start with unattended-upgrades installed and enabled (daily); the others lack it. */
    public FleetOptions withUnattendedUpgrades(int... serverIndexes) {
        for (int index : serverIndexes) {
            unattendedUpgrades.add(index);
        }
        return this;
    }

    /** Every server starts with unattended-upgrades installed and enabled. */
    public FleetOptions allWithUnattendedUpgrades() {
        allUnattendedUpgrades = true;
        return this;
    }

    /** How long a server-side reboot keeps a server down (each server can change it later). */
    public FleetOptions rebootDelay(Duration delay) {
        this.rebootDelay = delay;
        return this;
    }

    /** Every server runs this release (unless {@link #release(DebianRelease, int...)} names it otherwise). */
    public FleetOptions release(DebianRelease all) {
        this.release = all;
        return this;
    }

    /** These servers run this release: a mixed fleet. */
    public FleetOptions release(DebianRelease chosen, int... serverIndexes) {
        for (int index : serverIndexes) {
            releases.put(index, chosen);
        }
        return this;
    }

    /**
     * One server of each OS, in {@link DebianRelease} order (srv01 Debian 12, srv02 Debian 13, srv03 Ubuntu 22.04,
     * srv04 Ubuntu 24.04): for fleet tests parameterised by OS, one fleet per class.
     */
    public static FleetOptions onePerOs() {
        FleetOptions options = servers(DebianRelease.values().length);
        for (DebianRelease os : DebianRelease.values()) {
            options.release(os, os.ordinal());
        }
        return options;
    }

    DebianRelease release(int index) {
        return releases.getOrDefault(index, release);
    }

    /** The releases of all servers (at least the default one, so an empty fleet still has a repository). */
    Set<DebianRelease> releases() {
        Set<DebianRelease> all = EnumSet.noneOf(DebianRelease.class);
        for (int i = 0; i < servers; i++) {
            all.add(release(i));
        }
        if (all.isEmpty()) {
            all.add(release);
        }
        return all;
    }

    int serverCount() {
        return servers;
    }

    boolean unattendedUpgrades(int index) {
        return allUnattendedUpgrades || unattendedUpgrades.contains(index);
    }

    Duration rebootDelay() {
        return rebootDelay;
    }
}
