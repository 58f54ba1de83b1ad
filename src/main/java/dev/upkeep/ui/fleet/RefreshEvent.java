package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.UnknownHostKey;

/** What a status listener reports from worker threads, queued until the FX thread takes a batch. */
sealed interface RefreshEvent {
    record Started(ServerRef ref) implements RefreshEvent {
    }

    record Finished(ServerRef ref, ServerStatus status) implements RefreshEvent {
    }

    record KeyUnknown(UnknownHostKey key) implements RefreshEvent {
    }
}
