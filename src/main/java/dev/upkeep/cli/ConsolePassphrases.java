package dev.upkeep.cli;

import dev.upkeep.ssh.PassphraseProvider;

import java.io.Console;
import java.nio.file.Path;

/** Asks for a key's passphrase on the terminal (not echoed); without a terminal the key is skipped. */
public final class ConsolePassphrases implements PassphraseProvider {
    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        Console console = System.console();
        if (console == null) return null;
        String again = attempt > 1 ? " (wrong, try again)" : "";
        return console.readPassword("Passphrase for %s%s: ", keyFile, again);
    }
}
