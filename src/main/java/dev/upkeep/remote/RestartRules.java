package dev.upkeep.remote;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which services Upkeep never restarts, and why. sshd carries every SSH session, Upkeep's among them; the unit that
 * holds Upkeep's own session would cut the connection doing the restart; the rest (the list needrestart leaves
 * unticked by default) cut sessions, networking or containers when restarted, so a person does it at a chosen time,
 * or a reboot does.
 */
public final class RestartRules {
    private static final Pattern SSH = Pattern.compile("(ssh|sshd|openssh-server)(\\.service)?");
    private static final List<Pattern> BY_HAND = List.of(
            Pattern.compile("dbus.*"), Pattern.compile("systemd-logind.*"), Pattern.compile("elogind.*"),
            Pattern.compile("getty@.+\\.service"), Pattern.compile("serial-getty@.+\\.service"),
            Pattern.compile("user@\\d+\\.service"), Pattern.compile("(gdm|greetd|kdm|nodm|sddm|wdm|xdm|lightdm|slim|lxdm|xrdp).*"),
            Pattern.compile("(network|NetworkManager|ModemManager|wpa_supplicant|ifup|openvpn|bird|frr|quagga|tinc).*"),
            Pattern.compile("(open|free|libre|strong)swan.*"), Pattern.compile("(docker|containerd|lxc|lxcfs|libvirt|virtlogd|virtlockd|xendomains|systemd-nspawn).*"),
            Pattern.compile("(emergency|rescue|rc-local|apt-daily|apt-daily-upgrade|unattended-upgrades)\\.service"),
            Pattern.compile("systemd-manager|sysv-init|init\\.scope"));
    static final String NEVER_SSH = "never restarted by Upkeep: it carries the SSH sessions, Upkeep's too";
    static final String OWN_SESSION = "never restarted by Upkeep: it holds Upkeep's own session";
    static final String BY_HAND_REASON = "restart it by hand at a good time (or reboot): restarting it cuts sessions,"
            + " networking or containers";

    private RestartRules() {
    }

    /** Why this service is never restarted by Upkeep, or null when it may be. */
    public static String refusal(String name, Set<String> ownUnits) {
        if (SSH.matcher(name).matches()) {
            return NEVER_SSH;
        }
        if (ownUnits.contains(name)) {
            return OWN_SESSION;
        }
        for (Pattern p : BY_HAND) {
            if (p.matcher(name).matches()) {
                return BY_HAND_REASON;
            }
        }
        return null;
    }

    /** True for a name Upkeep could pass to systemctl or to an init script: plain unit-name characters only. */
    public static boolean isServiceName(String name) {
        return name != null && name.length() <= 200 && name.matches("[A-Za-z0-9][A-Za-z0-9:_.@\\\\-]*");
    }
}
