package dev.upkeep.ssh.kex;

import java.util.Objects;

/**
 * One algorithm option as the user wrote it in ssh_config: {@code value} in OpenSSH's syntax (a list, or a list
 * after {@code +} to append, {@code -} to remove, {@code ^} to put first; names may be {@code *}/{@code ?}
 * patterns) and {@code where} ("file:line") for messages.
 */
public record AlgorithmSpec(String value, String where) {
    public AlgorithmSpec {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(where, "where");
    }
}
