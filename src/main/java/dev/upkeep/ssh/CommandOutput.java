package dev.upkeep.ssh;

/** A finished command with its whole output: stdout and stderr lines joined with "\n". */
public record CommandOutput(CommandResult result, String stdout, String stderr) {
}
