package dev.upkeep.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SudoSession;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs with known secrets — the right sudo password, two wrong ones, an encrypted key's passphrase — from the
 * command line (on a pseudo-terminal) and through the runner in-process, across both kinds of sudo, then looks
 * for the secrets everywhere they could have gone: the run directories (logs, summary.json, history), everything
 * Upkeep wrote, the terminal (stdout, stderr, DEBUG logging), in-process log events and exception messages, every
 * command line on this machine and on the servers while the runs went on, the servers' sshd logs, shell
 * histories and every file under /root, /home, /var/log, /var/tmp, /tmp and /run.
 */
class SecretLeakTest {
    private static final String PASSWORD = TestFleet.SUDO_PASSWORD;
    private static final String KEY_PASSPHRASE = "Upk33p-k3y-pass-XYZ";
    private static final String WRONG_1 = "Upk33p-wr0ng-one";
    private static final String WRONG_2 = "Upk33p-wr0ng-two";
    private static final List<String> SECRETS = List.of(PASSWORD, KEY_PASSPHRASE, WRONG_1, WRONG_2);
    private static final Duration PROMPT = Duration.ofSeconds(90);
    private static TestFleet fleet;
    @TempDir
    static Path dir;
    private final Map<String, String> haystacks = new LinkedHashMap<>();
    private final Set<String> hostCommandLines = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void noSecretIsFoundAnywhereAfterRunsWithKnownSecrets() throws Exception {
        TestServer admin = fleet.server(0);
        TestServer nopw = fleet.server(1);
        TestServer wrongAdmin = fleet.server(2);
        Path key = encryptedKey();
        Path good = workspace("good", key, admin, nopw);
        Path bad = workspace("bad", key, wrongAdmin, nopw);
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString(), "HOME", Files.createDirectories(dir.resolve("home")).toString());

        for (TestServer s : fleet.servers()) {
            s.spawn("while [ ! -e /run/ps-stop ]; do ps -eo args >> /root/ps-capture.txt; sleep 0.05; done");
        }
        ScheduledExecutorService hostPs = Executors.newSingleThreadScheduledExecutor();
        hostPs.scheduleWithFixedDelay(() -> ProcessHandle.allProcesses()
                .forEach(p -> p.info().commandLine().ifPresent(hostCommandLines::add)), 0, 50, TimeUnit.MILLISECONDS);
        try {
            haystacks.put("terminal, right password", cliRun(good, env, false));
            haystacks.put("terminal, wrong passwords", cliRun(bad, env, true));
            inProcessRuns(good, bad, key);
        } finally {
            hostPs.shutdownNow();
            for (TestServer s : fleet.servers()) {
                s.run("touch /run/ps-stop");
            }
        }
        haystacks.put("command lines on this machine", String.join("\n", hostCommandLines));
        collectFiles("files Upkeep wrote", dir, key);
        for (TestServer s : fleet.servers()) {
            collectServer(s);
        }

