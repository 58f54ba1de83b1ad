package dev.upkeep.run;

import dev.upkeep.fleet.Server;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.history.PatchHistoryMerge;
import dev.upkeep.history.UpkeepRunRecord;
import dev.upkeep.remote.HistoryRead;
import dev.upkeep.remote.ServerLogs;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandLimits;
import dev.upkeep.ssh.OutputLimitException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One server's patch history: its logs streamed through the parser (a year of them is never held whole; past
 * {@link #MAX_BYTES} the older ones are left out, and the history says so), merged with Upkeep's runs on it.
 */
final class HistoryReadJob implements ServerRead<PatchHistory> {
    static final long MAX_BYTES = 64L << 20;
    static final Duration IDLE = Duration.ofSeconds(120);

    private final Instant since;
    private final Function<ServerRef, List<UpkeepRunRecord>> localRuns;
    private final ServerRef ref;

    /** @param localRuns this machine's runs on a server (from its run history) */
    HistoryReadJob(ServerRef ref, Instant since, Function<ServerRef, List<UpkeepRunRecord>> localRuns) {
        this.ref = ref;
        this.since = since;
        this.localRuns = localRuns;
    }

    @Override
    public String what() {
        return "history read";
    }

    @Override
    public PatchHistory read(SshConnection connection, Server server, Cancellation cancel) throws SshException {
        HistoryRead.Reader reader = HistoryRead.reader();
        boolean cut = false;
        try {
            connection.exec(HistoryRead.command(HistoryRead.Mode.ALL, since, server.sudo()), HistoryRead.stdin(),
                    CommandLimits.parsed(MAX_BYTES).withIdle(IDLE), (stream, line) -> {
                        if (stream == OutputListener.Stream.STDOUT) {
                            reader.line(line);
                        }
                    }, cancel);
        } catch (OutputLimitException e) {
            cut = true;
        }
        ServerLogs logs = reader.finish(cut);
        List<UpkeepRunRecord> runs = new ArrayList<>(localRuns.apply(ref));
        runs.addAll(logs.upkeepJobs());
        return PatchHistoryMerge.merge(ref.toString(), logs.apt(), logs.unattended(), runs, logs.logsSince(), logs.notes())
                .since(since);
    }
}
