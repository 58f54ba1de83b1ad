package dev.upkeep.manifest;

/** How bad a {@link Problem} is: errors block a save, warnings only need a confirmation. */
public enum Severity {
    ERROR, WARNING
}
