package dev.upkeep.export;

import dev.upkeep.run.Share;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What an exported playbook does, the same words as {@code upkeep upgrade}: which jobs, and how the servers of each
 * application are rolled through ({@code batch} only with {@link Strategy#ROLLING}; null {@code maxFailures} means
 * Upkeep's default: 1 when rolling, no limit otherwise).
 */
public record ExportOptions(boolean security, boolean docker, boolean weave, boolean rebootIfRequired, Strategy strategy,
                            Share batch, Share maxFailures, boolean keepOneUp, Duration lockWait) {
    public enum Strategy { PARALLEL, SERIAL, ROLLING }

    public ExportOptions {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(lockWait, "lockWait");
        if (batch != null && strategy != Strategy.ROLLING) {
            throw new IllegalArgumentException("--batch goes with --strategy rolling, not "
                + strategy.name().toLowerCase(Locale.ROOT));
        }
        if (!security && !docker && !weave && !rebootIfRequired) {
            throw new IllegalArgumentException("nothing to export: give --security, --docker, --weave and/or --reboot-if-required");
        }
    }

    /** The failure limit Upkeep applies: the given one, or 1 server when rolling. */
    Share effectiveMaxFailures() {
        if (maxFailures != null) {
            return maxFailures;
        }
        return strategy == Strategy.ROLLING ? Share.count(1) : null;
    }
}
