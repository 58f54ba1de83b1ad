package dev.upkeep.run;

import java.time.Duration;

/**
 * What a run does on every selected server, and how it goes through them.
 *
 * @param maxFailures stop starting servers once this many failed (null: never stop early)
 * @param lockWait    how long a server waits for another apt/dpkg to release its lock
 * @param repairDpkg  run {@code dpkg --configure -a} first where dpkg was interrupted, instead of failing
 */
public record RunOptions(boolean security, boolean docker, boolean weave, Strategy strategy, int concurrency,
                         Integer maxFailures, Duration lockWait, boolean repairDpkg) {
    public enum Strategy { PARALLEL, SERIAL }

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    public RunOptions {
        if (strategy == null) strategy = Strategy.PARALLEL;
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (maxFailures != null && maxFailures < 1) throw new IllegalArgumentException("max failures must be at least 1");
        if (lockWait == null) lockWait = DEFAULT_LOCK_WAIT;
        if (lockWait.isNegative()) throw new IllegalArgumentException("negative lock wait");
    }

    /** Security upgrades only, in parallel. */
    public static RunOptions security(int concurrency) {
        return new RunOptions(true, false, false, Strategy.PARALLEL, concurrency, null, DEFAULT_LOCK_WAIT, false);
    }

    /** How many servers run at once: 1 when serial. */
    public int workers() {
        return strategy == Strategy.SERIAL ? 1 : concurrency;
    }

    public boolean anything() {
        return security || docker || weave;
    }

    public RunOptions withStrategy(Strategy s) {
        return new RunOptions(security, docker, weave, s, concurrency, maxFailures, lockWait, repairDpkg);
    }

    public RunOptions withMaxFailures(Integer n) {
        return new RunOptions(security, docker, weave, strategy, concurrency, n, lockWait, repairDpkg);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(security, docker, weave, strategy, concurrency, maxFailures, wait, repairDpkg);
    }
}
