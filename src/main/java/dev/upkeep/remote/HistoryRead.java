package dev.upkeep.remote;

import dev.upkeep.history.PackageChange;
import dev.upkeep.history.PatchEvent;
import dev.upkeep.history.UpkeepRunRecord;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a server's patch history: the script ({@code history-read.sh}) and a parser fed one line at a time, so that
 * a year of logs streams through without being held whole. apt writes its history in the server's local time; the
 * server's time zone (its /etc/localtime, else its current UTC offset) turns those times into instants.
 */
public final class HistoryRead {
    private static final String SCRIPT = Scripts.load("history-read.sh");
    private static final Pattern JOB = Pattern.compile("(security|docker|weave)-(\\d{8}T\\d{6}Z-[0-9a-f]+)\\.status");
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** RECENT: apt's current and last rotated log (for the patch age); ALL: everything, for the History tab. */
    public enum Mode { RECENT, ALL }

    private HistoryRead() {
    }

    public static String script() {
        return SCRIPT;
    }

    /**
     * The command line for a read of {@code mode}, skipping rotated logs last written before {@code since} (null:
     * all); the script travels on standard input ({@link #stdin()}). With {@code sudo}, it runs under passwordless sudo
     * where that works (unattended-upgrades' and Upkeep's logs are root's), else as the login user.
     */
    public static String command(Mode mode, Instant since, boolean sudo) {
        String args = mode.name().toLowerCase(Locale.ROOT) + " " + (since == null ? 0 : Math.max(0, since.getEpochSecond()));
        return sudo ? Shell.script("if [ \"$(id -u)\" != 0 ] && sudo -n true 2>/dev/null; then exec sudo -n sh -s " + args
                + "; else exec sh -s " + args + "; fi") : "sh -s " + args;
    }

    public static byte[] stdin() {
        return SCRIPT.getBytes(StandardCharsets.UTF_8);
    }

    public static Reader reader() {
        return new Reader();
    }

    /** Takes the script's output line by line; {@link #finish} makes the result. Not thread-safe: one stream at a time. */
    public static final class Reader {
        private final Map<String, String> values = new HashMap<>();
        private final List<String> sources = new ArrayList<>();
        private final List<String> policyLines = new ArrayList<>();
        private final List<String> jobs = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<AptHistoryLog.Entry> entries = new ArrayList<>();
        private final List<UnattendedUpgradesLog.Run> runs = new ArrayList<>();
        private boolean header;
        private boolean ended;
        private String section;
        private AptHistoryLog apt;
        private UnattendedUpgradesLog uu;

