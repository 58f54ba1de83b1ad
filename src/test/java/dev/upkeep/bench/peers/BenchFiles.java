package dev.upkeep.bench.peers;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * What every contestant is given, written once: the fleet's key and known_hosts, Upkeep workspaces (OpenSSH's
 * default key exchange, and one limited to curve25519 through an ssh config as a user would), a pssh host list,
 * an Ansible inventory, a private HOME, and the probe script read from the built jar, the very bytes Upkeep sends.
 */
record BenchFiles(Path dir, Path key, Path knownHosts, Path workspace, Path workspaceCurve25519, Path psshHosts,
                  Path inventory, Path home, String probe, int servers) {
    static final String CURVE25519 = "curve25519-sha256";

    static BenchFiles write(TestFleet fleet, Path dir, Path jar) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path sshConfig = dir.resolve("ssh_config-curve25519");
        Files.writeString(sshConfig, "Host *\n    KexAlgorithms " + CURVE25519 + "\n");
        List<TestServer> servers = fleet.servers();
        Path ws = workspace(fleet, dir.resolve("workspace.yml"), dir.resolve("no-ssh-config").toString(), servers);
        Path wsCurve = workspace(fleet, dir.resolve("workspace-curve25519.yml"), sshConfig.toString(), servers);
        List<String> hosts = new ArrayList<>();
        List<String> inventory = new ArrayList<>(List.of("[fleet]"));
        for (TestServer s : servers) {
            hosts.add(s.host() + ":" + s.port());
            inventory.add(s.name() + " ansible_host=" + s.host() + " ansible_port=" + s.port() + " ansible_user=root");
        }
        Path psshHosts = Files.write(dir.resolve("pssh-hosts"), hosts);
        Path inv = Files.write(dir.resolve("inventory.ini"), inventory);
        return new BenchFiles(dir, fleet.clientKey(), fleet.knownHosts(), ws, wsCurve, psshHosts, inv, home,
                probeFrom(jar), servers.size());
    }

    /** The probe as packaged (its shared cache-folder function, then status.sh): when it changes, every contestant runs the new one. */
    static String probeFrom(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return entry(zip, "cache-dir.sh") + entry(zip, "status.sh");
        }
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        var entry = zip.getEntry("dev/upkeep/remote/" + name);
        if (entry == null) {
            throw new IOException(zip.getName() + " has no dev/upkeep/remote/" + name);
        }
        return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Path workspace(TestFleet fleet, Path file, String sshConfig, List<TestServer> servers) throws IOException {
        List<Server> list = servers.stream().map(s -> FleetWorkspaces.server(fleet, s, "root", false)).toList();
        // Concurrency N, as pssh -p N and ansible -f N: every server at once.
        Settings settings = new Settings(servers.size(), fleet.knownHosts().toString(), sshConfig, 10,
                Settings.DEFAULT_WEAVE_DOWNLOAD_URL);
        Workspace ws = new Workspace(file, settings, List.of(new Application("fleet", "production", null, null, list)));
        new WorkspaceStore().save(ws);
        return file;
    }
}
