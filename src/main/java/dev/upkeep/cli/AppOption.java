package dev.upkeep.cli;

import picocli.CommandLine.Option;

/** --app as every command that narrows a selection to one application words it (a mixin: declared once). */
final class AppOption {
    @Option(names = "--app", paramLabel = "NAME", description = "Only this application's servers.")
    String name;
}
