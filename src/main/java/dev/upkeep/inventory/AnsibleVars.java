package dev.upkeep.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which Ansible variables become which server field, which Upkeep cannot honour, and how their values read. */
final class AnsibleVars {
    // When both spellings are set, the ssh one wins, as in Ansible's ssh connection plugin (the last var it lists).
    static final List<String> HOST = List.of("ansible_ssh_host", "ansible_host");
    static final List<String> PORT = List.of("ansible_ssh_port", "ansible_port");
    static final List<String> USER = List.of("ansible_ssh_user", "ansible_user");
    static final List<String> KEY = List.of("ansible_ssh_private_key_file", "ansible_private_key_file");
    static final List<String> BECOME = List.of("ansible_become");
    /** Read to decide, not stored: fine when they say what Upkeep does anyway. */
    private static final Set<String> SECRETS = Set.of("ansible_password", "ansible_ssh_pass", "ansible_ssh_password",
            "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass", "ansible_sudo_password");
    private static final Set<String> SSH_OPTIONS = Set.of("ansible_ssh_common_args", "ansible_ssh_extra_args",
            "ansible_ssh_args", "ansible_ssh_executable", "ansible_scp_extra_args", "ansible_sftp_extra_args");
    /** Ansible's connection types that are SSH. */
    static final Set<String> SSH_CONNECTIONS = Set.of("ssh", "smart", "paramiko", "paramiko_ssh", "ansible.builtin.ssh",
            "ansible.builtin.paramiko_ssh");

    private AnsibleVars() {
    }

    static boolean mapped(String name) {
        return HOST.contains(name) || PORT.contains(name) || USER.contains(name) || KEY.contains(name) || BECOME.contains(name);
    }

    /** The value of the first of {@code names} that is set, or null. */
    static InventoryModel.Var first(Map<String, InventoryModel.Var> vars, List<String> names) {
        for (String n : names) {
            InventoryModel.Var v = vars.get(n);
            if (v != null && v.value() != null) {
                return v;
            }
        }
        return null;
    }

    /** Why a variable Upkeep does not use matters, or null when it does not change how servers are reached. */
    static String note(String name, Object value) {
        if (SECRETS.contains(name)) {
            return "not imported: Upkeep asks for passwords when it needs them and keeps them in memory only";
        }
        if (SSH_OPTIONS.contains(name)) {
            return "not used: put SSH options in ~/.ssh/config, which Upkeep reads";
        }
        if (name.equals("ansible_become_method")) {
            return "Upkeep becomes root with sudo only, not " + value;
        }
        if (name.equals("ansible_become_user")) {
            return "Upkeep's privileged commands run as root, not " + value;
        }
        if (name.startsWith("ansible_ssh_") || name.equals("ansible_connection") || name.startsWith("ansible_become")) {
            return "not used by Upkeep";
        }
        return null;
    }

    /** Whether a checked variable says what Upkeep does anyway (so it needs no mention). */
    static boolean harmless(String name, Object value) {
        String v = value == null ? "" : value.toString().strip();
        return switch (name) {
            case "ansible_connection" -> SSH_CONNECTIONS.contains(v);
            case "ansible_become_method" -> v.equals("sudo") || v.equals("ansible.builtin.sudo");
            case "ansible_become_user" -> v.equals("root");
            default -> false;
        };
    }

    /** Ansible's boolean(): yes/no, true/false, on/off, 1/0, y/n, t/f (any case); null for anything else. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long n) {
            return n == 1 ? Boolean.TRUE : n == 0 ? Boolean.FALSE : null;
        }
        if (value instanceof Double d) {
            return d == 1.0 ? Boolean.TRUE : d == 0.0 ? Boolean.FALSE : null;
        }
        if (!(value instanceof String s)) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "on", "1", "true", "t", "1.0" -> Boolean.TRUE;
            case "n", "no", "off", "0", "false", "f", "0.0", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A value Upkeep cannot take literally: a Jinja template or an encrypted one. */
    static String unusable(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        if (s.equals(YamlValues.VAULT)) {
            return "is encrypted with ansible-vault";
        }
        if (s.contains("{{") || s.contains("{%")) {
            return "is a Jinja template ('" + shorten(s) + "'), which only Ansible can evaluate";
        }
        return null;
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
