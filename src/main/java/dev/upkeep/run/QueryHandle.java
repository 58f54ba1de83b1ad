package dev.upkeep.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A question asked of many servers, running. Cancel stops servers not yet started and interrupts the running ones. */
public interface QueryHandle<T> {
    void cancel();

    /** Completes with the answers of every server that was asked (not those skipped by cancel). */
    CompletableFuture<List<T>> completion();
}
