package dev.upkeep.cli;

import picocli.CommandLine.Option;

/** --json for the commands that stream a run ({@code upgrade}, {@code reboot}): one event per line, as it happens. */
final class EventOutput {
    @Option(names = "--json", description = "One JSON object per event and line on standard output.")
    boolean json;
}
