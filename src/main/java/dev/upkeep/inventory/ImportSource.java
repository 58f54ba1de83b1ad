package dev.upkeep.inventory;

import java.util.List;

/**
 * What one file offers for import, before it is compared with the workspace: the servers, the hosts left out (with
 * why), the variables Upkeep does not honour, and the reader's warnings. {@code description} names the file.
 */
public record ImportSource(String description, List<ImportCandidate> candidates, List<ImportSkip> skipped,
                           List<UnusedVariable> unused, List<String> warnings) {
    public ImportSource {
        candidates = List.copyOf(candidates);
        skipped = List.copyOf(skipped);
        unused = List.copyOf(unused);
        warnings = List.copyOf(warnings);
    }
}
