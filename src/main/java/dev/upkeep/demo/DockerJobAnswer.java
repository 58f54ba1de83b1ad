package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * docker-job.sh (header PKG_VERSION, TARGET, ALLOW_DOWNGRADE, after job-start.sh's KIND, RUN_ID, LIMIT, LOCK_WAIT):
 * refuses a downgrade, waits for apt/dpkg (a safe point), then apt-get install, restart, the running version. A cancel
 * or the time limit stops it only at its safe points; once dpkg runs it finishes, as on a real server.
 */
final class DockerJobAnswer {
    static final JobAnswer ANSWER = new JobAnswer("docker-job.sh", Job::new);

    private DockerJobAnswer() {
    }

    private static final class Job extends SimJob {
        private final String pkg;
        private final String target;
        private final boolean allowDowngrade;
        private final int lockWait;

        Job(RemoteScript script, SimSession session) {
            super(session, "docker", script, Duration.ofSeconds(900));
            this.pkg = script.variable("PKG_VERSION", "");
            this.target = script.variable("TARGET", "");
            this.allowDowngrade = script.variable("ALLOW_DOWNGRADE", "no").equals("yes");
            this.lockWait = Integer.parseInt(script.variable("LOCK_WAIT", "300"));
        }

        @Override
        protected int script() throws InterruptedException, Exit {
            prologue();
            String current = host.docker();
            String installed = current == null ? null : host.os.dockerPackage(current);
            if (target.equals(current) && pkg.equals(installed)) {
                emit("@@upkeep already " + target);
                return 0;
            }
            if (current != null && DockerRepo.compare(current, target) > 0 && !allowDowngrade) {
                emit("@@upkeep refused docker-ce " + installed);
                return 3;
            }
            String next = "installing docker-ce " + pkg;
            if (!waitForLocks(lockWait, next)) {
                emit("@@upkeep error the apt/dpkg lock stayed held for " + lockWait + " s; nothing was installed");
                return 11;
            }
            safePoint(next);
            emit("upkeep: dpkg runs now: a cancel or the time limit takes effect once it has finished (dpkg is never cut off)");
            emit("@@upkeep installing");
            emit("Reading package lists...");
            emit("Building dependency tree...");
            emit("Reading state information...");
            if (!target.equals(DockerRepo.releaseOf(host.os, pkg))) {
                emit("E: Version '" + pkg + "' for 'docker-ce' was not found");
                emit("@@upkeep error apt-get install docker-ce=" + pkg + " docker-ce-cli=" + pkg + " failed");
                return 4;
            }
            Instant start = Instant.now();
            install(installed);
            host.patchLog().add(new AptEntry(start, Instant.now(), "apt-get install -y docker-ce=" + pkg + " docker-ce-cli=" + pkg,
                    null, List.of(new AptEntry.Change("docker-ce", installed, pkg, false),
                    new AptEntry.Change("docker-ce-cli", installed, pkg, false)), null));
            if (cancelRequested()) {
                emit("upkeep: a cancel came while dpkg ran: the packages are installed; restarting Docker completes the install");
            }
            emit("@@upkeep restart systemctl restart docker");
            pause(pace.step().multipliedBy(2));
            host.dockerInstalled(target);
            emit("@@upkeep running " + target);
            return 0;
        }

        /** apt-get install's output; the packages are in place at its end. */
        private void install(String from) throws InterruptedException {
            emit(from == null ? "The following NEW packages will be installed:" : "The following packages will be upgraded:");
            emit("  docker-ce docker-ce-cli");
            emit((from == null ? "0 upgraded, 2 newly installed" : "2 upgraded, 0 newly installed") + ", 0 to remove and 0 not upgraded.");
            emit("Need to get 38.6 MB of archives.");
            emit("Get:1 " + DockerRepo.URL + " docker-ce-cli amd64 " + pkg + " [13.3 MB]");
            emit("Get:2 " + DockerRepo.URL + " docker-ce amd64 " + pkg + " [25.3 MB]");
            pause(pace.step());
            emit("Fetched 38.6 MB in 2s (19.1 MB/s)");
            emit("(Reading database ... 74512 files and directories currently installed.)");
            for (String p : new String[]{"docker-ce-cli", "docker-ce"}) {
                emit("Preparing to unpack .../" + p + "_" + pkg.replace(":", "%3a") + "_amd64.deb ...");
                emit("Unpacking " + p + " (" + pkg + ")" + (from == null ? "" : " over (" + from + ")") + " ...");
            }
            pause(pace.step());
            for (String p : new String[]{"docker-ce-cli", "docker-ce"}) {
                emit("Setting up " + p + " (" + pkg + ") ...");
            }
            emit("Processing triggers for man-db (2.10.2-1) ...");
        }
    }
}
