package dev.upkeep.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Upkeep's own directories (its config and state folders) made private again when they are not: created by an
 * older version as 0755, or opened up by hand. Each change is a notice for the user, not a silent fix: they may
 * want to know that others could read their servers' output until now.
 */
public final class PrivateDirectories {
    private static final Logger log = LoggerFactory.getLogger(PrivateDirectories.class);

    private PrivateDirectories() {
    }

    /**
     * Makes {@code dir} 0700 if it exists and group or others have any access; a missing one is left missing.
     *
     * @param andContents also take group and other access away from everything below it (not following symlinks),
     *                    once, when the directory itself was open: what it held was as readable as it was
     * @return the notice to show, when something changed or could not be changed
     */
    public static Optional<String> tighten(Path dir, boolean andContents) {
        if (!Files.isDirectory(dir) || !PrivateFiles.posix(dir)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> before;
        try {
            before = Files.getPosixFilePermissions(dir);
            if (!PrivateFiles.opensToOthers(before)) {
                return Optional.empty();
            }
            Files.setPosixFilePermissions(dir, PrivateFiles.DIRECTORY);
        } catch (IOException | UnsupportedOperationException e) {
            return notice(dir + " is readable by other users and could not be made private (" + e.getMessage()
                    + "); run: chmod 700 " + dir);
        }
        String text = "Made " + dir + " private: it was " + PosixFilePermissions.toString(before) + ", so other users"
                + " could open it; now rwx------.";
        if (andContents) {
            List<Path> failed = new ArrayList<>();
            int changed = tightenBelow(dir, failed);
            if (changed > 0) {
                text += " Also made private: " + changed + " file(s) and folder(s) in it.";
            }
            if (!failed.isEmpty()) {
                text += " Could not change " + failed.size() + " (first: " + failed.get(0) + ").";
            }
        }
        return notice(text);
    }

    private static int tightenBelow(Path root, List<Path> failed) {
        int changed = 0;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.skip(1).toList();
        } catch (IOException | RuntimeException e) {
            failed.add(root);
            return 0;
        }
        for (Path p : all) {
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (!dir && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a symlink's target is not ours
            }
            Set<PosixFilePermission> mode = PrivateFiles.modeOf(p);
            if (mode == null || !PrivateFiles.opensToOthers(mode)) {
                continue;
            }
            Set<PosixFilePermission> owner = EnumSet.noneOf(PosixFilePermission.class);
            mode.stream().filter(m -> m.name().startsWith("OWNER_")).forEach(owner::add);
            try {
                Files.setPosixFilePermissions(p, dir ? PrivateFiles.DIRECTORY : owner);
                changed++;
            } catch (IOException | RuntimeException e) {
                failed.add(p);
            }
        }
        return changed;
    }

    private static Optional<String> notice(String text) {
        log.warn(text);
        return Optional.of(text);
    }
}
