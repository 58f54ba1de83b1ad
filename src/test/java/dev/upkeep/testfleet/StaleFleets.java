package dev.upkeep.testfleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with SIGKILL runs no shutdown hook: its servers still end (their init sees its stdin close), but
 * its temp dir stays. Each fleet records its JVM in an owner file; the next fleet removes dirs whose JVM is gone.
 */
final class StaleFleets {
    private static final Logger log = LoggerFactory.getLogger(StaleFleets.class);
    static final String PREFIX = "upkeep-testfleet-";
    private static final String OWNER = "owner";

    private StaleFleets() {
    }

    static void markOwner(Path fleetDir) throws IOException {
        Files.writeString(fleetDir.resolve(OWNER), identity(ProcessHandle.current()));
    }

    static void removeAbandoned(Path tempRoot) {
        try (Stream<Path> entries = Files.list(tempRoot)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                Path owner = dir.resolve(OWNER);
                if (Files.isRegularFile(owner) && !ownerAlive(Files.readString(owner).trim())) {
                    log.info("Removing the files of a test fleet whose JVM is gone: {}", dir);
                    Exec.call(List.of("rm", "-rf", "--one-file-system", dir.toString()), null, Map.of(), 120);
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for abandoned test fleets in {}", tempRoot, e);
        }
    }

    private static boolean ownerAlive(String identity) {
        String pid = identity.split(" ")[0];
        if (!pid.matches("\\d+")) {
            return true; // not ours to judge
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
        return process.isPresent() && identity(process.get()).equals(identity);
    }

    /** PID plus start time, so a recycled PID is not taken for the old JVM. */
    private static String identity(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("?");
    }
}
