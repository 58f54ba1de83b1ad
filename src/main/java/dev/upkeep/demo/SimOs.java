package dev.upkeep.demo;
import java.util.Locale;

/** What differs between a simulated Ubuntu and Debian server: names, origins and apt's wording. */
record SimOs(String prettyName, String codename, String distro, String release, String archive) {
    /** A mirror name that can never resolve: the demo never downloads anything. */
    static final String MIRROR = "http://mirror.upkeep-demo.invalid";

    static SimOs ubuntu2204() {
        return new SimOs("Ubuntu 22.04.4 LTS", "jammy", "Ubuntu", "22.04", MIRROR + "/ubuntu");
    }

    static SimOs debian12() {
        return new SimOs("Debian GNU/Linux 12 (bookworm)", "bookworm", "Debian", "12", MIRROR + "/debian");
    }

    boolean ubuntu() {
        return distro.equals("Ubuntu");
    }

    /** The origins part of an "Inst" line of apt-get -s upgrade. */
    String origins(boolean security) {
        if (ubuntu()) {
            return security ? "Ubuntu:" + release + "/" + codename + "-updates, Ubuntu:" + release + "/" + codename + "-security"
                    : "Ubuntu:" + release + "/" + codename + "-updates";
        }
        return security ? "Debian-Security:" + release + "/stable-security" : "Debian:" + release + ".5/stable";
    }

    /** What unattended-upgrade -v prints as its allowed origins for a security-only run. */
    String allowedOrigins() {
        return ubuntu() ? "origin=Ubuntu,archive=" + codename + "-security, origin=UbuntuESMApps,archive=" + codename
                + "-apps-security, origin=UbuntuESM,archive=" + codename + "-infra-security"
                : "origin=Debian,codename=" + codename + "-security,label=Debian-Security, origin=Debian,codename="
                + codename + ",label=Debian-Security";
    }

    /** apt-get update's lines, as the server's sources would print them. */
    String[] updateLines() {
        String security = ubuntu() ? archive + " " + codename + "-security" : MIRROR + "/debian-security " + codename + "-security";
        return new String[]{
            "Hit:1 " + archive + " " + codename + " InRelease",
            "Get:2 " + archive + " " + codename + "-updates InRelease [128 kB]",
            "Get:3 " + security + " InRelease [129 kB]",
            "Get:4 " + security + "/main amd64 Packages [1,402 kB]",
            "Fetched 1,659 kB in 1s (1,870 kB/s)",
            "Reading package lists..."
        };
    }

    /** docker-ce's package version of a Docker release in Docker's apt repository for this system. */
    String dockerPackage(String docker) {
        if (docker.startsWith("20.")) {
            return "5:" + docker + "~3-0~" + distro.toLowerCase(Locale.ROOT) + "-" + codename;
        }
        return "5:" + docker + "-1~" + distro.toLowerCase(Locale.ROOT) + "." + release + "~" + codename;
    }
}
