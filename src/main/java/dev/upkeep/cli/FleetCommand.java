package dev.upkeep.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every sub-command of {@code upkeep} that works on the workspace's servers is handed: the top command (its
 * workspace, status service and input), its own output, and the services a run records history with.
 */
abstract class FleetCommand implements Callable<Integer> {
    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;
    /** Replaced by tests (temporary history folder); otherwise the top command's, resolved when first used. */
    UpgradeServices services = UpgradeServices.DEFAULT;

    /** The run services: the ones a test handed in, else those of the top command (its state folder). */
    final UpgradeServices upgradeServices() {
        if (services == UpgradeServices.DEFAULT) {
            services = parent.upgradeServices();
        }
        return services;
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