        public void line(String line) {
            if (!header) {
                header = line.startsWith("@@upkeep-history ");
                return;
            }
            if (line.startsWith("|")) {
                String data = line.substring(1);
                if (apt != null) {
                    apt.line(data);
                } else if (uu != null) {
                    uu.line(data);
                }
                return;
            }
            if (line.startsWith("@@")) {
                closeFile();
                section = line.substring(2).strip();
                if (section.startsWith("file apt ")) {
                    apt = new AptHistoryLog(entries::add);
                } else if (section.startsWith("file uu ")) {
                    uu = new UnattendedUpgradesLog(runs::add);
                } else if (section.startsWith("unreadable ")) {
                    notes.add("cannot read " + section.substring("unreadable ".length())
                        + " (not root, and no passwordless sudo)");
                } else if (section.equals("end")) {
                    ended = true;
                }
                return;
            }
            if (section == null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).strip());
                }
            } else if (section.equals("sources")) {
                sources.add(line);
            } else if (section.equals("policy")) {
                policyLines.add(line);
            } else if (section.equals("upkeep-jobs")) {
                jobs.add(line);
            }
        }

        private void closeFile() {
            if (apt != null) {
                apt.finish();
            }
            if (uu != null) {
                uu.finish();
            }
            apt = null;
            uu = null;
        }

        /**
         * @param truncated the output was cut at its size limit: older logs were not read (said in the notes)
         * @throws ProbeException when the output was not the script's (no header), or stopped early without a cut
         */
        public ServerLogs finish(boolean truncated) {
            closeFile();
            if (!header) {
                throw new ProbeException("the history read printed nothing recognisable");
            }
            if (!ended && !truncated) {
                throw new ProbeException("the history read's output ended early");
            }
            ZoneId zone = zone(values.get("zone"), values.get("timezone"), values.get("offset"));
            AptPolicy policy = AptPolicy.parse(sources, policyLines);
            List<PatchEvent> aptEvents = new ArrayList<>();
            Instant oldest = null;
            for (AptHistoryLog.Entry e : entries) {
                Instant start = e.start().atZone(zone).toInstant();
                if (oldest == null || start.isBefore(oldest)) {
                    oldest = start;
                }
                boolean security = e.changes().stream().anyMatch(c -> (c.action() == PackageChange.Action.UPGRADE
                        || c.action() == PackageChange.Action.INSTALL) && policy.fromSecurity(c.name(), c.to()));
                aptEvents.add(new PatchEvent(start, e.end() == null ? null : e.end().atZone(zone).toInstant(),
                        PatchEvent.Source.APT, startedBy(e), e.commandline(), null, e.changes(), security, e.error(), null));
            }
            List<PatchEvent> uuEvents = new ArrayList<>();
            for (UnattendedUpgradesLog.Run r : runs) {
                if ("nothing to do".equals(r.result()) && r.error() == null) {
                    continue;
                }
                boolean securityOnly = !r.origins().isEmpty()
                        && r.origins().stream().allMatch(o -> o.toLowerCase(Locale.ROOT).contains("security"));
                uuEvents.add(new PatchEvent(r.start().atZone(zone).toInstant(), r.last().atZone(zone).toInstant(),
                        PatchEvent.Source.UNATTENDED_UPGRADES, "unattended-upgrades", null, null, List.of(), securityOnly,
                        r.error(), "unattended-upgrades: " + (r.packages().isEmpty() ? "no packages"
                        : String.join(" ", r.packages())) + (r.result() == null ? "" : " (" + r.result() + ")")));
            }
            List<String> allNotes = new ArrayList<>(notes);
            if (truncated) {
                allNotes.add("older logs were not read: the history is longer than Upkeep reads at once");
            }
            if (!"0".equals(values.get("uid")) && allNotes.isEmpty()) {
                allNotes.add("read as a user other than root: logs only root can read were left out");
            }
            return new ServerLogs(aptEvents, uuEvents, jobs(jobs), oldest, allNotes);
        }
    }

    /** apt's Requested-By (a person under sudo), else who the command line says. */
    private static String startedBy(AptHistoryLog.Entry e) {
        if (e.requestedBy() != null) {
            return e.requestedBy();
        }
        if (e.commandline() != null && e.commandline().contains("unattended-upgrade")) {
            return "unattended-upgrades";
        }
        return e.commandline() == null ? null : "root";
    }

    private static List<UpkeepRunRecord> jobs(List<String> lines) {
        List<UpkeepRunRecord> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            Matcher m = JOB.matcher(f[0]);
            if (!m.matches() || !f[1].matches("\\d{1,12}")) {
                continue;
            }
            Instant start;
            try {
                start = Instant.from(RUN_STAMP.parse(m.group(2).substring(0, 16)));
            } catch (DateTimeException e) {
                continue;
            }
            String kind = m.group(1);
            String code = f[2].strip();
            out.add(new UpkeepRunRecord(m.group(2), start, Instant.ofEpochSecond(Long.parseLong(f[1])),
                    kind.equals("security") ? "security upgrade" : kind.equals("docker") ? "Docker upgrade" : "Weave upgrade",
                    code.equals("0") ? "done" : code.isEmpty() ? null : "exit " + code, kind.equals("security"), null));
        }
        return out;
    }

    /** The server's zone: /etc/localtime's link target, else /etc/timezone, else its current offset, else UTC. */
    static ZoneId zone(String localtime, String timezone, String offset) {
        for (String candidate : new String[] {localtime, timezone}) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            String id = candidate.contains("zoneinfo/") ? candidate.substring(candidate.indexOf("zoneinfo/") + 9) : candidate;
            try {
                return ZoneId.of(id.strip());
            } catch (DateTimeException e) {
                // not a zone Java knows: try the next clue
            }
        }
        if (offset != null && offset.matches("[+-]\\d{4}")) {
            return ZoneOffset.of(offset.substring(0, 3) + ":" + offset.substring(3));
        }
        return ZoneOffset.UTC;
    }
}
