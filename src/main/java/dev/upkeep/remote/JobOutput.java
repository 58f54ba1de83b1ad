package dev.upkeep.remote;

import dev.upkeep.ssh.OutputListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a detached job's scripts as they stream: the job's "@@upkeep key value" markers are kept for its parser,
 * "@@upkeep-follow"/"@@upkeep-job" lines say where following stands, every other line goes to the live log. Counts
 * the job's log lines seen, so a follow after a reconnect resumes where the last one stopped and no line comes twice.
 */
final class JobOutput implements OutputListener {
    private static final String MARKER = "@@upkeep ";
    private final ProcedureContext ctx;
    private final boolean following;
    private final List<Map.Entry<String, String>> markers;
    private long linesSeen;
    private Integer exitStatus;
    private boolean lost;
    private boolean attached;

    JobOutput(ProcedureContext ctx, boolean following, long linesSeen, List<Map.Entry<String, String>> markers) {
        this.ctx = ctx;
        this.following = following;
        this.linesSeen = linesSeen;
        this.markers = markers;
    }

    @Override
    public synchronized void onLine(Stream stream, String line) {
        if (line.startsWith("@@upkeep-follow ")) {
            String rest = line.substring("@@upkeep-follow ".length()).strip();
            if (rest.startsWith("exit ")) {
                exitStatus = parse(rest.substring(5));
            } else if (rest.equals("lost") || rest.startsWith("missing")) {
                lost = true;
            }
            return;
        }
        if (line.startsWith("@@upkeep-job ")) {
            attached = true;
            return;
        }
        if (following && stream == Stream.STDOUT) {
            linesSeen++;
        }
        if (line.startsWith(MARKER)) {
            String rest = line.substring(MARKER.length());
            int space = rest.indexOf(' ');
            synchronized (markers) {
                markers.add(Map.entry(space < 0 ? rest : rest.substring(0, space), space < 0 ? "" : rest.substring(space + 1).strip()));
            }
            return;
        }
        ctx.line(stream, line);
    }

    private static Integer parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    synchronized long linesSeen() {
        return linesSeen;
    }

    synchronized Integer exitStatus() {
        return exitStatus;
    }

    synchronized boolean lost() {
        return lost;
    }

    synchronized boolean attached() {
        return attached;
    }

    static List<Map.Entry<String, String>> newMarkers() {
        return new ArrayList<>();
    }
}
