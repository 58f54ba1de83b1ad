package dev.upkeep.inventory;

/** A host the import leaves out, and why ({@code application} may be null when none was chosen yet). */
public record ImportSkip(String application, String name, String source, String reason) {
    @Override
    public String toString() {
        return (application == null ? "" : application + "/") + name + ": " + reason + (source == null ? "" : " (" + source + ")");
    }
}
