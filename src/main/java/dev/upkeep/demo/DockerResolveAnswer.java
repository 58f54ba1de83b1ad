package dev.upkeep.demo;

import java.io.IOException;
import java.time.Instant;

/** docker-resolve.sh (header UPDATE_LISTS): what apt offers for docker-ce, what is installed and running. */
final class DockerResolveAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("docker-resolve.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        SimHost h = s.host();
        Terminal t = s.terminal();
        if (script.variable("UPDATE_LISTS", "no").equals("yes")) {
            for (String line : h.os.updateLines()) {
                t.out(line, s.pace().line());
            }
            h.updateLists(Instant.now());
        }
        for (String line : DockerRepo.madison(h.os)) {
            t.out("@@upkeep madison " + line);
        }
        String installed = h.docker() == null ? "" : h.os.dockerPackage(h.docker());
        t.out("@@upkeep installed docker-ce " + installed);
        t.out("@@upkeep installed docker-ce-cli " + installed);
        if (h.docker() != null) {
            t.out("@@upkeep running " + h.docker());
        }
        return 0;
    }
}
