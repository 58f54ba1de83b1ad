package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A small dummy Debian package, built with {@code dpkg-deb}. Each installs
 * {@code /usr/share/upkeep-demo/NAME.version} holding its version, so a test can see what is installed without dpkg.
 * <pre>{@code
 * Path deb = DebPackage.of("upkeep-sec-demo", "1.2").rebootRequired().build(dir);
 * fleet.repo().publish("bookworm-security", deb);
 * }</pre>
 */
public final class DebPackage {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern VERSION = Pattern.compile("[0-9][A-Za-z0-9.+~:-]*");

    private final String name;
    private final String version;
    private String depends = "";
    private String postinst = "";
    private String phased = "";
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, byte[]> binaries = new LinkedHashMap<>();
    private final java.util.Set<String> executables = new java.util.HashSet<>();
    private String source = "";

    private DebPackage(String name, String version) {
        if (!NAME.matcher(name).matches() || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a Debian package name/version: " + name + " " + version);
        }
        this.name = name;
        this.version = version;
        files.put("/usr/share/upkeep-demo/" + name + ".version", version + "\n");
    }

    public static DebPackage of(String name, String version) {
        return new DebPackage(name, version);
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** A Depends: field, e.g. {@code "upkeep-other-demo (>= 1.0)"}. */
    public DebPackage depends(String depends) {
        this.depends = Objects.requireNonNull(depends);
        return this;
    }

    /** Shell lines run by the postinst on {@code configure}. */
    public DebPackage postinst(String shellLines) {
        this.postinst = this.postinst + shellLines + "\n";
        return this;
    }

    /** Like Ubuntu's update-notifier hook: installing this package asks for a reboot and names itself. */
    public DebPackage rebootRequired() {
        // Ubuntu's packages call update-notifier's hook (Ubuntu-flavoured servers have it); Debian has none.
        return postinst("if [ -x /usr/share/update-notifier/notify-reboot-required ]; then\n"
                + "/usr/share/update-notifier/notify-reboot-required\nelse\n"
                + "echo '*** System restart required ***' > /var/run/reboot-required\n"
                + "grep -qsx '" + name + "' /var/run/reboot-required.pkgs || echo '" + name
                + "' >> /var/run/reboot-required.pkgs\nfi");
    }

    /** Ubuntu's phasing field (0–100): apt defers the upgrade on machines outside that share of machine ids. */
    public DebPackage phased(int percentage) {
        if (percentage < 0 || percentage > 100) {
            throw new IllegalArgumentException("a percentage, not " + percentage);
        }
        this.phased = "Phased-Update-Percentage: " + percentage + "\n";
        return this;
    }

    /** An extra file with this content (absolute path on the server). */
    public DebPackage file(String absolutePath, String content) {
        if (!absolutePath.startsWith("/") || absolutePath.contains("..")) {
            throw new IllegalArgumentException("need an absolute path: " + absolutePath);
        }
        files.put(absolutePath, content);
        return this;
    }

    /**
     * A file of any bytes (a shared object, a program), optionally executable. Files dpkg replaces on an upgrade are
     * unpacked beside the old one and renamed over it: a process that maps the old one then shows it "(deleted)".
     */
    public DebPackage binaryFile(String absolutePath, byte[] content, boolean executable) {
        if (!absolutePath.startsWith("/") || absolutePath.contains("..")) {
            throw new IllegalArgumentException("need an absolute path: " + absolutePath);
        }
        binaries.put(absolutePath, content.clone());
        if (executable) {
            executables.add(absolutePath);
        }
        return this;
    }

    /** A Source: field ({@code "openssl"}, or {@code "openssl (3.0.11-1)"} for a binary-only rebuild's version). */
    public DebPackage source(String sourceField) {
        if (!sourceField.matches("[a-z0-9][a-z0-9+.-]+( \\([0-9][A-Za-z0-9.+~:-]*\\))?")) {
            throw new IllegalArgumentException("not a Source: field: " + sourceField);
        }
        this.source = sourceField;
        return this;
    }

    /** The file name dpkg-deb would give it. */
    public String fileName() {
        return name + "_" + version.replace(':', '%') + "_all.deb";
    }

    /** Everything that decides the package's content; part of the rootfs cache key for preinstalled packages. */
    String recipe() {
        return name + "|" + version + "|" + depends + "|" + postinst + "|" + files
                + (binaries.isEmpty() && source.isEmpty() ? "" : "|" + source + "|" + binaries.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.util.Arrays.hashCode(e.getValue()) + (executables.contains(e.getKey()) ? "x" : ""))
                .toList())
                + (phased.isEmpty() ? "" : "|" + phased);
    }

    /** Builds the .deb into {@code dir} and returns its path. */
    public Path build(Path dir) {
        try {
            Path tree = Files.createTempDirectory(dir, name + "-tree");
            Path control = Files.createDirectories(tree.resolve("DEBIAN"));
            Files.writeString(control.resolve("control"), controlText());
            if (!postinst.isEmpty()) {
                Path script = control.resolve("postinst");
                Files.writeString(script, "#!/bin/sh\nset -e\nif [ \"$1\" = configure ]; then\n" + postinst + "fi\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            for (var file : files.entrySet()) {
                Path target = tree.resolve(file.getKey().substring(1));
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            for (var file : binaries.entrySet()) {
                Path target = tree.resolve(file.getKey().substring(1));
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                        executables.contains(file.getKey()) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            Path deb = dir.resolve(fileName());
            Exec.run(List.of("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(), deb.toString()),
                    null, Map.of("SOURCE_DATE_EPOCH", "1700000000"), 60);
            Exec.run("rm", "-rf", "--one-file-system", tree.toString());
            return deb;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + fileName(), e);
        }
    }

    private String controlText() {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nSection: misc\nPriority: optional\n"
                + "Maintainer: Upkeep tests <tests@upkeep.invalid>\n"
                + (source.isEmpty() ? "" : "Source: " + source + "\n")
                + (depends.isEmpty() ? "" : "Depends: " + depends + "\n") + phased
                + "Description: Upkeep test fleet dummy package\n Installs a version file and nothing else.\n";
    }
}
