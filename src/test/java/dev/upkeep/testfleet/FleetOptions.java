package dev.upkeep.testfleet;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * How to start a {@link TestFleet}. Servers are numbered from 0 ({@code srv01} is index 0).
 * <pre>{@code
 * TestFleet.start(FleetOptions.servers(6).withUnattendedUpgrades(0, 1).rebootDelay(Duration.ofSeconds(3)))
 * }</pre>
 */
public final class FleetOptions {
    private final int servers;
    private final Set<Integer> unattendedUpgrades = new HashSet<>();
    private boolean allUnattendedUpgrades;
    private Duration rebootDelay = Duration.ofSeconds(1);

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
