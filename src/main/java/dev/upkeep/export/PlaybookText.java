package dev.upkeep.export;

import dev.upkeep.fleet.RebootPolicy;

import java.util.List;
import java.util.Map;

/**
 * upkeep.yml: one play per application, in the workspace's order. Only ansible.builtin modules. The security upgrade
 * is Upkeep's own job script (files/), so its origins and apt configuration are Upkeep's by construction; Docker and
 * Weave are {@link DockerTasks} and {@link WeaveTasks}, reading the application's versions from its group vars; the
 * reboot is ansible.builtin.reboot, which waits for a new boot id, then the application's health check.
 */
final class PlaybookText {
    static final String SECURITY_SCRIPT = "files/upkeep-security-upgrade.sh";

    static final String REBOOT_COMMAND = "setsid -f sh -c 'sleep 1; systemctl reboot || shutdown -r now' </dev/null >/dev/null 2>&1";

    /** Drain and undrain are the user's shell command lines, run as Upkeep runs them; the linter cannot know them. */
    private static final String ANY_COMMAND = "  # noqa: command-instead-of-shell deprecated-command-syntax";

    private PlaybookText() {
    }

    static String of(ExportOptions o, Map<ExportedApp, List<ExportedHost>> apps) throws ExportException {
        StringBuilder y = new StringBuilder("---\n# Written by `upkeep export ansible`: Upkeep's policy, one play per application.\n");
        for (Map.Entry<ExportedApp, List<ExportedHost>> e : apps.entrySet()) {
            ExportedApp app = e.getKey();
            PlayShape shape = PlayShape.of(o, e.getValue().size());
            y.append("- name: ").append(Yaml.quote("Upkeep policy for " + app.app().name())).append('\n');
            y.append("  hosts: ").append(app.group()).append('\n');
            y.append("  gather_facts: false\n");
            if (shape.serial() != null) {
                y.append("  serial: ").append(shape.serial()).append('\n');
            }
            if (shape.maxFailPercentage() != null) {
                y.append("  max_fail_percentage: ").append(shape.maxFailPercentage()).append('\n');
            }
            y.append("  tasks:\n");
            if (o.security()) {
                security(y);
            }
            // Docker before Weave (Weave's router runs on Docker), as in Upkeep's run.
            if (app.targets().dockerVersion() != null) {
                y.append(DockerTasks.of(o.lockWait()));
            }
            if (app.targets().weaveVersion() != null) {
                y.append(WeaveTasks.of());
            }
            if (o.rebootIfRequired()) {
                reboot(y, app.app().reboot());
            }
        }
        return y.toString();
    }

    private static void security(StringBuilder y) {
        y.append("""
                    - name: "Security upgrades only (Upkeep's job: waits for the dpkg lock, daily upgrades on, no automatic reboot)"
                      ansible.builtin.script: %s
                      become: true
                      register: upkeep_security
                      changed_when: upkeep_security.stdout | trim | length > 0
                """.formatted(SECURITY_SCRIPT));
    }

    private static void reboot(StringBuilder y, RebootPolicy policy) throws ExportException {
        y.append("""
                    - name: "Is a reboot required?"
                      ansible.builtin.stat:
                        path: /var/run/reboot-required
                      register: upkeep_reboot_required
                """);
        if (policy.drain() != null) {
            y.append("    - name: Drain before the reboot\n      ansible.builtin.shell: ").append(Yaml.literal(policy.drain()))
                    .append(ANY_COMMAND).append("\n      become: false\n      changed_when: true\n      when: upkeep_reboot_required.stat.exists\n");
        }
        RebootPolicy.HealthCheck check = policy.healthCheck();
        y.append("    - name: Reboot where required (verified by a new boot id")
                .append(check != null && check.command() != null ? " and the health check" : "").append(")\n");
        y.append("      ansible.builtin.reboot:\n        reboot_timeout: ").append(policy.timeoutSeconds()).append('\n');
        // As Upkeep's own reboot (reboot-issue.sh): from a detached process a second later, so the command returns
        // before the connection drops and nothing tied to the SSH session can cancel it.
        y.append("        reboot_command: ").append(Yaml.quote(REBOOT_COMMAND)).append('\n');
        if (policy.postRebootDelaySeconds() > 0) {
            y.append("        post_reboot_delay: ").append(policy.postRebootDelaySeconds()).append('\n');
        }
        if (check != null && check.command() != null) {
            y.append("        test_command: ").append(Yaml.literal(check.command())).append('\n');
        }
        y.append("      become: true\n      when: upkeep_reboot_required.stat.exists\n");
        if (check != null && check.url() != null) {
            urlCheck(y, check);
        }
        if (policy.undrain() != null) {
            y.append("    - name: Undrain after the health check\n      ansible.builtin.shell: ").append(Yaml.literal(policy.undrain()))
                    .append(ANY_COMMAND).append("\n      become: false\n      changed_when: true\n      when: upkeep_reboot_required.stat.exists\n");
        }
    }

    /** Fetched from the control node, as Upkeep fetches it from the desktop; {host} becomes the host's address. */
    private static void urlCheck(StringBuilder y, RebootPolicy.HealthCheck check) throws ExportException {
        String url = check.url();
        String rest = url.replace("{host}", "");
        if (rest.contains("{") || rest.contains("}")) {
            throw new ExportException("health check url " + url + ": only {host} may be in braces");
        }
        int retries = Math.max(1, check.timeoutSeconds() / 2);
        y.append("    - name: Health check ").append(Yaml.quote("GET " + url)).append('\n');
        y.append("      ansible.builtin.uri:\n        url: ").append(Yaml.quote(url.replace("{host}", "{{ ansible_host }}"))).append('\n');
        y.append("        status_code: ").append(check.expectStatus()).append('\n');
        y.append("      delegate_to: localhost\n      become: false\n      register: upkeep_health\n");
        y.append("      until: upkeep_health.status == ").append(check.expectStatus()).append('\n');
        y.append("      retries: ").append(retries).append("\n      delay: 2\n      when: upkeep_reboot_required.stat.exists\n");
    }
}
