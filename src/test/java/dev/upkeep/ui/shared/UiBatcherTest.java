package dev.upkeep.ui.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class UiBatcherTest {
    /** Holds hand-overs until the test plays the FX thread. */
    static final class HeldUi implements UiExecutor {
        final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();

        @Override
        public <T> void submit(String what, Callable<T> work, Consumer<? super T> ok, Consumer<Throwable> failed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUi(Runnable action) {
            pending.add(action);
        }

        @Override
        public void onUiSoon(Runnable action) {
            pending.add(action);
        }

        void runPending() {
            for (Runnable r; (r = pending.poll()) != null; ) {
                r.run();
            }
        }
    }

    @Test
    void eventsFromManyThreadsArriveOnceEachInFewBatches() throws Exception {
        HeldUi ui = new HeldUi();
        List<List<Integer>> batches = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(ui, batches::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int base = t * 250;
            pool.execute(() -> {
                for (int i = 0; i < 250; i++) {
                    batcher.add(base + i);
                }
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();

        assertThat(ui.pending).as("one hand-over is scheduled while one is waiting").hasSizeLessThanOrEqualTo(1);
        ui.runPending();
        List<Integer> all = batches.stream().flatMap(List::stream).sorted().toList();
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        assertThat(batches).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void eventAfterAFlushSchedulesTheNextBatch() {
        HeldUi ui = new HeldUi();
        List<List<String>> batches = new ArrayList<>();
        UiBatcher<String> batcher = new UiBatcher<>(ui, batches::add);
        batcher.add("a");
        ui.runPending();
        batcher.add("b");
        batcher.add("c");
        ui.runPending();
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void aBoundedBatcherHandsOverAtMostMaxAndSchedulesTheRest() {
        HeldUi ui = new HeldUi();
        List<List<Integer>> batches = new ArrayList<>();
        UiBatcher<Integer> batcher = new UiBatcher<>(ui, 2, batches::add);
        for (int i = 1; i <= 5; i++) {
            batcher.add(i);
        }
        ui.runPending();
        assertThat(batches).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }
}
