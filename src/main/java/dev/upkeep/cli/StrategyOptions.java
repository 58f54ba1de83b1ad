package dev.upkeep.cli;

import dev.upkeep.export.ExportOptions;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.Share;
import picocli.CommandLine.Option;

import java.util.Locale;

/** --strategy, --batch, --max-failures and --no-keep-one-up, shared by {@code upgrade} and {@code reboot}. */
final class StrategyOptions {
    enum StrategyName { parallel, serial, rolling }

    @Option(names = "--strategy", paramLabel = "parallel|serial|rolling",
            description = "parallel (settings.concurrency at once, the default), serial (one after the other) or rolling (batch after batch; implied by --batch).")
    StrategyName strategy;
    @Option(names = "--batch", paramLabel = "N|N%", description = "Rolling batch size: N servers, or N%% of the selected ones (at least 1; default 1).")
    String batch;
    @Option(names = "--max-failures", paramLabel = "N|N%",
            description = "Start no more servers (or batches) once N, or N%% of the servers, have failed. Rolling default: 1.")
    String maxFailures;
    @Option(names = "--no-keep-one-up",
            description = "Allow every server of an application to be down at once (by default one always stays up).")
    boolean noKeepOneUp;

    RunOptions apply(RunOptions base) throws BadInputException {
        Share size = share("--batch", batch);
        Share failures = share("--max-failures", maxFailures);
        StrategyName s = strategy != null ? strategy : size != null ? StrategyName.rolling : StrategyName.parallel;
        if (size != null && s != StrategyName.rolling) {
            throw new BadInputException("--batch goes with --strategy rolling, not " + s);
        }
        RunOptions o = switch (s) {
            case parallel -> base.withStrategy(RunOptions.Strategy.PARALLEL);
            case serial -> base.withStrategy(RunOptions.Strategy.SERIAL);
            case rolling -> base.rolling(size == null ? Share.count(1) : size);
        };
        return o.withFailureLimit(failures).withKeepOneUp(!noKeepOneUp);
    }

    /** The same choices for an exported playbook (the export checks the combination itself). */
    ExportOptions.Strategy exportStrategy() throws BadInputException {
        StrategyName s = strategy != null ? strategy : share("--batch", batch) != null ? StrategyName.rolling : StrategyName.parallel;
        return ExportOptions.Strategy.valueOf(s.name().toUpperCase(Locale.ROOT));
    }

    Share batchShare() throws BadInputException {
        return share("--batch", batch);
    }

    Share maxFailuresShare() throws BadInputException {
        return share("--max-failures", maxFailures);
    }

    private static Share share(String option, String value) throws BadInputException {
        if (value == null) {
            return null;
        }
        try {
            return Share.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }
}
