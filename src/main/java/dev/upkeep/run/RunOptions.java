package dev.upkeep.run;

import java.time.Duration;

/**
 * What a run does on every selected server, and how it goes through them.
 *
 * @param maxFailures          stop starting servers once this many failed (null: no count given; see failureLimit)
 * @param lockWait             how long a server waits for another apt/dpkg to release its lock
 * @param repairDpkg           run {@code dpkg --configure -a} first where dpkg was interrupted, instead of failing
 * @param reboot               after the upgrades, reboot and verify each server (never, only where required, always)
 * @param rebootTimeoutSeconds overrides each application's reboot timeout (null: the application's own)
 * @param batch                ROLLING only: servers per batch, N or N% of the run's servers (null: 1)
 * @param failureLimit         stop starting servers/batches once N or N% failed (null: {@code maxFailures}, or 1
 *                             for ROLLING and for any run that reboots, else no limit); a count here and
 *                             {@code maxFailures} are kept equal
 * @param keepOneUp            never take every server of an application (of more than one) down at once: rolling
 *                             batches are split and parallel reboots wait their turn
 * @param restartServices      restart the services still using replaced libraries (after the upgrades; on servers
 *                             that need a reboot, the reboot does it instead)
 */
public record RunOptions(boolean security, boolean docker, boolean weave, Strategy strategy, int concurrency,
                         Integer maxFailures, Duration lockWait, boolean repairDpkg, Reboot reboot,
                         Integer rebootTimeoutSeconds, Share batch, Share failureLimit, boolean keepOneUp,
                         boolean restartServices) {
    /** PARALLEL: up to {@code concurrency} at once; SERIAL: one after the other; ROLLING: batch after batch. */
    public enum Strategy { PARALLEL, SERIAL, ROLLING }

    /** Whether and when servers are rebooted after the upgrades. */
    public enum Reboot { NONE, IF_REQUIRED, ALWAYS }

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    public RunOptions {
        if (strategy == null) strategy = Strategy.PARALLEL;
        if (reboot == null) reboot = Reboot.NONE;
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (maxFailures != null && maxFailures < 1) throw new IllegalArgumentException("max failures must be at least 1");
        if (failureLimit == null && maxFailures != null) failureLimit = Share.count(maxFailures);
        if (failureLimit != null && !failureLimit.percent()) {
            if (maxFailures != null && maxFailures != failureLimit.value()) {
                throw new IllegalArgumentException("max failures given twice: " + maxFailures + " and " + failureLimit);
            }
            maxFailures = failureLimit.value();
        }
        if (failureLimit != null && failureLimit.percent() && maxFailures != null) {
            throw new IllegalArgumentException("max failures given twice: " + maxFailures + " and " + failureLimit);
        }
        if (lockWait == null) lockWait = DEFAULT_LOCK_WAIT;
        if (lockWait.isNegative()) throw new IllegalArgumentException("negative lock wait");
        if (rebootTimeoutSeconds != null && (rebootTimeoutSeconds < 1 || rebootTimeoutSeconds > 86400)) {
            throw new IllegalArgumentException("reboot timeout must be 1-86400 s");
        }
    }

    /** The options as they were before services could be restarted. */
    public RunOptions(boolean security, boolean docker, boolean weave, Strategy strategy, int concurrency,
                      Integer maxFailures, Duration lockWait, boolean repairDpkg, Reboot reboot,
                      Integer rebootTimeoutSeconds, Share batch, Share failureLimit, boolean keepOneUp) {
        this(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keepOneUp, false);
    }

    /** The options as they were before reboots and rolling batches: no reboot, keep-one-up on. */
    public RunOptions(boolean security, boolean docker, boolean weave, Strategy strategy, int concurrency,
                      Integer maxFailures, Duration lockWait, boolean repairDpkg) {
        this(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, Reboot.NONE, null,
                null, null, true);
    }

    /** Security upgrades only, in parallel. */
    public static RunOptions security(int concurrency) {
        return new RunOptions(true, false, false, Strategy.PARALLEL, concurrency, null, DEFAULT_LOCK_WAIT, false);
    }

    /** Only reboots (always, or only where required), in parallel until a strategy is chosen. */
    public static RunOptions rebootOnly(boolean onlyIfRequired, int concurrency) {
        return new RunOptions(false, false, false, Strategy.PARALLEL, concurrency, null, DEFAULT_LOCK_WAIT, false,
                onlyIfRequired ? Reboot.IF_REQUIRED : Reboot.ALWAYS, null, null, null, true);
    }

    /** How many servers run at once: 1 when serial (a rolling batch is further bounded by its size). */
    public int workers() {
        return strategy == Strategy.SERIAL ? 1 : concurrency;
    }

    public boolean anything() {
        return security || docker || weave || reboot != Reboot.NONE || restartServices;
    }

    /** Only restarting services (in parallel until a strategy is chosen). */
    public static RunOptions restartOnly(int concurrency) {
        return new RunOptions(false, false, false, Strategy.PARALLEL, concurrency, null, DEFAULT_LOCK_WAIT, false,
                Reboot.NONE, null, null, null, true, true);
    }

    public RunOptions withRestartServices(boolean restart) {
        return new RunOptions(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keepOneUp, restart);
    }

    /** Servers per batch for a run of {@code servers} servers: 1 when serial, all when parallel. */
    public int batchSize(int servers) {
        return switch (strategy) {
            case SERIAL -> 1;
            case PARALLEL -> Math.max(1, servers);
            case ROLLING -> batch == null ? 1 : batch.of(servers);
        };
    }

    /**
     * After how many failures no new server starts, for a run of {@code servers} servers; null = never stop early.
     * Rolling runs and runs that reboot stop at the first failure unless told otherwise: a server that did not come
     * back is a reason to look before taking the next one down, whatever the strategy.
     */
    public Integer failuresAllowed(int servers) {
        if (failureLimit != null) return failureLimit.of(servers);
        return strategy == Strategy.ROLLING || reboot != Reboot.NONE ? 1 : null;
    }

    public RunOptions withStrategy(Strategy s) {
        return new RunOptions(security, docker, weave, s, concurrency, maxFailures, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keepOneUp, restartServices);
    }

    /** Rolling batches of {@code size} (N or N%). */
    public RunOptions rolling(Share size) {
        return new RunOptions(security, docker, weave, Strategy.ROLLING, concurrency, maxFailures, lockWait, repairDpkg,
                reboot, rebootTimeoutSeconds, size, failureLimit, keepOneUp, restartServices);
    }

    public RunOptions withMaxFailures(Integer n) {
        return new RunOptions(security, docker, weave, strategy, concurrency, n, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, n == null ? null : Share.count(n), keepOneUp, restartServices);
    }

    /** N or N% failures stop the run (null: the strategy's default). */
    public RunOptions withFailureLimit(Share limit) {
        return new RunOptions(security, docker, weave, strategy, concurrency, null, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, limit, keepOneUp, restartServices);
    }

    public RunOptions withLockWait(Duration wait) {
        return new RunOptions(security, docker, weave, strategy, concurrency, maxFailures, wait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keepOneUp, restartServices);
    }

    /** @param timeoutSeconds overrides every application's reboot timeout, or null for their own */
    public RunOptions withReboot(Reboot r, Integer timeoutSeconds) {
        return new RunOptions(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, r,
                timeoutSeconds, batch, failureLimit, keepOneUp, restartServices);
    }

    public RunOptions withKeepOneUp(boolean keep) {
        return new RunOptions(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keep, restartServices);
    }
}
