package dev.upkeep.demo;

import dev.upkeep.base.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo fleet, running: simulated servers behind one embedded SSH server on 127.0.0.1, and a workspace for them
 * in a private temporary folder (workspace.yml, the manifests, known_hosts, the login key, the run history). Upkeep
 * talks to them exactly as to real servers; only what answers is simulated. {@link #close()} stops everything and
 * deletes the folder; nothing is kept from one start to the next.
 */
public final class DemoFleet implements AutoCloseable, SimFleet {
    private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);

    private final Path dir;
    private final DemoPace pace;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final DemoSshServer server;
    private final KeyPair loginKey;
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Thread cleanup = Threads.daemon("upkeep-demo-cleanup", this::deleteFolder);
    private volatile boolean closed;

    private DemoFleet(Path dir, DemoPace pace) {
        this.dir = dir;
        this.pace = pace;
        this.workers = Executors.newCachedThreadPool(Threads.named("upkeep-demo"));
        this.timers = Executors.newSingleThreadScheduledExecutor(Threads.single("upkeep-demo-reboots"));
        KeyPair login = DemoKeys.ed25519();
        this.server = new DemoSshServer(login.getPublic(), workers, new SimShell());
        this.loginKey = login;
    }

    /** Starts the simulated servers and writes the demo's workspace. */
    public static DemoFleet start(DemoPace pace) throws IOException {
        DemoFleet fleet = prepare(pace);
        fleet.open();
        return fleet;
    }

    /**
     * Only makes the demo's private folder, so that its paths are known at once; {@link #open()} (slower: keys, the
     * SSH server) may then run in the background while the window starts.
     */
    public static DemoFleet prepare(DemoPace pace) throws IOException {
        return new DemoFleet(DemoFolder.create(), pace);
    }

    /** Starts the servers and writes the workspace; on failure everything is stopped and deleted again. */
    public void open() throws IOException {
        try {
            listen();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void listen() throws IOException {
        Runtime.getRuntime().addShutdownHook(cleanup);
        server.start();
        List<String> known = new ArrayList<>();
        for (SimHost h : DemoScenario.hosts(Instant.now())) {
            KeyPair hostKey = DemoKeys.ed25519();
            int port = server.open(hostKey, p -> terminal -> new SimSession(h, terminal, pace, this));
            hosts.put(h.name, h);
            ports.put(h.name, port);
            if (!h.name.equals(DemoScenario.UNTRUSTED)) {
                known.add(DemoKeys.knownHostsLine(port, hostKey));
            }
        }
        ports.put(DemoScenario.UNREACHABLE, closedPort());
        DemoFolder.write(dir.resolve(DemoWorkspaceText.KEY_FILE), DemoKeys.openSshPrivateKey(loginKey));
        DemoFolder.write(dir.resolve(DemoWorkspaceText.KEY_FILE + ".pub"), DemoKeys.publicLine(loginKey) + " upkeep-demo\n");
        DemoFolder.write(dir.resolve(DemoWorkspaceText.KNOWN_HOSTS), String.join("\n", known) + "\n");
        DemoFolder.write(dir.resolve(DemoWorkspaceText.SSH_CONFIG), "# The demo fleet reads no ~/.ssh/config.\n");
        for (DemoScenario.App app : DemoScenario.APPS) {
            DemoFolder.directory(dir.resolve(app.name()));
            DemoFolder.write(dir.resolve(app.name()).resolve("Manifest.yml"), DemoWorkspaceText.manifest(app));
        }
        DemoFolder.directory(stateDir());
        DemoFolder.write(workspaceFile(), DemoWorkspaceText.workspace(ports));
        LOG.info("demo fleet: {} simulated servers on 127.0.0.1 in {} ({})", hosts.size(), dir, server.keyExchanges());
    }

    /** A loopback port nothing listens on (connections are refused), for the unreachable server. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The private temporary folder that holds everything the demo writes. */
    public Path directory() {
        return dir;
    }

    public Path workspaceFile() {
        return dir.resolve("workspace.yml");
    }

    /** Where the demo's run history goes (not the user's real history). */
    public Path stateDir() {
        return dir.resolve("state");
    }

    /** Server name → loopback port, for every demo server (the unreachable one's port has no listener). */
    public Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** The key exchanges the simulated servers offer, most preferred first. */
    public List<String> keyExchanges() {
        return server.keyExchanges();
    }

    SimHost host(String name) {
        return hosts.get(name);
    }

    @Override
    public void startJob(SimJob job) {
        workers.execute(job);
    }

    @Override
    public void scheduleReboot(SimHost host) {
        int port = ports.get(host.name);
        timers.schedule(() -> {
            // As a client sees a real reboot: the connections drop, and whatever ran there (a job, the command that
            // followed it) dies with them. Killing the jobs first would let a follower report the job lost over a
            // connection that is still up.
            List<SimJob> running = host.goDown();
            server.down(port);
            running.forEach(SimJob::kill);
            LOG.debug("demo server {} is rebooting", host);
            timers.schedule(() -> boot(host, port), pace.downtime().toMillis(), TimeUnit.MILLISECONDS);
        }, pace.rebootDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void boot(SimHost host, int port) {
        host.boot(Instant.now());
        try {
            server.up(port);
        } catch (IOException e) {
            LOG.warn("demo server {} could not listen on port {} again: {}", host, port, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timers.shutdownNow();
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("stopping the demo's SSH server: {}", e.toString());
        }
        workers.shutdownNow();
        deleteFolder();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private void deleteFolder() {
        try {
            DemoFolder.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the demo folder {}: {}", dir, e.toString());
        }
    }
}
