package dev.upkeep.demo;

import java.io.IOException;
import java.time.Duration;

/** docker-install.sh (header PKG_VERSION, TARGET, ALLOW_DOWNGRADE): apt-get install, restart, the running version. */
final class DockerInstallAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("docker-install.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        SimHost h = s.host();
        Terminal t = s.terminal();
        String pkg = script.variable("PKG_VERSION", "");
        String target = script.variable("TARGET", "");
        String current = h.docker();
        if (target.equals(current)) {
            t.out("@@upkeep already " + target);
            return 0;
        }
        if (current != null && DockerRepo.compare(current, target) > 0 && !script.variable("ALLOW_DOWNGRADE", "no").equals("yes")) {
            t.out("@@upkeep refused docker-ce " + h.os.dockerPackage(current));
            return 3;
        }
        String release = DockerRepo.releaseOf(h.os, pkg);
        Duration line = s.pace().line();
        t.out("Reading package lists...", line);
        t.out("Building dependency tree...", line);
        t.out("Reading state information...", line);
        if (release == null || !release.equals(target)) {
            t.err("E: Version '" + pkg + "' for 'docker-ce' was not found");
            t.out("@@upkeep error apt-get install docker-ce=" + pkg + " docker-ce-cli=" + pkg + " failed");
            return 4;
        }
        install(t, s, current == null ? null : h.os.dockerPackage(current), pkg);
        t.out("@@upkeep restart systemctl restart docker");
        Terminal.sleep(s.pace().step().multipliedBy(2));
        h.dockerInstalled(target);
        t.out("@@upkeep running " + target);
        return 0;
    }

    private static void install(Terminal t, SimSession s, String from, String to) throws IOException {
        Duration line = s.pace().line();
        t.out(from == null ? "The following NEW packages will be installed:" : "The following packages will be upgraded:", line);
        t.out("  docker-ce docker-ce-cli", line);
        t.out((from == null ? "0 upgraded, 2 newly installed" : "2 upgraded, 0 newly installed") + ", 0 to remove and 0 not upgraded.", line);
        t.out("Need to get 38.6 MB of archives.", line);
        t.out("Get:1 " + DockerRepo.URL + " docker-ce-cli amd64 " + to + " [13.3 MB]", line);
        t.out("Get:2 " + DockerRepo.URL + " docker-ce amd64 " + to + " [25.3 MB]", line);
        Terminal.sleep(s.pace().step());
        t.out("Fetched 38.6 MB in 2s (19.1 MB/s)", line);
        t.out("(Reading database ... 74512 files and directories currently installed.)", line);
        for (String p : new String[]{"docker-ce-cli", "docker-ce"}) {
            t.out("Preparing to unpack .../" + p + "_" + to.replace(":", "%3a") + "_amd64.deb ...", line);
            t.out("Unpacking " + p + " (" + to + ")" + (from == null ? "" : " over (" + from + ")") + " ...", line);
        }
        for (String p : new String[]{"docker-ce-cli", "docker-ce"}) t.out("Setting up " + p + " (" + to + ") ...", line);
        t.out("Processing triggers for man-db (2.10.2-1) ...", line);
    }
}
