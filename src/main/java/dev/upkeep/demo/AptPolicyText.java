package dev.upkeep.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code apt-cache policy} prints on a simulated server: its package sources (with the release lines that tell a
 * security pocket from the others) and, per package, the installed and candidate versions and where each comes from.
 * As on a real archive, a pocket keeps only the newest version of a package: a version that was superseded is known
 * only from dpkg's status file, so apt can no longer say it came from the security pocket.
 */
final class AptPolicyText {
    private static final String STATUS = "/var/lib/dpkg/status";

    private AptPolicyText() {
    }

    /** Where a version comes from. */
    enum Pocket { SECURITY, UPDATES, RELEASE, DOCKER }

    /** The plain {@code apt-cache policy}. */
    static List<String> sources(SimOs os) {
        List<String> out = new ArrayList<>();
        out.add("Package files:");
        out.add(" 100 " + STATUS);
        out.add("     release a=now");
        for (Pocket p : Pocket.values()) {
            out.add(" 500 " + source(os, p));
            out.add("     release " + release(os, p));
            out.add("     origin " + (p == Pocket.DOCKER ? "docker.upkeep-demo.invalid" : "mirror.upkeep-demo.invalid"));
        }
        out.add("Pinned packages:");
        return out;
    }

    /** {@code apt-cache policy NAME}: nothing when the server knows no such package (apt says so on stderr). */
    static List<String> pkg(SimHost host, String name) {
        String installed = installed(host, name);
        if (installed == null) {
            return List.of();
        }
        SimPackage pending = host.visiblePending().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        String candidate = pending != null ? pending.to() : installed;
        Pocket pocket = pending != null ? pocket(name, pending.security()) : installedPocket(host, name);
        List<String> out = new ArrayList<>();
        out.add(name + ":");
        out.add("  Installed: " + installed);
        out.add("  Candidate: " + candidate);
        out.add("  Version table:");
        out.add((candidate.equals(installed) ? " *** " : "     ") + candidate + " 500");
        for (String source : sourcesOf(host.os, pocket)) {
            out.add("        500 " + source);
        }
        if (candidate.equals(installed)) {
            out.add("        100 " + STATUS);
        } else {
            out.add(" *** " + installed + " 100");
            out.add("        100 " + STATUS);
        }
        return out;
    }

    /** The installed version: before a pending update, else what the logs last installed; null when not installed. */
    private static String installed(SimHost host, String name) {
        SimPackage pending = host.pendingOf(name);
        if (pending != null) {
            return pending.from();
        }
        if (name.startsWith("docker-ce")) {
            return host.docker() == null ? null : host.os.dockerPackage(host.docker());
        }
        AptEntry.Change last = host.patchLog().last(name);
        return last == null ? null : last.to();
    }

    private static Pocket installedPocket(SimHost host, String name) {
        AptEntry.Change last = host.patchLog().last(name);
        return pocket(name, last != null && last.security());
    }

    private static Pocket pocket(String name, boolean security) {
        if (name.startsWith("docker-ce")) {
            return Pocket.DOCKER;
        }
        return security ? Pocket.SECURITY : Pocket.UPDATES;
    }

    /** Ubuntu publishes a security update in -updates too; Debian only in its security archive. */
    private static List<String> sourcesOf(SimOs os, Pocket p) {
        if (p == Pocket.SECURITY && os.ubuntu()) {
            return List.of(source(os, Pocket.UPDATES), source(os, Pocket.SECURITY));
        }
        return List.of(source(os, p));
    }

    static String source(SimOs os, Pocket p) {
        String distro = os.distro().toLowerCase(Locale.ROOT);
        return switch (p) {
            case SECURITY -> os.ubuntu() ? os.archive() + " " + os.codename() + "-security/main amd64 Packages"
                    : SimOs.MIRROR + "/debian-security " + os.codename() + "-security/main amd64 Packages";
            case UPDATES -> os.archive() + " " + os.codename() + "-updates/main amd64 Packages";
            case RELEASE -> os.archive() + " " + os.codename() + "/main amd64 Packages";
            case DOCKER -> DockerRepo.URL + distro + " " + os.codename() + "/stable amd64 Packages";
        };
    }

    private static String release(SimOs os, Pocket p) {
        if (os.ubuntu()) {
            return switch (p) {
                case SECURITY -> "v=" + os.release() + ",o=Ubuntu,a=" + os.codename() + "-security,n=" + os.codename() + ",l=Ubuntu,c=main,b=amd64";
                case UPDATES -> "v=" + os.release() + ",o=Ubuntu,a=" + os.codename() + "-updates,n=" + os.codename() + ",l=Ubuntu,c=main,b=amd64";
                case RELEASE -> "v=" + os.release() + ",o=Ubuntu,a=" + os.codename() + ",n=" + os.codename() + ",l=Ubuntu,c=main,b=amd64";
                case DOCKER -> "o=Docker,a=" + os.codename() + ",l=Docker CE,c=stable,b=amd64";
            };
        }
        return switch (p) {
            case SECURITY -> "v=" + os.release() + ",o=Debian,a=stable-security,n=" + os.codename() + "-security,l=Debian-Security,c=main,b=amd64";
            case UPDATES -> "v=" + os.release() + "-updates,o=Debian,a=stable-updates,n=" + os.codename() + "-updates,l=Debian,c=main,b=amd64";
            case RELEASE -> "v=" + os.release() + ".5,o=Debian,a=stable,n=" + os.codename() + ",l=Debian,c=main,b=amd64";
            case DOCKER -> "o=Docker,a=" + os.codename() + ",l=Docker CE,c=stable,b=amd64";
        };
    }
}
