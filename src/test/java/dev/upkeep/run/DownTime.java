package dev.upkeep.run;


import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each server was down, read from a run's events: from its REBOOTING step until its next step that is neither
 * REBOOTING nor WAITING_FOR_BOOT (health check, undrain, done, failed...), or the end of the events.
 */
final class DownTime {
    record Interval(String server, Instant from, Instant to) {
    }

    private DownTime() {
    }

    static List<Interval> intervals(List<RunEvent> events) {
        Map<String, Instant> since = new HashMap<>();
        List<Interval> out = new ArrayList<>();
        Instant last = Instant.EPOCH;
        for (RunEvent e : events) {
            last = e.at().isAfter(last) ? e.at() : last;
            if (!(e instanceof RunEvent.StepChanged s)) {
                continue;
            }
            String server = s.server().server();
            if (s.step() == RunStep.REBOOTING) {
                since.putIfAbsent(server, s.at());
            } else if (s.step() != RunStep.WAITING_FOR_BOOT && since.containsKey(server)) {
                out.add(new Interval(server, since.remove(server), s.at()));
            }
        }
        for (Map.Entry<String, Instant> open : since.entrySet()) {
            out.add(new Interval(open.getKey(), open.getValue(), last));
        }
        return out;
    }

    /** The largest number of intervals that overlap at one instant. */
    static int mostAtOnce(List<Interval> intervals) {
        int most = 0;
        for (Interval i : intervals) {
            int n = 0;
            for (Interval j : intervals) {
                if (!j.from().isAfter(i.from()) && j.to().isAfter(i.from())) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    static Interval of(List<Interval> intervals, String server) {
        return intervals.stream().filter(i -> i.server().equals(server)).findFirst().orElseThrow();
    }
}
