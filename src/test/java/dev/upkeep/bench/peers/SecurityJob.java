package dev.upkeep.bench.peers;

import dev.upkeep.remote.Shell;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Upkeep's security upgrade job as the built jar writes it: {@code ExportedScripts.securityUpgrade}, the job a run
 * starts detached, here in the foreground (the text the Ansible export ships). Loaded from the jar in a class loader
 * of its own, so that pssh runs the very script the Upkeep contestant's build sends; when the job changes, both do.
 */
final class SecurityJob {
    private SecurityJob() {
    }

    /** The job script, waiting for apt's lock as long as a user's run does by default ({@code RunOptions.DEFAULT_LOCK_WAIT}). */
    static String fromJar(Path jar) throws IOException, ReflectiveOperationException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Duration lockWait = (Duration) loader.loadClass("dev.upkeep.run.RunOptions").getField("DEFAULT_LOCK_WAIT").get(null);
            try {
                return (String) loader.loadClass("dev.upkeep.remote.ExportedScripts")
                        .getMethod("securityUpgrade", Duration.class).invoke(null, lockWait);
            } catch (InvocationTargetException e) {
                throw new IOException("the jar's ExportedScripts.securityUpgrade failed", e.getCause());
            }
        }
    }

    /**
     * The command line pssh sends: the job through {@code sh -c}, as the status bench sends the probe. The job makes
     * its own state and log folders (the export's text does), so nothing else runs before it.
     */
    static String remoteCommand(String job) {
        if (!job.startsWith("#!/bin/sh\n")) {
            throw new IllegalArgumentException("not a shell script: " + job.lines().findFirst().orElse(""));
        }
        return Shell.script(job);
    }
}
