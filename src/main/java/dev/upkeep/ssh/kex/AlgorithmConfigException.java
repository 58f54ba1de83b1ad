package dev.upkeep.ssh.kex;

/** An algorithm option in ssh_config leaves nothing to offer; the message names the file, line and option. */
public final class AlgorithmConfigException extends IllegalArgumentException {
    public AlgorithmConfigException(String message) {
        super(message);
    }
}
