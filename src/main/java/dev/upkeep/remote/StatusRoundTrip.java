package dev.upkeep.remote;

import java.util.List;

/**
 * A status refresh's one command per server: the probe as the login user (its standard input closed), a marker line,
 * then the patch facts from standard input, under {@code sudo -n} where set up. The command's exit status is the
 * probe's; what the facts part exits with is not used (its output says what it could see).
 */
public final class StatusRoundTrip {
    /** Printed by the wrapper once the probe has finished: everything after it is the patch facts'. */
    public static final String FACTS_MARK = "@@upkeep-facts 1";

    private StatusRoundTrip() {
    }

    public static String command(ProbeCache cache, boolean sudo) {
        return Shell.script(script(cache, sudo));
    }

    /** The shell text the command runs (the benchmark runs it inside a server). */
    public static String script(ProbeCache cache, boolean sudo) {
        return StatusProbe.variables(cache) + "{\n" + StatusProbe.body()
                + "\n} </dev/null\nupkeep_probe_status=$?\necho '" + FACTS_MARK + "'\n" + PatchFacts.launcher(sudo)
                + "\nexit $upkeep_probe_status\n";
    }

    /** The patch facts' scripts; with the probe's cache mode, so that a forced recompute recomputes both. */
    public static byte[] stdin(ProbeCache cache) {
        return PatchFacts.stdin(cache);
    }

    /** The output split at the marker: the probe's lines, and the facts' (null when the marker never came). */
    public record Parts(List<String> probe, List<String> facts) {
        public static Parts of(List<String> lines) {
            int mark = lines.indexOf(FACTS_MARK);
            return mark < 0 ? new Parts(lines, null)
                    : new Parts(lines.subList(0, mark), lines.subList(mark + 1, lines.size()));
        }
    }
}
