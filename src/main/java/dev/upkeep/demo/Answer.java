package dev.upkeep.demo;

import java.io.IOException;

/**
 * How a simulated server answers one of Upkeep's remote scripts: it recognises the script (by the resource body it
 * contains) and prints what the real server would, in the format the procedure's parser expects. One class per
 * script, so a changed script is followed in one place.
 */
interface Answer {
    boolean recognises(RemoteScript script);

    /** @return the exit status */
    int answer(RemoteScript script, SimSession session) throws IOException;
}
