package dev.upkeep.inventory;

import java.util.List;

/**
 * An inventory variable that Upkeep does not honour, listed so that nothing is dropped silently.
 *
 * @param name       the variable
 * @param hosts      the imported hosts that have it
 * @param where      where it is first set ("file:line")
 * @param connection true when it changes how Ansible connects (a password, another connection type, su…), so the
 *                   imported server may need attention
 * @param note       what Upkeep does instead, or null
 */
public record UnusedVariable(String name, List<String> hosts, String where, boolean connection, String note) {
    public UnusedVariable {
        hosts = List.copyOf(hosts);
    }

    @Override
    public String toString() {
        String on = hosts.size() <= 3 ? String.join(", ", hosts) : hosts.subList(0, 3).stream().reduce((a, b) -> a + ", " + b).orElse("")
                + " and " + (hosts.size() - 3) + " more";
        return name + " (" + on + "; " + where + ")" + (note == null ? "" : ": " + note);
    }
}
