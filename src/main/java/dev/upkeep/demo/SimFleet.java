package dev.upkeep.demo;

/** What the simulated commands ask of the fleet around their server: start a detached job, reboot the server. */
interface SimFleet {
    void startJob(SimJob job);

    /** Takes the server down after the pace's reboot delay and brings it back after its downtime. */
    void scheduleReboot(SimHost host);
}
