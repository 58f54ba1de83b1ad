package dev.upkeep.bench.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Medians per contestant over the rounds where every server answered, and Upkeep's ratios to each peer, as markdown. */
final class PeerTable {
    private final Map<String, List<Measured>> byContestant = new LinkedHashMap<>();

    void add(Measured m) {
        byContestant.computeIfAbsent(m.contestant(), k -> new ArrayList<>()).add(m);
    }

    String markdown(List<String> upkeepRows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| client | complete runs | wall time | client CPU (user+sys) | peak RSS (process tree) |\n");
        sb.append("|---|---|---|---|---|\n");
        byContestant.forEach((name, runs) -> sb.append(String.format(Locale.ROOT, "| %s | %d of %d | %s | %s | %s |%n",
                name, ok(runs).size(), runs.size(), seconds(median(ok(runs), Measured::wallMs)),
                seconds(median(ok(runs), Measured::cpuMs)), megabytes(median(ok(runs), Measured::peakRssKb)))));
        sb.append("\n| ratio (median ÷ median) | wall time | client CPU | peak RSS |\n|---|---|---|---|\n");
        for (String upkeep : upkeepRows) {
            byContestant.keySet().stream().filter(peer -> !peer.startsWith("Upkeep")).forEach(peer ->
                    sb.append(String.format(Locale.ROOT, "| %s ÷ %s | %s | %s | %s |%n", upkeep, peer,
                            ratio(upkeep, peer, Measured::wallMs), ratio(upkeep, peer, Measured::cpuMs),
                            ratio(upkeep, peer, Measured::peakRssKb))));
        }
        return sb.toString();
    }

    /** What went wrong in rounds that did not count, one line each. */
    List<String> problems() {
        List<String> lines = new ArrayList<>();
        byContestant.values().forEach(runs -> runs.stream().filter(m -> !m.complete())
                .forEach(m -> lines.add(m.contestant() + ": " + m.problem())));
        return lines;
    }

    private String ratio(String a, String b, ToLongFunction<Measured> f) {
        long x = median(ok(byContestant.getOrDefault(a, List.of())), f);
        long y = median(ok(byContestant.getOrDefault(b, List.of())), f);
        return x < 0 || y <= 0 ? "–" : String.format(Locale.ROOT, "%.2f×", (double) x / y);
    }

    private static List<Measured> ok(List<Measured> runs) {
        return runs.stream().filter(Measured::complete).toList();
    }

    /** The middle value (the upper one of an even count); -1 when there is none. */
    static long median(List<Measured> runs, ToLongFunction<Measured> f) {
        if (runs.isEmpty()) {
            return -1;
        }
        List<Long> values = new ArrayList<>(runs.stream().map(f::applyAsLong).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    private static String seconds(long ms) {
        return ms < 0 ? "–" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static String megabytes(long kb) {
        return kb < 0 ? "–" : String.format(Locale.ROOT, "%d MB", Math.round(kb / 1024.0));
    }
}
