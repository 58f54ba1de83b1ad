package dev.upkeep.bench;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pulse timing on the FX thread, from a scene's pulse listeners: a pulse's duration is pre-layout to post-layout (CSS
 * and layout of the scene), a gap is the time between two pulses' starts (everything the FX thread did in between:
 * hand-overs, rendering). An animation timer keeps pulses coming every frame while measuring, so an idle window's
 * missing pulses are not counted as gaps. The FX thread's CPU time is the figure a loaded machine disturbs least.
 * Use on the FX thread only.
 */
public final class FrameMeter {
    private final List<Long> durations = new ArrayList<>();
    private final List<Long> gaps = new ArrayList<>();
    private final AnimationTimer keepPulsing = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // nothing: its presence makes every frame a pulse
        }
    };
    private boolean on;
    private long lastStart;
    private long cpuAtStart;
    private long wallAtStart;

    /** The scene whose pulses mark the gaps (the main window); the others add their layout durations. */
    public void attach(Scene scene, boolean marksGaps) {
        long[] began = new long[1];
        scene.addPreLayoutPulseListener(() -> {
            if (!on) {
                return;
            }
            long now = System.nanoTime();
            began[0] = now;
            if (marksGaps) {
                if (lastStart != 0) {
                    gaps.add(now - lastStart);
                }
                lastStart = now;
            }
        });
        scene.addPostLayoutPulseListener(() -> {
            if (on && began[0] != 0) {
                durations.add(System.nanoTime() - began[0]);
                began[0] = 0;
            }
        });
    }

    public void start() {
        durations.clear();
        gaps.clear();
        lastStart = 0;
        cpuAtStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        wallAtStart = System.nanoTime();
        on = true;
        keepPulsing.start();
    }

    public Stats stop() {
        on = false;
        keepPulsing.stop();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtStart;
        return new Stats(durations.size(), max(durations), p99(durations), max(gaps), p99(gaps), cpu,
                System.nanoTime() - wallAtStart);
    }

    private static long max(List<Long> v) {
        return v.isEmpty() ? 0 : Collections.max(v);
    }

    private static long p99(List<Long> v) {
        if (v.isEmpty()) {
            return 0;
        }
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1));
    }

    /** Counts and nanoseconds. */
    public record Stats(int pulses, long maxPulse, long p99Pulse, long maxGap, long p99Gap, long fxCpu, long wall) {
        public static final String HEADER = "| phase | wall ms | FX thread CPU ms | pulses | max pulse ms | p99 pulse ms | max gap ms | p99 gap ms |\n"
                + "|---|---|---|---|---|---|---|---|";

        public String row(String phase) {
            return String.format("| %s | %,d | %,d | %,d | %d | %d | %d | %d |", phase, wall / 1_000_000, fxCpu / 1_000_000, pulses,
                    maxPulse / 1_000_000, p99Pulse / 1_000_000, maxGap / 1_000_000, p99Gap / 1_000_000);
        }
    }
}
