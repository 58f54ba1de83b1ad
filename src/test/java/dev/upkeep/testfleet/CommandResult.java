package dev.upkeep.testfleet;

/** A finished command: exit code and everything it printed. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
