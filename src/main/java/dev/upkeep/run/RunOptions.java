package dev.upkeep.run;

import java.time.Duration;
import java.util.Objects;

/**
 * What a run does on every selected server, and how it goes through them. Made with {@link #builder()} (every option
 * by name, the rest at its default; {@link RunOptionsBuilder}) or from another with {@code with...}.
 *
 * <ul>
 * <li>{@code security}, {@code docker}, {@code weave}: what is upgraded</li>
 * <li>{@code maxFailures}: stop starting servers once this many failed (null: no count given; see failureLimit)</li>
 * <li>{@code lockWait}: how long a server waits for another apt/dpkg to release its lock</li>
 * <li>{@code repairDpkg}: run {@code dpkg --configure -a} first where dpkg was interrupted, instead of failing</li>
 * <li>{@code reboot}: after the upgrades, reboot and verify each server (never, only where required, always)</li>
 * <li>{@code rebootTimeoutSeconds}: overrides each application's reboot timeout (null: the application's own)</li>
 * <li>{@code batch}: ROLLING only: servers per batch, N or N% of the run's servers (null: 1)</li>
 * <li>{@code failureLimit}: stop starting servers/batches once N or N% failed (null: {@code maxFailures}, or 1 for
 * ROLLING and for any run that reboots, else no limit); a count here and {@code maxFailures} are kept equal</li>
 * <li>{@code keepOneUp}: never take every server of an application (of more than one) down at once: rolling
 * batches are split and parallel reboots wait their turn</li>
 * <li>{@code restartServices}: restart the services still using replaced libraries (after the upgrades; on servers
 * that need a reboot, the reboot does it instead)</li>
 * </ul>
 */
public final class RunOptions {
    /** PARALLEL: up to {@code concurrency} at once; SERIAL: one after the other; ROLLING: batch after batch. */
    public enum Strategy { PARALLEL, SERIAL, ROLLING }

    /** Whether and when servers are rebooted after the upgrades. */
    public enum Reboot { NONE, IF_REQUIRED, ALWAYS }

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    private final boolean security;
    private final boolean docker;
    private final boolean weave;
    private final Strategy strategy;
    private final int concurrency;
    private final Integer maxFailures;
    private final Duration lockWait;
    private final boolean repairDpkg;
    private final Reboot reboot;
    private final Integer rebootTimeoutSeconds;
    private final Share batch;
    private final Share failureLimit;
    private final boolean keepOneUp;
    private final boolean restartServices;

