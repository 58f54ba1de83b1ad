package dev.upkeep.ssh.kex;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The algorithms offered to one host, most preferred first, per kind; none of the lists is empty. */
public final class AlgorithmChoice {
    private final Map<AlgorithmKind, List<String>> lists;

    AlgorithmChoice(Map<AlgorithmKind, List<String>> lists) {
        this.lists = new EnumMap<>(lists);
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            if (this.lists.getOrDefault(kind, List.of()).isEmpty()) {
                throw new IllegalArgumentException("no " + kind.noun() + " chosen");
            }
            this.lists.put(kind, List.copyOf(this.lists.get(kind)));
        }
    }

    public List<String> get(AlgorithmKind kind) {
        return lists.get(kind);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlgorithmChoice other && lists.equals(other.lists);
    }

    @Override
    public int hashCode() {
        return lists.hashCode();
    }

    @Override
    public String toString() {
        return "AlgorithmChoice" + lists;
    }
}
