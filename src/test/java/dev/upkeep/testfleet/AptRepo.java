package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed apt repository served by the fleet's loopback HTTP server. Each suite has its own pool
 * ({@code pool/SUITE/}) and its own {@code dists/SUITE/} index with the Origin/Label/Suite/Codename a real
 * Debian archive gives it, so apt and unattended-upgrades treat it as they would the real one.
 * {@link #publish} adds packages at run time; servers see them after their next {@code apt-get update}.
 */
public final class AptRepo {
    /**
     * Release fields of one suite; {@code name} is the directory under {@code dists/} (what sources list).
     * {@code version} is the Release file's {@code Version:} (a Debian major version), null for none; suites made
     * without one say 12, as every suite of the fleet did before it had Debian 13 servers.
     */
    public record Suite(String name, String origin, String label, String suite, String codename, String component,
                        String version) {
        public Suite(String name, String origin, String label, String suite, String codename, String component) {
            this(name, origin, label, suite, codename, component, "12");
        }
    }

    /** Where every server has the fleet's signing key. */
    public static final String KEYRING_ON_SERVER = "/etc/apt/keyrings/upkeep-testfleet.gpg";

    private final Path dir;
    private final String url;
    private final Gpg gpg;
    private final Map<String, Suite> suites = new LinkedHashMap<>();

    AptRepo(Path dir, String url, Gpg gpg, List<Suite> suites) {
        this.dir = dir;
        this.url = url;
        this.gpg = gpg;
        suites.forEach(suite -> this.suites.put(suite.name(), suite));
        try {
            for (Suite suite : suites) {
                Files.createDirectories(dir.resolve("pool").resolve(suite.name()));
                index(suite);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Debian-like suites of the fleet's main repository: three per release (see {@link DebianRelease}). */
    static List<Suite> debianSuites(java.util.Collection<DebianRelease> releases) {
        return releases.stream().flatMap(release -> release.suites().stream()).toList();
    }

    /** Base URL for a sources entry ({@code URIs:}). */
    public String url() {
        return url;
    }

    /**
     * A deb822 sources entry for these suites, for {@code /etc/apt/sources.list.d/NAME.sources} on a server
     * (the fleet's keyring is already there), e.g. to add a second repository at run time.
     */
    public String sourcesEntry(String... suiteNames) {
        List<Suite> chosen = suiteNames.length == 0 ? List.copyOf(suites.values())
                : java.util.Arrays.stream(suiteNames).map(this::suite).toList();
        String components = String.join(" ", chosen.stream().map(Suite::component).distinct().toList());
        return "Types: deb\nURIs: " + url + "\nSuites: " + String.join(" ", chosen.stream().map(Suite::name).toList())
                + "\nComponents: " + components + "\nSigned-By: " + KEYRING_ON_SERVER + "\n";
    }

    public List<String> suiteNames() {
        return List.copyOf(suites.keySet());
    }

    /** Adds .deb files to a suite, then re-indexes and re-signs it. */
    public synchronized AptRepo publish(String suiteName, Path... debs) {
        Suite suite = suite(suiteName);
        try {
            for (Path deb : debs) {
                Files.copy(deb, dir.resolve("pool").resolve(suite.name()).resolve(deb.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            index(suite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish to " + suiteName, e);
        }
        return this;
    }

    /** Builds the package into the pool and publishes it. */
    public synchronized AptRepo publish(String suiteName, DebPackage... packages) {
        Path pool = dir.resolve("pool").resolve(suite(suiteName).name());
        for (DebPackage deb : packages) {
            deb.build(pool);
        }
        return publish(suiteName, new Path[0]);
    }

    /** Removes a package file (e.g. {@code upkeep-sec-demo_1.1_all.deb}) from a suite and re-indexes it. */
    public synchronized AptRepo unpublish(String suiteName, String debFileName) {
        Suite suite = suite(suiteName);
        try {
            Files.deleteIfExists(dir.resolve("pool").resolve(suite.name()).resolve(debFileName));
            index(suite);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private Suite suite(String name) {
        Suite suite = suites.get(name);
        if (suite == null) {
            throw new IllegalArgumentException("no suite " + name + " (have " + suites.keySet() + ")");
        }
        return suite;
    }

    private void index(Suite suite) throws IOException {
        Path dists = dir.resolve("dists").resolve(suite.name());
        Path binary = Files.createDirectories(dists.resolve(suite.component()).resolve("binary-amd64"));
        // apt-ftparchive writes Filename: relative to where it runs, which is the repository root.
        String packages = Exec.run(List.of("apt-ftparchive", "packages", "pool/" + suite.name()), dir, Map.of(), 120);
        replace(binary.resolve("Packages"), packages);
        List<String> command = new java.util.ArrayList<>(List.of("apt-ftparchive",
                "-o", "APT::FTPArchive::Release::Origin=" + suite.origin(),
                "-o", "APT::FTPArchive::Release::Label=" + suite.label(),
                "-o", "APT::FTPArchive::Release::Suite=" + suite.suite(),
                "-o", "APT::FTPArchive::Release::Codename=" + suite.codename(),
                "-o", "APT::FTPArchive::Release::Architectures=amd64 all",
                "-o", "APT::FTPArchive::Release::Components=" + suite.component()));
        if (suite.version() != null) {
            command.addAll(List.of("-o", "APT::FTPArchive::Release::Version=" + suite.version()));
        }
        command.addAll(List.of("release", "."));
        String release = Exec.run(command, dists, Map.of(), 120);
        Path staged = Files.createTempDirectory(dir, "release");
        Files.writeString(staged.resolve("Release"), release);
        gpg.signRelease(staged.resolve("Release"));
        // Signatures first, then Release: a client never sees a new Release with an old InRelease for long.
        for (String name : List.of("InRelease", "Release.gpg", "Release")) {
            Files.move(staged.resolve(name), dists.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(staged);
    }

    private static void replace(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".new", "");
        Files.writeString(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
