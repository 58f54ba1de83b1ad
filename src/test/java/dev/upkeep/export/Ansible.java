package dev.upkeep.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real ansible-playbook / ansible-lint in an exported folder, with Ansible's own state kept in the test's folder. */
final class Ansible {
    record Result(int exit, String output) {
    }

    private Ansible() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/ansible-playbook"));
    }

    static boolean lintAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/ansible-lint"));
    }

    static Result playbook(Path project, Path scratch, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", "upkeep.yml"));
        cmd.addAll(List.of(extra));
        return run(cmd, project, scratch);
    }

    static Result lint(Path project, Path scratch) throws Exception {
        return run(List.of("ansible-lint", "--offline", "upkeep.yml"), project, scratch);
    }

    private static Result run(List<String> cmd, Path project, Path scratch) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // The exported ansible.cfg, nothing of the user's: no ANSIBLE_CONFIG, Ansible's files in the test's folder.
        env.keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
        env.put("ANSIBLE_HOME", scratch.resolve("ansible-home").toString());
        env.put("HOME", scratch.toString());
        env.put("ANSIBLE_NOCOLOR", "1");
        if (System.getenv("UPKEEP_ANSIBLE_DEBUG") != null) {
            env.put("ANSIBLE_VERBOSITY", "4");
        }
        Path log = scratch.resolve("ansible-" + System.nanoTime() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(cmd + " did not end within 300 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
