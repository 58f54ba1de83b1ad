package dev.upkeep.run;

import dev.upkeep.run.RunOptions.Reboot;
import dev.upkeep.run.RunOptions.Strategy;

import java.time.Duration;

/** Every {@link RunOptions} option by name; {@link #build()} checks them together (one message per wrong combination). */
public final class RunOptionsBuilder {
    boolean security;
    boolean docker;
    boolean weave;
    Strategy strategy = Strategy.PARALLEL;
    int concurrency = 1;
    Integer maxFailures;
    Duration lockWait = RunOptions.DEFAULT_LOCK_WAIT;
    boolean repairDpkg;
    Reboot reboot = Reboot.NONE;
    Integer rebootTimeoutSeconds;
    Share batch;
    Share failureLimit;
    boolean keepOneUp = true;
    boolean restartServices;

    RunOptionsBuilder() {
    }

    public RunOptionsBuilder security(boolean on) {
        security = on;
        return this;
    }

    public RunOptionsBuilder docker(boolean on) {
        docker = on;
        return this;
    }

    public RunOptionsBuilder weave(boolean on) {
        weave = on;
        return this;
    }

    public RunOptionsBuilder strategy(Strategy s) {
        strategy = s;
        return this;
    }

    public RunOptionsBuilder concurrency(int n) {
        concurrency = n;
        return this;
    }

    public RunOptionsBuilder maxFailures(Integer n) {
        maxFailures = n;
        return this;
    }

    public RunOptionsBuilder lockWait(Duration wait) {
        lockWait = wait;
        return this;
    }

    public RunOptionsBuilder repairDpkg(boolean on) {
        repairDpkg = on;
        return this;
    }

    public RunOptionsBuilder reboot(Reboot r) {
        reboot = r;
        return this;
    }

    public RunOptionsBuilder rebootTimeoutSeconds(Integer seconds) {
        rebootTimeoutSeconds = seconds;
        return this;
    }

    public RunOptionsBuilder batch(Share size) {
        batch = size;
        return this;
    }

    public RunOptionsBuilder failureLimit(Share limit) {
        failureLimit = limit;
        return this;
    }

    public RunOptionsBuilder keepOneUp(boolean on) {
        keepOneUp = on;
        return this;
    }

    public RunOptionsBuilder restartServices(boolean on) {
        restartServices = on;
        return this;
    }

    /** @throws IllegalArgumentException naming the option that is out of range or given twice */
    public RunOptions build() {
        return new RunOptions(this);
    }
}
