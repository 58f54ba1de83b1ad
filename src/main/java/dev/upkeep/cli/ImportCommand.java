package dev.upkeep.cli;

import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.inventory.AnsibleImport;
import dev.upkeep.inventory.AnsibleInventory;
import dev.upkeep.inventory.ImportPlanner;
import dev.upkeep.inventory.ImportPreview;
import dev.upkeep.inventory.ImportSource;
import dev.upkeep.inventory.ImportWriter;
import dev.upkeep.inventory.InventoryException;
import dev.upkeep.inventory.SshConfigImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code upkeep import ssh-config|ansible}: servers from the files people already have, previewed before written. */
@Command(name = "import", description = "Add servers from ~/.ssh/config or an Ansible inventory (shows what it would do first).",
        subcommands = {ImportCommand.SshConfig.class, ImportCommand.Ansible.class})
final class ImportCommand {
    @ParentCommand
    UpkeepCommand parent;

    /** Options both sources share. */
    static final class Common {
        @Option(names = "--dry-run", description = "Show what would be added, changed and skipped; write nothing.")
        boolean dryRun;
        @Option(names = "--yes", description = "Write without asking (the preview is still printed).")
        boolean yes;
    }

    @Command(name = "ssh-config", description = "Every concrete Host alias of an ssh_config file (and its Includes) becomes a"
            + " server whose host is the alias, so its connection details stay in ssh_config. Wildcard patterns are skipped.")
    static final class SshConfig implements Callable<Integer> {
        @ParentCommand
        ImportCommand top;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Default: ~/.ssh/config.")
        Path file;
        @Option(names = "--app", paramLabel = "NAME", defaultValue = "ssh-config",
                description = "The application the servers go into (default: ${DEFAULT-VALUE}).")
        String app;
        @Option(names = "--match", paramLabel = "PATTERN", description = "Only aliases matching this pattern (* and ?), e.g. 'web*'.")
        String match;
        @picocli.CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            Path f = file != null ? file : Paths.home().resolve(".ssh").resolve("config");
            return top.run(spec, common, ws -> SshConfigImport.of(f, app, match));
        }
    }

    @Command(name = "ansible", description = "Hosts of an Ansible inventory (INI or YAML, with children, group vars, group_vars/"
            + " and host_vars/). Each group of hosts becomes an application, or use --map.")
    static final class Ansible implements Callable<Integer> {
        @ParentCommand
        ImportCommand top;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "The inventory file.")
        Path file;
        @Option(names = "--map", paramLabel = "GROUP=APP", description = "Import only these groups (a group takes its"
                + " children's hosts), each into the application named (repeatable; the first that holds a host wins).")
        List<String> map = List.of();
        @picocli.CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception {
            Map<String, String> mapping = new LinkedHashMap<>();
            for (String m : map) {
                int eq = m.indexOf('=');
                if (eq <= 0 || eq == m.length() - 1) {
                    throw new BadInputException("--map " + m + ": expected GROUP=APP");
                }
                if (mapping.put(m.substring(0, eq), m.substring(eq + 1)) != null) {
                    throw new BadInputException("--map: group '" + m.substring(0, eq) + "' given twice");
                }
            }
            return top.run(spec, common, ws -> AnsibleImport.of(AnsibleInventory.read(file), mapping));
        }
    }

    interface Reader {
        ImportSource read(Workspace ws) throws InventoryException;
    }

    int run(CommandSpec spec, Common common, Reader reader) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = parent.store().load(parent.workspace);
        ImportSource source;
        try {
            source = reader.read(ws);
        } catch (InventoryException e) {
            throw new BadInputException(e.getMessage() + " (nothing was imported)");
        }
        ImportPreview preview = ImportPlanner.preview(ws, source);
        out.print(ImportPreviewText.format(preview));
        out.flush();
        if (preview.changesNothing()) {
            err.println("Nothing to import: " + parent.workspace + " is unchanged.");
            return ExitCodes.OK;
        }
        if (common.dryRun) {
            err.println("Dry run: nothing was written.");
            return ExitCodes.OK;
        }
        if (!common.yes && CliRun.declined(err, parent.input(), "Write these servers to " + parent.workspace + "?")) {
            return ExitCodes.OK;
        }
        ImportWriter.save(parent.store(), ws, preview);
        err.println("Saved " + parent.workspace + ": " + preview.added().size() + " added, " + preview.changed().size() + " changed.");
        return ExitCodes.OK;
    }
}
