package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker CE package versions as {@code apt-cache madison docker-ce} lists them, and the Docker version each one is.
 * Docker's apt versions: {@code 5:24.0.7-1~debian.12~bookworm} is 24.0.7, {@code 5:18.09.0~3-0~debian-stretch}
 * is 18.09.0, {@code 18.03.0~ce-0~debian} and {@code 18.06.3~ce~3-0~debian} are 18.03.0-ce and 18.06.3-ce.
 * Pre-releases ({@code 5:24.0.0~rc.1-1~…}) are no release's version.
 */
public final class DockerCandidates {
    // epoch, X.Y.Z, optional "~ce", optional "~N" build, then the Debian revision (which may itself hold '-').
    private static final Pattern VERSION =
            Pattern.compile("(?:[0-9]+:)?([0-9]+\\.[0-9]+\\.[0-9]+)(~ce)?(?:~[0-9]+)?-[A-Za-z0-9.+~-]+");
    // " docker-ce | 5:25.0.3-1~debian.12~bookworm | https://download.docker.com/linux/debian bookworm/stable amd64 …"
    private static final Pattern MADISON = Pattern.compile("\\s*docker-ce\\s*\\|\\s*(\\S+)\\s*\\|.*");

    private DockerCandidates() {
    }

    /** The package versions in madison's order (newest first), each once. */
    public static List<String> parse(List<String> madisonLines) {
        List<String> versions = new ArrayList<>();
        for (String line : madisonLines) {
            Matcher m = MADISON.matcher(line);
            if (m.matches() && !versions.contains(m.group(1))) {
                versions.add(m.group(1));
            }
        }
        return List.copyOf(versions);
    }

    /** The Docker version ({@code docker version}'s words) of a package version, if it is a release. */
    public static Optional<String> dockerVersionOf(String packageVersion) {
        Matcher m = VERSION.matcher(packageVersion);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + (m.group(2) == null ? "" : "-ce"));
    }

    /** The newest offered package version that is {@code dockerVersion} (24.0.7 or 18.03.0-ce), if any. */
    public static Optional<String> match(List<String> packageVersions, String dockerVersion) {
        return packageVersions.stream()
                .filter(v -> dockerVersionOf(v).filter(dockerVersion::equals).isPresent())
                .findFirst();
    }

    /** The offered releases as Docker versions, for messages ("25.0.3, 24.0.7"). */
    public static List<String> releases(List<String> packageVersions) {
        return packageVersions.stream().map(DockerCandidates::dockerVersionOf).flatMap(Optional::stream)
                .distinct().toList();
    }
}
