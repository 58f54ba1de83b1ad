package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker CE–style apt repository for the {@link TestFleet}: suite {@code bookworm}, component {@code stable},
 * Origin/Label "Docker"/"Docker CE" like download.docker.com, signed with its own key and served by its own loopback
 * HTTP server. It offers dummy {@code docker-ce} and {@code docker-ce-cli} at {@link #OLD} and {@link #NEW}, with
 * Docker's real version scheme. The stand-ins they install (test resources {@code testfleet/standins/}):
 * <ul>
 *   <li>{@code docker-ce-cli}: {@code /usr/bin/docker}, answering {@code docker --version} and
 *       {@code docker version [--format '{{.Server.Version}}']};
 *   <li>{@code docker-ce}: {@code /usr/bin/dockerd} (answers {@code --version} only) and {@code /etc/init.d/docker},
 *       the SysV script real docker-ce ships too. The fleet has no systemd, so {@code service docker restart} runs it;
 *       "start" records the installed dockerd's version as the running daemon's. Unlike the real package's
 *       maintainer scripts, installing does not restart the daemon: a test sees whether the procedure did.
 * </ul>
 * <pre>{@code
 * try (TestFleet fleet = TestFleet.start(2); DockerRepo docker = DockerRepo.start(fleet)) {
 *     docker.addTo(fleet.server(0));                 // the repo in its apt sources, and its key
 *     docker.install(fleet.server(0), DockerRepo.OLD); // docker-ce(-cli) 24.0.7 installed and "running"
 * }
 * }</pre>
 */
public final class DockerRepo implements AutoCloseable {
    /** Docker 24.0.7 and 25.0.3 as Docker's Debian 12 repository versions them. */
    public static final String OLD = version(DebianRelease.DEBIAN_12, "24.0.7");
    public static final String NEW = version(DebianRelease.DEBIAN_12, "25.0.3");
    public static final String SUITE = "bookworm";
    private static final Pattern PACKAGE_VERSION = Pattern.compile("(?:\\d+:)?(\\d+\\.\\d+\\.\\d+)(~ce)?(?:~\\d+)?-[A-Za-z0-9.+~]+");

    private final Path dir;
    private final DebianRelease os;
    private final String suite;
    private final Gpg gpg;
    private final LoopbackHttpServer http;
    private final AptRepo repo;
    private final byte[] keyring;

    private DockerRepo(Path dir, DebianRelease os) throws IOException {
        this.dir = dir;
        this.os = os;
        this.suite = os.codename();
        String layout = "linux/" + (os.isUbuntu() ? "ubuntu" : "debian");
        gpg = new Gpg(dir.resolve("gnupg"));
        http = new LoopbackHttpServer(Files.createDirectories(dir.resolve("www")));
        try {
            repo = new AptRepo(dir.resolve("www/" + layout), http.baseUrl() + "/" + layout, gpg,
                    List.of(new AptRepo.Suite(suite, "Docker", "Docker CE", suite, suite, "stable")));
            Path key = dir.resolve("docker-keyring.gpg");
            gpg.exportPublicKey(key);
            keyring = Files.readAllBytes(key);
            publish(oldVersion(), newVersion());
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /** Builds and serves the repository (a few seconds: a signing key and four packages). */
    public static DockerRepo start(TestFleet fleet) {
        return start(fleet, DebianRelease.DEBIAN_12);
    }

    /**
     * The repository as Docker serves it for this OS: {@code linux/ubuntu} or {@code linux/debian}, suite the OS's
     * codename, versions like {@code 5:25.0.3-1~ubuntu.22.04~jammy} or {@code 5:25.0.3-1~debian.13~trixie}.
     */
    public static DockerRepo start(TestFleet fleet, DebianRelease os) {
        try {
            return new DockerRepo(Files.createTempDirectory(fleet.tempDir(), "docker-repo"), os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Docker's package version of this upstream version for this OS ({@code 5:24.0.7-1~ubuntu.24.04~noble}). */
    public static String version(DebianRelease os, String upstream) {
        return "5:" + upstream + "-1~" + (os.isUbuntu() ? "ubuntu." : "debian.") + os.version() + "~" + os.codename();
    }

    /** 24.0.7, as this repository versions it. */
    public String oldVersion() {
        return version(os, "24.0.7");
    }

    /** 25.0.3, as this repository versions it. */
    public String newVersion() {
        return version(os, "25.0.3");
    }

    /** Like {@code https://download.docker.com/linux/debian}. */
    public String url() {
        return repo.url();
    }

    /** Adds docker-ce and docker-ce-cli at these package versions (e.g. an old {@code 18.03.0~ce-0~debian}). */
    public DockerRepo publish(String... packageVersions) {
        for (String version : packageVersions) {
            repo.publish(suite, dockerCe(version), dockerCeCli(version));
        }
        return this;
    }

    /** Adds docker-ce and docker-ce-cli at this package version whose docker-ce postinst takes {@code seconds}. */
    public DockerRepo publishSlow(String packageVersion, int seconds) {
        repo.publish(suite, dockerCe(packageVersion).postinst("sleep " + seconds), dockerCeCli(packageVersion));
        return this;
    }

    /**
     * Adds docker-ce and docker-ce-cli at this package version whose docker-ce postinst holds dpkg until a Docker job
     * on the server has been asked to stop (its cancel request exists), or 60 s: a cancel is then certain to come
     * while dpkg runs, however fast the server and however slow the follower.
     */
    public DockerRepo publishHeldUntilCancelled(String packageVersion) {
        repo.publish(suite, dockerCe(packageVersion).postinst(
                "for i in $(seq 1 600); do ls /var/lib/upkeep/docker-*.cancel >/dev/null 2>&1 && break; sleep 0.1; done"),
                dockerCeCli(packageVersion));
        return this;
    }

    /** As Docker's install guide does it: the repository's key in /etc/apt/keyrings and a docker.list source. */
    public void addTo(TestServer server) {
        server.writeFile("/etc/apt/keyrings/docker.gpg", keyring);
        server.writeFile("/etc/apt/sources.list.d/docker.list", ("deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.gpg] "
                + url() + " " + suite + " stable\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Installs docker-ce and docker-ce-cli at this package version with dpkg (no apt) and starts the "daemon". */
    public void install(TestServer server, String packageVersion) {
        server.install(dockerCe(packageVersion), dockerCeCli(packageVersion));
        server.run("service docker start");
    }

    /** The version {@code docker version} reports for a package version: 24.0.7, or 18.03.0-ce for 18.03.0~ce-0~debian. */
    public static String upstream(String packageVersion) {
        Matcher m = PACKAGE_VERSION.matcher(packageVersion);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Docker CE package version: " + packageVersion);
        }
        return m.group(1) + (m.group(2) == null ? "" : "-ce");
    }

    static DebPackage dockerCe(String packageVersion) {
        String upstream = upstream(packageVersion);
        return DebPackage.of("docker-ce", packageVersion)
                .file("/usr/bin/dockerd", standin("dockerd", upstream))
                .file("/etc/init.d/docker", standin("docker.init", upstream))
                .postinst("chmod 0755 /usr/bin/dockerd /etc/init.d/docker");
    }

    static DebPackage dockerCeCli(String packageVersion) {
        return DebPackage.of("docker-ce-cli", packageVersion)
                .file("/usr/bin/docker", standin("docker", upstream(packageVersion)))
                .postinst("chmod 0755 /usr/bin/docker");
    }

    private static String standin(String name, String upstream) {
        return new String(Resources.read("standins/" + name), StandardCharsets.UTF_8).replace("@UPSTREAM@", upstream);
    }

    /** Stops the HTTP server; the files go with the fleet's temp dir. */
    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
    }
}
