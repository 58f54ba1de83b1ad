package dev.upkeep.ssh.kex;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The algorithms offered to one host, most preferred first, per kind; none of the lists is empty. */
public record AlgorithmChoice(Map<AlgorithmKind, List<String>> lists) {
    public AlgorithmChoice {
        Map<AlgorithmKind, List<String>> copy = new EnumMap<>(lists);
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            if (copy.getOrDefault(kind, List.of()).isEmpty()) {
                throw new IllegalArgumentException("no " + kind.noun() + " chosen");
            }
            copy.put(kind, List.copyOf(copy.get(kind)));
        }
        lists = Collections.unmodifiableMap(copy);
    }

    public List<String> get(AlgorithmKind kind) {
        return lists.get(kind);
    }
}
