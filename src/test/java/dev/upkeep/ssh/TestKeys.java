package dev.upkeep.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/** Client keys made with ssh-keygen, and a tiny process runner for the OpenSSH tools. */
final class TestKeys {
    private TestKeys() {
    }

    /** Creates {@code dir/name} (and .pub) and authorizes it in {@code authorizedKeys}. */
    static Path create(Path dir, String name, String type, String passphrase, Path authorizedKeys) throws Exception {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString());
        Files.writeString(authorizedKeys, Files.readString(Path.of(key + ".pub")),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return key;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