    RunOptions(RunOptionsBuilder b) {
        Integer max = b.maxFailures;
        Share limit = b.failureLimit;
        if (b.concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (max != null && max < 1) {
            throw new IllegalArgumentException("max failures must be at least 1");
        }
        if (limit == null && max != null) {
            limit = Share.count(max);
        }
        if (limit != null && !limit.percent()) {
            if (max != null && max != limit.value()) {
                throw new IllegalArgumentException("max failures given twice: " + max + " and " + limit);
            }
            max = limit.value();
        }
        if (limit != null && limit.percent() && max != null) {
            throw new IllegalArgumentException("max failures given twice: " + max + " and " + limit);
        }
        Duration wait = b.lockWait == null ? DEFAULT_LOCK_WAIT : b.lockWait;
        if (wait.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        if (b.rebootTimeoutSeconds != null && (b.rebootTimeoutSeconds < 1 || b.rebootTimeoutSeconds > 86400)) {
            throw new IllegalArgumentException("reboot timeout must be 1-86400 s");
        }
        security = b.security;
        docker = b.docker;
        weave = b.weave;
        strategy = b.strategy == null ? Strategy.PARALLEL : b.strategy;
        concurrency = b.concurrency;
        maxFailures = max;
        lockWait = wait;
        repairDpkg = b.repairDpkg;
        reboot = b.reboot == null ? Reboot.NONE : b.reboot;
        rebootTimeoutSeconds = b.rebootTimeoutSeconds;
        batch = b.batch;
        failureLimit = limit;
        keepOneUp = b.keepOneUp;
        restartServices = b.restartServices;
    }

    /** Nothing to do yet, in parallel one at a time, default lock wait, no reboot, keep-one-up on. */
    public static RunOptionsBuilder builder() {
        return new RunOptionsBuilder();
    }

    /** A builder holding these options, to change some of them. */
    public RunOptionsBuilder toBuilder() {
        return new RunOptionsBuilder().security(security).docker(docker).weave(weave).strategy(strategy).concurrency(concurrency)
                .maxFailures(maxFailures).lockWait(lockWait).repairDpkg(repairDpkg).reboot(reboot)
                .rebootTimeoutSeconds(rebootTimeoutSeconds).batch(batch).failureLimit(failureLimit).keepOneUp(keepOneUp)
                .restartServices(restartServices);
    }

    /** Security upgrades only, in parallel. */
    public static RunOptions security(int concurrency) {
        return builder().security(true).concurrency(concurrency).build();
    }

    /** Only reboots (always, or only where required), in parallel until a strategy is chosen. */
    public static RunOptions rebootOnly(boolean onlyIfRequired, int concurrency) {
        return builder().concurrency(concurrency).reboot(onlyIfRequired ? Reboot.IF_REQUIRED : Reboot.ALWAYS).build();
    }

    public boolean security() {
        return security;
    }

    public boolean docker() {
        return docker;
    }

    public boolean weave() {
        return weave;
    }

    public Strategy strategy() {
        return strategy;
    }

    public int concurrency() {
        return concurrency;
    }

    public Integer maxFailures() {
        return maxFailures;
    }

    public Duration lockWait() {
        return lockWait;
    }

    public boolean repairDpkg() {
        return repairDpkg;
    }

    public Reboot reboot() {
        return reboot;
    }

    public Integer rebootTimeoutSeconds() {
        return rebootTimeoutSeconds;
    }

    public Share batch() {
        return batch;
    }

    public Share failureLimit() {
        return failureLimit;
    }

    public boolean keepOneUp() {
        return keepOneUp;
    }

    public boolean restartServices() {
        return restartServices;
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
        return builder().concurrency(concurrency).restartServices(true).build();
    }

    public RunOptions withRestartServices(boolean restart) {
        return toBuilder().restartServices(restart).build();
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
        if (failureLimit != null) {
            return failureLimit.of(servers);
        }
        return strategy == Strategy.ROLLING || reboot != Reboot.NONE ? 1 : null;
    }

    public RunOptions withStrategy(Strategy s) {
        return toBuilder().strategy(s).build();
    }

    /** Rolling batches of {@code size} (N or N%). */
    public RunOptions rolling(Share size) {
        return toBuilder().strategy(Strategy.ROLLING).batch(size).build();
    }

    public RunOptions withMaxFailures(Integer n) {
        return toBuilder().maxFailures(n).failureLimit(n == null ? null : Share.count(n)).build();
    }

    /** N or N% failures stop the run (null: the strategy's default). */
    public RunOptions withFailureLimit(Share limit) {
        return toBuilder().maxFailures(null).failureLimit(limit).build();
    }

    public RunOptions withLockWait(Duration wait) {
        return toBuilder().lockWait(wait).build();
    }

    /** @param timeoutSeconds overrides every application's reboot timeout, or null for their own */
    public RunOptions withReboot(Reboot r, Integer timeoutSeconds) {
        return toBuilder().reboot(r).rebootTimeoutSeconds(timeoutSeconds).build();
    }

    public RunOptions withKeepOneUp(boolean keep) {
        return toBuilder().keepOneUp(keep).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunOptions r && security == r.security && docker == r.docker && weave == r.weave
                && strategy == r.strategy && concurrency == r.concurrency && Objects.equals(maxFailures, r.maxFailures)
                && lockWait.equals(r.lockWait) && repairDpkg == r.repairDpkg && reboot == r.reboot
                && Objects.equals(rebootTimeoutSeconds, r.rebootTimeoutSeconds) && Objects.equals(batch, r.batch)
                && Objects.equals(failureLimit, r.failureLimit) && keepOneUp == r.keepOneUp
                && restartServices == r.restartServices;
    }

    @Override
    public int hashCode() {
        return Objects.hash(security, docker, weave, strategy, concurrency, maxFailures, lockWait, repairDpkg, reboot,
                rebootTimeoutSeconds, batch, failureLimit, keepOneUp, restartServices);
    }

    @Override
    public String toString() {
        return "RunOptions[security=" + security + ", docker=" + docker + ", weave=" + weave + ", strategy=" + strategy
                + ", concurrency=" + concurrency + ", maxFailures=" + maxFailures + ", lockWait=" + lockWait
                + ", repairDpkg=" + repairDpkg + ", reboot=" + reboot + ", rebootTimeoutSeconds=" + rebootTimeoutSeconds
                + ", batch=" + batch + ", failureLimit=" + failureLimit + ", keepOneUp=" + keepOneUp + ", restartServices=" + restartServices + "]";
    }
}
