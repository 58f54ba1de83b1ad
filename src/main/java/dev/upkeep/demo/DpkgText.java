package dev.upkeep.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dpkg's and apt's own wording for what the simulated servers print. */
final class DpkgText {
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "libssl3", "Secure Sockets Layer toolkit - shared libraries",
            "openssl", "Secure Sockets Layer toolkit - cryptographic utility",
            "libc6", "GNU C Library: Shared libraries",
            "curl", "command line tool for transferring data with URL syntax");

    private DpkgText() {
    }

    /** Libraries are Multi-Arch: same, so dpkg names them with their architecture. */
    static String qualified(String pkg) {
        return pkg.startsWith("lib") ? pkg + ":amd64" : pkg;
    }

    static List<String> unpack(SimPackage p) {
        List<String> lines = new ArrayList<>();
        String file = p.name() + "_" + p.to().replace(":", "%3a") + "_amd64.deb";
        if (p.from() == null) {
            lines.add("Selecting previously unselected package " + p.name() + ".");
        }
        lines.add("Preparing to unpack .../" + file + " ...");
        lines.add("Unpacking " + qualified(p.name()) + " (" + p.to() + ")" + (p.from() == null ? "" : " over (" + p.from() + ")") + " ...");
        return lines;
    }

    static String settingUp(SimPackage p) {
        return "Setting up " + qualified(p.name()) + " (" + p.to() + ") ...";
    }

    /** What a kernel image's postinst hooks print. */
    static List<String> kernelHooks(SimPackage p) {
        String k = p.kernel();
        return List.of(
                "I: /boot/vmlinuz is now a symlink to vmlinuz-" + k,
                "I: /boot/initrd.img is now a symlink to initrd.img-" + k,
                "Processing triggers for " + p.name() + " (" + p.to() + ") ...",
                "/etc/kernel/postinst.d/initramfs-tools:",
                "update-initramfs: Generating /boot/initrd.img-" + k,
                "/etc/kernel/postinst.d/zz-update-grub:",
                "Sourcing file `/etc/default/grub'",
                "Generating grub configuration file ...",
                "Found linux image: /boot/vmlinuz-" + k,
                "Found initrd image: /boot/initrd.img-" + k,
                "done");
    }

    static List<String> postinstFailed(String pkg) {
        return List.of(
                "dpkg: error processing package " + qualified(pkg) + " (--configure):",
                " installed " + qualified(pkg) + " package post-installation script subprocess returned error exit status 1");
    }

    static List<String> dependencyProblem(String pkg, String on) {
        return List.of(
                "dpkg: dependency problems prevent configuration of " + pkg + ":",
                " " + pkg + " depends on " + on + "; however:",
                "  Package " + qualified(on) + " is not configured yet.",
                "",
                "dpkg: error processing package " + qualified(pkg) + " (--configure):",
                " dependency problems - leaving unconfigured");
    }

    /** dpkg --audit for half-configured packages. */
    static List<String> audit(List<String> packages) {
        if (packages.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(
                "The following packages are only half configured, probably due to problems",
                "configuring them the first time.  The configuration should be retried using",
                "dpkg --configure <package> or the configure menu option in dselect:"));
        for (String p : packages) {
            lines.add(" " + String.format("%-20s %s", qualified(p), DESCRIPTIONS.getOrDefault(p, p)));
        }
        return lines;
    }
}
