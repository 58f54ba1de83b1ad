package dev.upkeep.remote;
import java.util.Arrays;

/**
 * The sudo password as one server of a run sees it: the answers it may try, and what its sudo said of them. The
 * run keeps the answers (memory only); see run.SudoSession. Only {@link Privileged} asks for one, and only after
 * sudo itself printed its prompt.
 */
public interface SudoPassword {
    /** One answer to try: {@code id} tells answers apart without comparing secrets; the caller wipes the copy. */
    record Attempt(int id, char[] password) {
        public void wipe() {
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Attempt[" + id + "]"; // never the password
        }
    }

    /** The login user and server, as messages name them: {@code admin@web1}. */
    String account();

    /**
     * A copy of the answer to try next on this server, or null when there is none: none was given, or this server
     * rejected every answer the run has (the run may ask the person first: this can block).
     */
    Attempt next();

    /** sudo accepted this answer here: later commands on this server use it without asking anything. */
    void accepted(Attempt attempt);

    /** sudo asked again after this answer: it was wrong here, and is never tried here again. */
    void rejected(Attempt attempt);

    /** This server rejected every answer and no other will be asked: sudo is not tried here again. */
    boolean exhausted();
}
