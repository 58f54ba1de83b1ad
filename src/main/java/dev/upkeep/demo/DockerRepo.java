package dev.upkeep.demo;

import java.util.List;
import java.util.Locale;

/** The Docker releases the demo's (simulated) Docker apt repository offers, newest first. */
final class DockerRepo {
    static final List<String> RELEASES = List.of("25.0.5", "24.0.9", "24.0.7", "23.0.6", "20.10.24");
    static final String URL = "https://docker.upkeep-demo.invalid/linux/";

    private DockerRepo() {
    }

    /** apt-cache madison docker-ce on a server of this system. */
    static List<String> madison(SimOs os) {
        String source = URL + os.distro().toLowerCase(Locale.ROOT) + " " + os.codename() + "/stable amd64 Packages";
        return RELEASES.stream().map(r -> "  docker-ce | " + os.dockerPackage(r) + " | " + source).toList();
    }

    /** The release a docker-ce package version is, if the repository has it. */
    static String releaseOf(SimOs os, String packageVersion) {
        return RELEASES.stream().filter(r -> os.dockerPackage(r).equals(packageVersion)).findFirst().orElse(null);
    }

    /** Compares "20.10.24" and "24.0.7" by their numbers. */
    static int compare(String a, String b) {
        return VersionOrder.compare(a, b);
    }
}
