package dev.upkeep.demo;

import java.time.Duration;
import java.util.Locale;

/**
 * How fast the simulated servers talk and reboot. The window uses a human pace (a person watches the live log),
 * the command line a brisk one, tests an instant one: the same simulation, only the pauses differ.
 *
 * @param line        pause between two lines of upgrade output
 * @param step        pause at a step change (apt-get update, unpacking a kernel…)
 * @param rebootDelay from "reboot scheduled" until the server drops its connections
 * @param downtime    how long a rebooting server refuses connections
 * @param lockTick    one second of the apt/dpkg lock countdown on the server whose lock is held
 */
public record DemoPace(Duration line, Duration step, Duration rebootDelay, Duration downtime, Duration lockTick) {
    public static DemoPace human() {
        return new DemoPace(Duration.ofMillis(45), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(1));
    }

    public static DemoPace brisk() {
        return new DemoPace(Duration.ofMillis(4), Duration.ofMillis(80), Duration.ofMillis(400), Duration.ofMillis(1200),
                Duration.ofMillis(250));
    }

    /**
     * No pauses in the output. A reboot still keeps its server down for 2 s: longer than Upkeep's reboot wait takes to
     * notice the drop (it polls every second), so the reconnect that follows always finds the server still down, as it
     * would a real one, however the threads happen to be scheduled.
     */
    public static DemoPace instant() {
        return new DemoPace(Duration.ZERO, Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(20));
    }

    /** "human", "brisk" or "instant" (the system property {@code upkeep.demo.pace} overrides a default). */
    public static DemoPace named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "human" -> human();
            case "brisk" -> brisk();
            case "instant" -> instant();
            default -> throw new IllegalArgumentException("unknown demo pace '" + name + "' (human, brisk, instant)");
        };
    }

    /** {@code fallback}, unless the system property upkeep.demo.pace names another. */
    public static DemoPace fromProperty(DemoPace fallback) {
        String name = System.getProperty("upkeep.demo.pace");
        return name == null || name.isBlank() ? fallback : named(name);
    }
}
