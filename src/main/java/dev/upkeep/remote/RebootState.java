package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandOutput;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reboot decision and its verification need from a server, read in one unprivileged round trip.
 *
 * @param pending true while a reboot asked for by Upkeep has not happened yet (its marker in /run is still there)
 * @param failure why the detached reboot command failed, or null
 */
public record RebootState(String bootId, boolean rebootRequired, List<String> packages, boolean pending, String failure) {
    static final String SCRIPT = Scripts.load("reboot-state.sh");
    static final String ISSUE_SCRIPT = Scripts.load("reboot-issue.sh");

    public RebootState {
        packages = List.copyOf(packages);
    }

    public static RebootState read(SshConnection connection, Cancellation cancel) throws SshException {
        CommandOutput out = connection.run("sh -s", SCRIPT.getBytes(StandardCharsets.UTF_8), cancel);
        return parse(out.stdout());
    }

    /** Parses the state script's output; output without its header (a banner, a broken shell) is refused. */
    public static RebootState parse(String output) {
        String bootId = null;
        boolean required = false;
        boolean pending = false;
        boolean header = false;
        String section = null;
        List<String> packages = new ArrayList<>();
        List<String> failure = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("@@upkeep-reboot-state ")) {
                header = true;
            } else if (line.startsWith("@@")) {
                section = line.substring(2).strip();
            } else if (!header) {
                continue;
            } else if (section == null) {
                if (line.startsWith("boot_id=")) {
                    bootId = line.substring(8).strip();
                }
                if (line.equals("reboot_required=yes")) {
                    required = true;
                }
                if (line.equals("pending=yes")) {
                    pending = true;
                }
            } else if (section.equals("reboot_pkgs") && !line.isBlank() && !packages.contains(line.strip())) {
                packages.add(line.strip());
            } else if (section.equals("failed") && !line.isBlank()) {
                failure.add(line.strip());
            }
        }
        if (!header || bootId == null || bootId.isEmpty()) {
            throw new ProbeException("the reboot state script printed nothing recognisable (no boot id)");
        }
        return new RebootState(bootId, required, packages, pending, failure.isEmpty() ? null : String.join("; ", failure));
    }

    /** "linux-image-…, libc6" or a note that the server listed none. */
    public String packageList() {
        return packages.isEmpty() ? "no packages listed in /var/run/reboot-required.pkgs" : String.join(", ", packages);
    }
}
