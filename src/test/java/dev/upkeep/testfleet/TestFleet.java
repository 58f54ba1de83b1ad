package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real Debian servers for integration tests: each an OpenSSH sshd on 127.0.0.1 (a free port) in its own
 * namespaces over its own overlay of a cached Debian rootfs (bookworm by default, trixie on request, or a mix),
 * with real apt/dpkg against a signed apt repository the fleet serves on loopback. Needs root; see
 * docs/testfleet.md.
 * <pre>{@code
 * TestFleet.assumeAvailable();
 * try (TestFleet fleet = TestFleet.start(3)) {
 *     TestServer server = fleet.server(0);   // srv01; root, deploy, admin and nopw log in with fleet.clientKey()
 *     server.run("apt-get update");
 * }
 * }</pre>
 */
public final class TestFleet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TestFleet.class);
    /** The password of every server's {@code admin}, whose sudo asks for it ({@code nopw}'s sudo never asks). */
    public static final String SUDO_PASSWORD = "Upk33p-s3cret-XYZ";

    private final Path dir;
    private final List<TestServer> servers = new ArrayList<>();
    private final List<ServerProcess> processes = new ArrayList<>();
    private final Ports ports = new Ports();
    private final Path clientKey;
    // Set one after the other while starting; cleanUp() copes with a start that failed half way.
    private Gpg gpg;
    private LoopbackHttpServer http;
    private AptRepo repo;
    private final Thread shutdownHook = new Thread(this::cleanUp, "testfleet-cleanup");
    private boolean closed;

    private TestFleet(FleetOptions options, Map<DebianRelease, RootFs> rootFs) throws IOException {
        StaleFleets.removeAbandoned(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(StaleFleets.PREFIX);
        StaleFleets.markOwner(dir);
        clientKey = dir.resolve("client/id_ed25519");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startUp(options, rootFs);
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    private void startUp(FleetOptions options, Map<DebianRelease, RootFs> rootFs) throws IOException {
        Files.createDirectories(clientKey.getParent());
        Exec.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "upkeep-testfleet-client", "-f",
                clientKey.toString());
        gpg = new Gpg(dir.resolve("gnupg"));
        http = new LoopbackHttpServer(Files.createDirectories(dir.resolve("www")));
        repo = new AptRepo(dir.resolve("www/debian"), http.baseUrl() + "/debian", gpg,
                AptRepo.debianSuites(rootFs.keySet()));
        for (var each : rootFs.entrySet()) {
            publishStandardPackages(each.getKey(), each.getValue());
        }
        Path keyring = dir.resolve("repo-keyring.gpg");
        gpg.exportPublicKey(keyring);
        Resources.copy(List.of(Resources.SERVER_INIT), dir);
        String clientPublicKey = Files.readString(Path.of(clientKey + ".pub"));
        for (int i = 0; i < options.serverCount(); i++) {
            String name = String.format("srv%02d", i + 1);
            DebianRelease release = options.release(i);
            ServerDisk disk = new ServerDisk(name, dir.resolve("servers").resolve(name), release,
                    options.unattendedUpgrades(i));
            RootFs image = rootFs.get(release);
            List<Path> lower = options.unattendedUpgrades(i)
                    ? List.of(image.layer("unattended-upgrades"), image.base()) : List.of(image.base());
            ServerProcess process = new ServerProcess(name, disk, dir.resolve(Resources.SERVER_INIT), lower, 0);
            process.rebootDelay(options.rebootDelay());
            processes.add(process);
            servers.add(new TestServer(name, disk, process));
        }
        bootAll(clientPublicKey, keyring);
    }

    /** Skips the calling test (JUnit assumption) with the reason when this machine cannot run the fleet. */
    public static void assumeAvailable() {
        assumeAvailable(DebianRelease.DEBIAN_12);
    }

    /** As {@link #assumeAvailable()}, for a fleet with servers of these releases. */
    public static void assumeAvailable(DebianRelease... releases) {
        Availability.problem(releases).ifPresent(reason -> Assumptions.assumeTrue(false, reason));
    }

    /** Empty when the fleet can run here, else why not. */
    public static Optional<String> unavailableReason() {
        return Availability.problem(DebianRelease.DEBIAN_12);
    }

    /** Starts {@code count} servers (in parallel), building the cached rootfs first if there is none. */
    public static TestFleet start(int count) {
        return start(FleetOptions.servers(count));
    }

    public static TestFleet start(FleetOptions options) {
        Map<DebianRelease, RootFs> rootFs = new java.util.EnumMap<>(DebianRelease.class);
        for (DebianRelease release : options.releases()) {
            rootFs.put(release, RootFs.obtain(release.userland()));
        }
        try {
            return new TestFleet(options, rootFs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test fleet", e);
        }
    }

    public TestServer server(int index) {
        return servers.get(index);
    }

    public List<TestServer> servers() {
        return List.copyOf(servers);
    }

    /** The unencrypted ed25519 private key that root and deploy on every server accept. */
    public Path clientKey() {
        return clientKey;
    }

    /** A known_hosts file with every host key of every server, as {@code [127.0.0.1]:port}. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /**
     * The Debian-like repository the servers' apt uses: suites CODENAME, CODENAME-updates and CODENAME-security of
     * each release the fleet runs (bookworm-security, trixie-security, …).
     */
    public AptRepo repo() {
        return repo;
    }

    /**
     * Another signed apt repository on the fleet's HTTP server under {@code /urlPath} (e.g. a Docker CE-style one).
     * Servers use it once they have {@link AptRepo#sourcesEntry} in their sources.
     */
    public AptRepo createRepo(String urlPath, List<AptRepo.Suite> suites) {
        if (!urlPath.matches("[a-z0-9-]+") || urlPath.equals("debian") || urlPath.equals("files")) {
            throw new IllegalArgumentException("not a free plain name: " + urlPath);
        }
        return new AptRepo(http.root().resolve(urlPath), http.baseUrl() + "/" + urlPath, gpg, suites);
    }

    /** Serves a file on the fleet's loopback HTTP server and returns its URL (e.g. a script to download). */
    public String publishFile(String urlPath, byte[] content) {
        if (!urlPath.matches("[A-Za-z0-9._/-]+") || urlPath.contains("..") || urlPath.startsWith("debian/")) {
            throw new IllegalArgumentException("not a plain relative path outside debian/: " + urlPath);
        }
        try {
            Path file = http.root().resolve("files").resolve(urlPath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return http.baseUrl() + "/files/" + urlPath;
    }

    /** A scratch directory inside the fleet's temp dir, removed on close. */
    public Path tempDir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to do
        }
    }

    private void publishStandardPackages(DebianRelease release, RootFs rootFs) throws IOException {
        String codename = release.codename();
        try (var debs = Files.list(rootFs.debs())) {
            repo.publish(codename, debs.toArray(Path[]::new));
        }
        repo.publish(codename, DemoPackages.installed().toArray(DebPackage[]::new));
        repo.publish(codename + "-security", DemoPackages.securityUpdate());
        repo.publish(codename + "-updates", DemoPackages.otherUpdate());
        if (release.isUbuntu()) {
            // Real ESM is never empty, and apt lists no source whose index has no package.
            repo.publish(release.esmSuiteName(), DemoPackages.esmOnly());
        }
    }

    private void bootAll(String clientPublicKey, Path keyring) {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(servers.size(), 8)));
        try {
            List<CompletableFuture<Void>> boots = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                ServerProcess process = processes.get(i);
                ServerDisk disk = servers.get(i).disk();
                boots.add(CompletableFuture.runAsync(() -> {
                    int port = ports.next();
                    process.usePort(port);
                    disk.provision(clientPublicKey, sourcesFiles(disk.release()), keyring, port);
                    bootOnFreePort(process);
                }, pool));
            }
            CompletableFuture.allOf(boots.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        writeKnownHosts();
        log.info("Test fleet of {} servers up in {} ms ({})", servers.size(),
                (System.nanoTime() - started) / 1_000_000, dir);
    }

    /** Debian servers list their three suites; Ubuntu's list ESM in a file of its own, as {@code pro} writes it. */
    private Map<String, String> sourcesFiles(DebianRelease release) {
        if (!release.isUbuntu()) {
            return Map.of("debian.sources", repo.sourcesEntry(release.suiteNames().toArray(String[]::new)));
        }
        return Map.of("ubuntu.sources", repo.sourcesEntry(release.suiteNames().toArray(String[]::new)),
                UbuntuLook.ESM_SOURCES, repo.sourcesEntry(release.esmSuiteName()));
    }

    /** Someone else may take a port between our pick and sshd's bind: then pick another. */
    private void bootOnFreePort(ServerProcess process) {
        for (int attempt = 1; ; attempt++) {
            try {
                process.start();
                return;
            } catch (ServerProcess.PortInUseOrBootFailure e) {
                if (!e.portInUse || attempt >= 5) {
                    throw e;
                }
                process.stop();
                process.changePort(ports.next());
            }
        }
    }

    private void writeKnownHosts() {
        List<String> lines = new ArrayList<>();
        servers.forEach(server -> lines.addAll(server.knownHostsLines()));
        try {
            Files.write(knownHosts(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops our servers by their PIDs, stops the HTTP server and gpg agent, and removes the temp dir. */
    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        processes.parallelStream().forEach(process -> {
            try {
                process.close();
            } catch (RuntimeException e) {
                log.warn("Could not stop a test server cleanly", e);
            }
        });
        log.debug("Servers stopped after {} ms", (System.nanoTime() - started) / 1_000_000);
        if (http != null) {
            http.close();
        }
        // --one-file-system: never follow into anything still mounted below the temp dir.
        CommandResult removed = Exec.call(List.of("rm", "-rf", "--one-file-system", dir.toString()), null,
                Map.of(), 120);
        if (!removed.succeeded()) {
            log.warn("Could not remove {}: {}", dir, removed.stderr());
        }
        log.info("Test fleet stopped and removed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
