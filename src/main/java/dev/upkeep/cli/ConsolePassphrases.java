package dev.upkeep.cli;

import dev.upkeep.run.SecretPrompt;
import dev.upkeep.ssh.PassphraseProvider;

import java.nio.file.Path;

/** Asks for a key's passphrase on the terminal, echo off ({@link TerminalPrompt}); without a terminal the key is skipped. */
public final class ConsolePassphrases implements PassphraseProvider {
    private final SecretPrompt terminal;

    public ConsolePassphrases() {
        this(new TerminalPrompt(System.err));
    }

    ConsolePassphrases(SecretPrompt terminal) {
        this.terminal = terminal;
    }

    @Override
    public char[] passphrase(Path keyFile, int attempt) {
        String again = attempt > 1 ? " (wrong, try again)" : "";
        return terminal.ask("Key passphrase", "Passphrase for " + keyFile + again);
    }
}
