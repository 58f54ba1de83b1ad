package dev.upkeep.demo;

/** What a simulated command works with: its server, its output, the demo's pace, and the fleet (for reboots, jobs). */
record SimSession(SimHost host, Terminal terminal, DemoPace pace, SimFleet fleet) {
    /** Makes the session of one command once its output exists. */
    interface Factory {
        SimSession session(Terminal terminal);
    }
}
