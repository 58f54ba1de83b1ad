package dev.upkeep.cli;

import dev.upkeep.run.SecretPrompt;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Asks for secrets (sudo passwords, key passphrases) the way ssh and sudo do: on the terminal itself with its echo
 * off — through {@link System#console()} when stdin and stdout are the terminal, else through /dev/tty (so
 * {@code upkeep upgrade | tee log} still asks). Never from a pipe: without a terminal nothing is asked, and the
 * person is told why. One question at a time, whichever thread asks.
 */
public final class TerminalPrompt implements SecretPrompt {
    private static final Object TERMINAL = new Object();

    private final PrintStream notices;
    private boolean toldNoTerminal;

    /** @param notices where to say that there is no terminal to ask on (the command line's stderr) */
    public TerminalPrompt(PrintStream notices) {
        this.notices = notices;
    }

    @Override
    public char[] ask(String title, String question) {
        synchronized (TERMINAL) {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("%s: ", question);
            }
            try {
                return Tty.open().readSecret(question + ": ");
            } catch (IOException e) {
                if (!toldNoTerminal) {
                    notices.println("upkeep: " + question + ": no terminal to ask on (" + e.getMessage()
                            + "); nothing is read from a pipe. Run from a terminal.");
                    toldNoTerminal = true;
                }
                return null;
            }
        }
    }
}
