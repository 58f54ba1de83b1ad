package dev.upkeep.ssh;

import java.io.IOException;

/**
 * A conversation with a command over its standard input, for a program that asks something on stderr before it
 * reads what it is given (sudo asking for its password). Instead of writing stdin at once, the command's stdin is
 * handed to the dialogue, which sees each stderr line before the output listener does and decides what to write,
 * when to close stdin, and when to end the command. Calls come from one thread (the stderr drain), except
 * {@link #started}, which comes first, from the thread that runs the command.
 */
public interface StdinDialogue {
    /** The command started; {@code stdin} stays usable until the command ends (e.g. from a timer). */
    default void started(Stdin stdin) {
    }

    /**
     * A line of the command's stderr, before the listener sees it.
     *
     * @return true when the line belongs to the dialogue: the listener never sees it
     */
    boolean onStderrLine(String line, Stdin stdin);

    /** The command's standard input, and a way to end the command. */
    interface Stdin {
        /** Writes and flushes; the bytes are the caller's to wipe afterwards. */
        void write(byte[] bytes) throws IOException;

        /** End of input: the command reads EOF. */
        void close();

        /** Ends the command at once (the channel is closed); the command's result is then an error. */
        void abort();
    }
}
