package dev.upkeep.demo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * history-read.sh: the server's patch history (remote.HistoryRead). "recent" reads apt's current and last rotated
 * history log (for the last security upgrade); "all" every rotated log, unattended-upgrades' log and Upkeep's job
 * records (the History tab). Rotated logs last written before the "since" argument are not read, as by the script.
 */
final class HistoryReadAnswer implements Answer {
    private static final Pattern ARGS = Pattern.compile("sh -s (recent|all) (\\d{1,12})");
    static final String APT_LOG = "/var/log/apt/history.log";
    static final String UU_LOG = "/var/log/unattended-upgrades/unattended-upgrades.log";

    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("history-read.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        Matcher m = ARGS.matcher(script.command());
        boolean found = m.find();
        boolean all = found && m.group(1).equals("all");
        long since = found ? Long.parseLong(m.group(2)) : 0;
        for (String line : lines(s.host(), all, since, Instant.now())) {
            s.terminal().out(line);
        }
        return 0;
    }

    /** What the script prints on this server at {@code now}. */
    static List<String> lines(SimHost h, boolean all, long since, Instant now) {
        List<String> out = new ArrayList<>();
        out.add("@@upkeep-history 1");
        out.add("uid=0");
        out.add("now=" + now.getEpochSecond());
        out.add("offset=+0000");
        out.add("zone=/usr/share/zoneinfo/Etc/UTC");
        out.add("timezone=Etc/UTC");
        List<HistoryText.LogFile> apt = wanted(HistoryText.rotations(APT_LOG, h.patchLog().apt(), AptEntry::start,
                AptEntry::end, HistoryText::apt, now), all, since);
        out.add("@@sources");
        out.addAll(AptPolicyText.sources(h.os));
        out.add("@@policy");
        TreeSet<String> named = new TreeSet<>();
        for (HistoryText.LogFile f : apt) {
            named.addAll(packagesNamed(f.lines()));
        }
        for (String pkg : named) {
            out.addAll(AptPolicyText.pkg(h, pkg));
        }
        if (all) {
            out.add("@@upkeep-jobs");
            for (SimJob job : h.jobs().all()) {
                if (job.exitStatus() != null) {
                    out.add(job.name() + ".status\t" + job.endedAt().getEpochSecond() + "\t" + job.exitStatus());
                }
            }
        }
        for (HistoryText.LogFile f : apt) {
            out.add("@@file apt " + f.path());
            f.lines().forEach(l -> out.add("|" + l));
        }
        if (all) {
            List<HistoryText.LogFile> uu = wanted(HistoryText.rotations(UU_LOG, h.patchLog().unattended(),
                    UnattendedRun::start, UnattendedRun::end, HistoryText::unattended, now), true, since);
            for (HistoryText.LogFile f : uu) {
                out.add("@@file uu " + f.path());
                f.lines().forEach(l -> out.add("|" + l));
            }
        }
        out.add("@@end");
        return out;
    }

    /** The script's upkeep_wanted: in "recent" mode the current and first rotated file; older than since: stop. */
    private static List<HistoryText.LogFile> wanted(List<HistoryText.LogFile> files, boolean all, long since) {
        List<HistoryText.LogFile> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            HistoryText.LogFile f = files.get(i);
            if (!all && i > 1) {
                break;
            }
            if (i > 0 && since > 0 && f.modified().getEpochSecond() < since) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    /** The package names on the Install/Upgrade lines: the ones the script asks apt-cache policy about. */
    private static List<String> packagesNamed(List<String> lines) {
        List<String> names = new ArrayList<>();
        Pattern pkg = Pattern.compile("([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)? \\(");
        for (String line : lines) {
            if (line.startsWith("Install: ") || line.startsWith("Upgrade: ")) {
                Matcher m = pkg.matcher(line);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