        assertThat(haystacks.get("ps on " + admin.name())).as("the servers' ps saw privileged steps")
                .contains("sudo -S -p upkeep-sudo-prompt-").contains("sh -s");
        assertThat(haystacks.get("terminal, wrong passwords")).contains("sudo: wrong password for admin@" + wrongAdmin.name());
        assertThat(haystacks.get("files Upkeep wrote")).contains("summary.json").contains("upkeep-sec-demo");
        for (Map.Entry<String, String> haystack : haystacks.entrySet()) {
            for (String secret : SECRETS) {
                assertThat(haystack.getValue()).as("%s holds a secret", haystack.getKey()).doesNotContain(secret);
            }
        }
    }

    /** A copy of the fleet's client key, encrypted with the known passphrase. */
    private static Path encryptedKey() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path key = keys.resolve("id_ed25519");
        Files.copy(fleet.clientKey(), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-p", "-P", "", "-N", KEY_PASSPHRASE, "-f", key.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return key;
    }

    private static Path workspace(String name, Path key, TestServer admin, TestServer nopw) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Workspace ws = FleetWorkspaces.workspace(fleet, home, fleet.knownHosts(), List.of(new Application("shop", null, null,
                null, List.of(server(admin, "admin", key), server(nopw, "nopw", key)))));
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    private static Server server(TestServer s, String user, Path key) {
        return new Server(s.name(), s.host(), s.port(), user, key.toString(), true, List.of("web"));
    }

    /** {@code upkeep upgrade --security} on a terminal: the key's passphrase, then sudo's password (or two wrong ones). */
    private static String cliRun(Path ws, Map<String, String> env, boolean wrong) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workspace", ws.toString(), "upgrade", "--security"));
        if (wrong) {
            args.add("--yes");
        }
        try (CliPty cli = CliPty.start(CliPty.line(CliPty.upkeep(args.toArray(String[]::new))), env)) {
            cli.awaitScreen("Passphrase for ", PROMPT);
            cli.type(KEY_PASSPHRASE + "\r");
            cli.awaitScreen("sudo password for", PROMPT);
            if (wrong) {
                cli.type(WRONG_1 + "\r");
                cli.awaitScreen("Type it again", PROMPT);
                cli.type(WRONG_2 + "\r");
            } else {
                cli.type(PASSWORD + "\r");
                cli.awaitScreen("Apply these upgrades now? [y/N]", PROMPT);
                cli.type("y\r");
            }
            int exit = cli.awaitExit(Duration.ofMinutes(4));
            assertThat(exit).as(cli.screen()).isEqualTo(wrong ? ExitCodes.SOME_FAILED : ExitCodes.OK);
            return cli.screen();
        }
    }

    /** The same through the runner in this JVM, logging at DEBUG into a list, a right and a wrong password. */
    private void inProcessRuns(Path good, Path bad, Path key) throws Exception {
        Logger upkeep = (Logger) LoggerFactory.getLogger("dev.upkeep");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = upkeep.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        upkeep.setLevel(Level.DEBUG);
        StringBuilder results = new StringBuilder();
        try {
            assertThat(LoggerFactory.getLogger(Runner.class).isDebugEnabled()).as("DEBUG logging is on").isTrue();
            for (Path file : List.of(good, bad)) {
                Workspace ws = new WorkspaceStore().load(file);
                String answer = file == good ? PASSWORD : WRONG_1;
                try (PoolConnections connections = new PoolConnections(ws, (k, attempt) -> KEY_PASSPHRASE.toCharArray());
                     SudoSession sudo = new SudoSession((title, question) -> answer.toCharArray());
                     Runner runner = new Runner(connections, sudo)) {
                    RunSummary s = runner.start(new RunPlanner(UpgradeHooks.NONE)
                            .preflight(ws, ServerRef.all(ws), RunOptions.security(10))).completion().get(3, TimeUnit.MINUTES);
                    results.append(s).append('\n');
                    s.results().forEach(r -> results.append(r.message()).append('\n'));
                }
            }
        } finally {
            upkeep.setLevel(before);
            root.detachAppender(events);
        }
        assertThat(results).contains("sudo: wrong password for admin@");
        haystacks.put("run summaries and error messages in-process", results.toString());
        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent e : events.list) {
            logged.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logged.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        haystacks.put("log events in-process", logged.toString());
    }

    private void collectFiles(String name, Path top, Path except) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(top)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(except.getParent())).toList()) {
                all.append("== ").append(f).append('\n').append(new String(Files.readAllBytes(f))).append('\n');
            }
        }
        haystacks.put(name, all.toString());
    }

    private void collectServer(TestServer s) throws Exception {
        haystacks.put("ps on " + s.name(), s.call("cat /root/ps-capture.txt").stdout());
        haystacks.put("files on " + s.name(), s.call("find /root /home /var/log /var/tmp /tmp /run -type f -size -4M"
                + " ! -name ps-capture.txt -exec cat {} + 2>/dev/null").stdout());
        haystacks.put("sshd log of " + s.name(),
                Files.readString(fleet.tempDir().resolve("servers").resolve(s.name()).resolve("console.log")));
    }
}
