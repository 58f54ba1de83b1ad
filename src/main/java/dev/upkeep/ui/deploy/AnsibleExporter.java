package dev.upkeep.ui.deploy;

import dev.upkeep.export.ExportOptions;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the dialog's choice as an Ansible playbook; the shell provides it (the export core), so the Deploy dialog
 * only gathers what to export. Returns the files written; an {@code ExportException} message is shown as it is.
 */
@FunctionalInterface
public interface AnsibleExporter {
    List<String> export(Workspace workspace, List<ServerRef> servers, ExportOptions options, Path dir) throws Exception;
}
