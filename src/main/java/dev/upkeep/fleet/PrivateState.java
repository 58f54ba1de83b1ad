package dev.upkeep.fleet;

import dev.upkeep.files.PrivateDirectories;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Upkeep's own folders: the config folder (the workspace) and the state folder (every run's logs and summary, so
 * every server's output). New ones are created 0700 where they are written; this makes existing ones private
 * again at start-up, each change a notice the window or the command line shows once. The state folder's contents
 * are tightened with it, since they were as readable as the folder; the config folder's are not (the workspace
 * keeps the mode its owner gave it).
 */
public record PrivateState(Path configDir, Path stateDir) {
    public static PrivateState standard() {
        return new PrivateState(Paths.configDir(), Paths.stateDir());
    }

    /** @return what was changed (or could not be), one notice per folder; empty when everything was private */
    public List<String> tighten() {
        List<String> notices = new ArrayList<>();
        PrivateDirectories.tighten(configDir, false).ifPresent(notices::add);
        PrivateDirectories.tighten(stateDir, true).ifPresent(notices::add);
        PrivateDirectories.tighten(stateDir.resolve("runs"), true).ifPresent(notices::add);
        return notices;
    }
}
