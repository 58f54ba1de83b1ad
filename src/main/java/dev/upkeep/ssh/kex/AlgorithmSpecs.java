package dev.upkeep.ssh.kex;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The algorithm options ssh_config sets for one host; a kind it does not set takes Upkeep's defaults. */
public record AlgorithmSpecs(Map<AlgorithmKind, AlgorithmSpec> specs) {
    public static final AlgorithmSpecs DEFAULTS = new AlgorithmSpecs(Map.of());

    public AlgorithmSpecs {
        specs = specs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(specs));
    }

    public Optional<AlgorithmSpec> get(AlgorithmKind kind) {
        return Optional.ofNullable(specs.get(kind));
    }
}
