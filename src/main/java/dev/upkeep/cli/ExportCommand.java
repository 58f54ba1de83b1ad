package dev.upkeep.cli;

import dev.upkeep.export.AnsibleExport;
import dev.upkeep.export.ExportException;
import dev.upkeep.export.ExportOptions;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code upkeep export ansible}: the same policy as {@code upkeep upgrade}, as a playbook a team can schedule. */
@Command(name = "export", description = "Write Upkeep's policy for other tools to run.", subcommands = ExportCommand.Ansible.class)
final class ExportCommand {
    @ParentCommand
    UpkeepCommand parent;

    @Command(name = "ansible", mixinStandardHelpOptions = true, description = "Write an inventory and a playbook (ansible.builtin"
            + " modules only) that apply the same security upgrades, Docker and Weave versions and verified reboots as `upkeep upgrade`"
            + " with these options.")
    static final class Ansible implements Callable<Integer> {
        @ParentCommand
        ExportCommand top;
        @Spec
        CommandSpec spec;
        @Option(names = "--security", description = "Security updates only, daily upgrades on, no automatic reboot (Upkeep's job).")
        boolean security;
        @Option(names = "--docker", description = "docker-ce and docker-ce-cli pinned to the manifest's Docker version as apt offers it on each server.")
        boolean docker;
        @Option(names = "--weave", description = "The Weave script at the manifest's version, checked against its SHA-256, and its router restarted.")
        boolean weave;
        @Option(names = "--reboot-if-required", description = "Reboot where /var/run/reboot-required exists; verify boot id and health check.")
        boolean rebootIfRequired;
        @Option(names = "--lock-wait", paramLabel = "SECONDS", description = "How long to wait for another apt/dpkg (default: ${DEFAULT-VALUE}).")
        int lockWaitSeconds = (int) RunOptions.DEFAULT_LOCK_WAIT.toSeconds();
        @Mixin
        ServerOptions selection = new ServerOptions();
        @Mixin
        StrategyOptions strategy = new StrategyOptions();
        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write (created private; our files in it are replaced).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Workspace ws = top.parent.store().load(top.parent.workspace);
            List<ServerRef> servers = selection.select(ws);
            if (lockWaitSeconds < 0) {
                throw new BadInputException("--lock-wait must not be negative");
            }
            ExportOptions options;
            try {
                options = new ExportOptions(security, docker, weave, rebootIfRequired, strategy.exportStrategy(), strategy.batchShare(),
                        strategy.maxFailuresShare(), !strategy.noKeepOneUp, Duration.ofSeconds(lockWaitSeconds));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            List<String> files;
            try {
                files = AnsibleExport.write(ws, servers, options, dir);
            } catch (ExportException e) {
                throw new BadInputException(e.getMessage() + " (nothing was written)");
            }
            out.println("Wrote " + String.join(", ", files) + " in " + dir + " for " + servers.size() + " server(s).");
            out.println("Run it: cd " + dir + " && ansible-playbook " + AnsibleExport.PLAYBOOK
                    + (ws.applications().stream().anyMatch(a -> a.servers().stream().anyMatch(s -> s.sudo())) ? " --ask-become-pass" : ""));
            return ExitCodes.OK;
        }
    }
}
