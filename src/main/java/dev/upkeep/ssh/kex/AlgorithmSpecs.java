package dev.upkeep.ssh.kex;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The algorithm options ssh_config sets for one host; a kind it does not set takes Upkeep's defaults. */
public final class AlgorithmSpecs {
    public static final AlgorithmSpecs DEFAULTS = new AlgorithmSpecs(Map.of());

    private final Map<AlgorithmKind, AlgorithmSpec> specs;

    public AlgorithmSpecs(Map<AlgorithmKind, AlgorithmSpec> specs) {
        this.specs = specs.isEmpty() ? Map.of() : new EnumMap<>(specs);
    }

    public Optional<AlgorithmSpec> get(AlgorithmKind kind) {
        return Optional.ofNullable(specs.get(kind));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlgorithmSpecs other && specs.equals(other.specs);
    }

    @Override
    public int hashCode() {
        return specs.hashCode();
    }

    @Override
    public String toString() {
        return "AlgorithmSpecs" + specs;
    }
}
