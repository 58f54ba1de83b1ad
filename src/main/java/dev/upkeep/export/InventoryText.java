package dev.upkeep.export;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * inventory.yml: one group per application ({@code upkeep_<name>}), each server with the connection fields Upkeep
 * uses, and the same known_hosts and ssh_config Upkeep reads, with strict host key checking.
 */
final class InventoryText {
    private InventoryText() {
    }

    static String of(Workspace ws, Map<ExportedApp, List<ExportedHost>> apps) throws ExportException {
        StringBuilder y = new StringBuilder("# Written by `upkeep export ansible`. Host keys are checked against Upkeep's known_hosts.\n");
        y.append("all:\n  vars:\n    ansible_ssh_common_args: ").append(Yaml.literal(sshArgs(ws))).append('\n');
        y.append("  children:\n");
        for (Map.Entry<ExportedApp, List<ExportedHost>> e : apps.entrySet()) {
            y.append("    ").append(e.getKey().group()).append(":\n");
            groupVars(y, e.getKey().targets());
            y.append("      hosts:\n");
            for (ExportedHost h : e.getValue()) {
                Server s = h.server();
                y.append("        ").append(Yaml.quote(h.name())).append(":\n");
                y.append("          ansible_host: ").append(Yaml.literal(s.host())).append('\n');
                if (s.port() != null) {
                    y.append("          ansible_port: ").append(s.port()).append('\n');
                }
                if (s.user() != null) {
                    y.append("          ansible_user: ").append(Yaml.literal(s.user())).append('\n');
                }
                if (s.identityFile() != null) {
                    y.append("          ansible_ssh_private_key_file: ").append(Yaml.literal(ws.resolve(s.identityFile()).toString())).append('\n');
                }
                if (s.sudo()) {
                    y.append("          ansible_become: true\n");
                }
            }
        }
        return y.toString();
    }

    /** The application's Docker/Weave targets, read by the playbook's tasks (plain values, kept !unsafe anyway). */
    private static void groupVars(StringBuilder y, AppTargets t) {
        if (t.dockerVersion() == null && t.weaveVersion() == null) {
            return;
        }
        y.append("      vars:\n");
        if (t.dockerVersion() != null) {
            y.append("        upkeep_docker_version: ").append(Yaml.literal(t.dockerVersion())).append('\n');
            y.append("        upkeep_docker_package_pattern: ").append(Yaml.literal(AppTargets.packagePattern(t.dockerVersion()))).append('\n');
        }
        if (t.weaveVersion() != null) {
            y.append("        upkeep_weave_version: ").append(Yaml.literal(t.weaveVersion())).append('\n');
            y.append("        upkeep_weave_url: ").append(Yaml.literal(t.weaveUrl())).append('\n');
            y.append("        upkeep_weave_sha256: ").append(Yaml.literal(t.weaveSha256())).append('\n');
        }
    }

    /** Ansible splits these with shlex: each path is single-quoted, so one with a quote in it is refused. */
    private static String sshArgs(Workspace ws) throws ExportException {
        StringBuilder a = new StringBuilder("-o StrictHostKeyChecking=yes -o UserKnownHostsFile=")
                .append(shellQuote(ws.resolve(ws.settings().knownHosts()).toString(), "known_hosts"));
        String config = ws.settings().sshConfig();
        if (config != null && !config.equals(Settings.DEFAULTS.sshConfig())) {
            // Upkeep reads a missing ssh_config as empty; ssh -F would refuse it, /dev/null means the same.
            Path p = ws.resolve(config);
            a.append(" -F ").append(Files.isRegularFile(p) ? shellQuote(p.toString(), "ssh_config") : "/dev/null");
        }
        return a.toString();
    }

    private static String shellQuote(String path, String what) throws ExportException {
        if (path.contains("'")) {
            throw new ExportException("the " + what + " path " + path + " contains a quote; Ansible cannot pass it to ssh");
        }
        return "'" + path + "'";
    }
}
