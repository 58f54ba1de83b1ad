package dev.upkeep.demo;

/**
 * One pending package update on a simulated server.
 *
 * @param from       the installed version, null for a new package (a new kernel image)
 * @param security   the candidate comes from the -security pocket
 * @param reboot     installing it asks for a reboot (kernel, libc, systemd…), as Debian's postinst scripts do
 * @param visible    in the server's current package lists; false until an apt-get update (a server with stale lists)
 */
record SimPackage(String name, String from, String to, boolean security, boolean reboot, boolean visible) {
    SimPackage seen() {
        return new SimPackage(name, from, to, security, reboot, true);
    }

    /** A kernel image package installs a kernel of this name ("5.15.0-107-generic"), else null. */
    String kernel() {
        return name.startsWith("linux-image-") && Character.isDigit(name.charAt("linux-image-".length()))
                ? name.substring("linux-image-".length()) : null;
    }
}
