package dev.upkeep.cli;

import dev.upkeep.run.RunPlan;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.SudoPasswords;

import java.io.Console;

/**
 * Asks the sudo password once per run on the terminal (not echoed); empty means passwordless sudo. Without a
 * terminal there is no password: {@code sudo -n} then fails on servers that need one, and the run says so.
 */
final class ConsoleSudoPasswords implements SudoPasswords {
    @Override
    public char[] password(RunPlan plan) {
        Console console = System.console();
        if (console == null) return null;
        long count = plan.servers().stream().filter(ServerPlan::sudo).count();
        char[] pw = console.readPassword("sudo password for %d server(s) (empty for passwordless sudo): ", count);
        return pw == null || pw.length == 0 ? null : pw;
    }
}
