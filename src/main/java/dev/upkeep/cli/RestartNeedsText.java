package dev.upkeep.cli;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;

import java.util.ArrayList;
import java.util.List;

/** One line per server: the services and processes still using replaced files, and the kernel, or why unknown. */
final class RestartNeedsText {
    private RestartNeedsText() {
    }

    static String line(ServerStatus s) {
        if (s == null) {
            return "no answer";
        }
        if (!s.reachable()) {
            return "no answer: " + s.error();
        }
        RestartNeeds n = s.restartNeeds();
        if (n == null) {
            return "unknown (the server did not say)";
        }
        List<String> parts = new ArrayList<>();
        if (!n.looked()) {
            parts.add(n.cannotLook());
        } else {
            List<String> services = n.services().stream()
                    .map(v -> v.refusal() == null ? v.name() : v.name() + " (" + v.refusal() + ")").toList();
            List<String> loose = n.processes().stream().filter(p -> p.unit() == null)
                    .map(p -> p.pid() + " " + p.command()).toList();
            if (!services.isEmpty()) {
                parts.add("services to restart: " + String.join(", ", services));
            }
            if (!loose.isEmpty()) {
                parts.add("processes of no service: " + String.join(", ", loose));
            }
            if (services.isEmpty() && loose.isEmpty()) {
                parts.add("none");
            }
        }
        if (n.kernel() != null && n.kernel().rebootWouldChange()) {
            parts.add("kernel " + n.kernel().running() + " running, " + n.kernel().newestInstalled() + " installed (reboot)");
        }
        return String.join("; ", parts);
    }
}
