package dev.upkeep.remote;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.RestartNeeds.Kernel;
import dev.upkeep.fleet.RestartNeeds.Service;
import dev.upkeep.fleet.RestartNeeds.StaleProcess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patched but not yet protected: the restart check's script and the parser of what it prints. Services come from
 * {@code needrestart -b} where it is installed (its NEEDRESTART-SVC lines), otherwise from Upkeep's scan of
 * /proc/PID/maps; processes and the files they hold come from the scan either way. Only root sees every process: run
 * as anyone else, the answer is "cannot look".
 */
public final class RestartCheck {
    private static final String SCRIPT = Scripts.load("restart-check.sh");
    private static final Pattern DEBIAN_BUILD = Pattern.compile(" Debian (\\S+) \\(");
    /** Files that are not code: shared memory, anonymous files, IPC. */
    private static final Pattern NOT_CODE = Pattern.compile("^/(dev|memfd:|SYSV|proc|sys|run/user|tmp|var/tmp)(/|$).*");
    private static final Pattern SHARED_OBJECT = Pattern.compile(".*\\.so([.-].*)?");

    private RestartCheck() {
    }

    public static String script() {
        return SCRIPT;
    }

    /** @param sudoNote why the check did not run as root, when it could not (null when it did or when unknown) */
    public static RestartNeeds parse(List<String> lines, String sudoNote) {
        Sections s = Sections.of("upkeep-restart", lines);
        if (!s.header) {
            throw new ProbeException("the restart check printed nothing recognisable");
        }
        if (!s.has("end")) {
            throw new ProbeException("the restart check's output ended early");
        }
        Kernel kernel = kernel(s.lines("kernel"), s.lines("needrestart"));
        if (!"0".equals(s.value("uid"))) {
            return RestartNeeds.cannotLook(sudoNote != null ? sudoNote
                    : "cannot look without sudo: only root sees which processes use replaced libraries", kernel);
        }
        boolean systemd = "1".equals(s.value("systemd"));
        Set<String> own = ownUnits(s.lines("ancestors"), systemd, pidfiles(s.lines("pidfiles")));
        Map<Integer, List<String>> files = files(s.lines("deleted"), s.lines("exe"));
        Map<Integer, String> initScripts = pidfiles(s.lines("pidfiles"));
        List<StaleProcess> processes = new ArrayList<>();
        Map<String, List<Integer>> byService = new TreeMap<>();
        for (String line : s.lines("processes")) {
            String[] f = line.split("\t", 5);
            if (f.length < 5 || !f[0].matches("\\d{1,9}")) {
                continue;
            }
            int pid = Integer.parseInt(f[0]);
            List<String> held = files.get(pid);
            if (held == null || held.isEmpty()) {
                continue;
            }
            // without systemd, a daemon's workers belong to the init script of the parent the pid file names
            String unit = systemd ? unitOf(f[3]) : initScripts.getOrDefault(pid,
                    f[1].matches("\\d{1,9}") ? initScripts.get(Integer.parseInt(f[1])) : null);
            processes.add(new StaleProcess(pid, f[4], unit != null ? unit : sessionOf(f[3]), held));
            if (unit != null && RestartRules.isServiceName(unit)) {
                byService.computeIfAbsent(unit, k -> new ArrayList<>()).add(pid);
            }
        }
        List<String> needrestart = s.lines("needrestart");
        if (s.has("needrestart")) {
            List<Service> services = new ArrayList<>();
            for (String line : needrestart) {
                if (!line.startsWith("NEEDRESTART-SVC:")) {
                    continue;
                }
                String name = line.substring("NEEDRESTART-SVC:".length()).strip();
                if (!RestartRules.isServiceName(name)) {
                    continue;
                }
                services.add(new Service(name, name.endsWith(".service") || systemd,
                        byService.getOrDefault(name, List.of()), RestartRules.refusal(name, own)));
            }
            return new RestartNeeds("needrestart", null, services, processes, kernel);
        }
        List<Service> services = new ArrayList<>();
        byService.forEach((name, pids) -> services.add(new Service(name, systemd, pids, RestartRules.refusal(name, own))));
        return new RestartNeeds("scan", null, services, processes, kernel);
    }

    /** The units (or init scripts) that hold this shell or any of its parents: Upkeep's own session. */
    private static Set<String> ownUnits(List<String> ancestors, boolean systemd, Map<Integer, String> initScripts) {
        Set<String> own = new HashSet<>();
        for (String line : ancestors) {
            String[] f = line.split("\t", 2);
            if (f.length < 2) {
                continue;
            }
            String unit = systemd ? unitOf(f[1]) : f[0].matches("\\d{1,9}") ? initScripts.get(Integer.parseInt(f[0])) : null;
            if (unit != null) {
                own.add(unit);
            }
        }
        return own;
    }

    /** The systemd service of a cgroup path ({@code /system.slice/nginx.service}); null for sessions, scopes, user units. */
    static String unitOf(String cgroup) {
        if (cgroup == null || cgroup.contains("/user@")) {
            return null;
        }
        String[] parts = cgroup.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].endsWith(".service")) {
                return parts[i];
            }
        }
        return null;
    }

    /** For processes outside a service: "session-3.scope", "user@1000.service", "docker-….scope", or null. */
    private static String sessionOf(String cgroup) {
        if (cgroup == null || cgroup.equals("-") || cgroup.equals("/")) {
            return null;
        }
        String last = cgroup.substring(cgroup.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : last;
    }

    private static Map<Integer, List<String>> files(List<String> deleted, List<String> exe) {
        Map<Integer, List<String>> files = new LinkedHashMap<>();
        for (String line : deleted) {
            String[] f = line.split("\t", 2);
            if (f.length < 2 || !f[0].matches("\\d{1,9}")) {
                continue;
            }
            String path = f[1];
            if (NOT_CODE.matcher(path).matches() || !SHARED_OBJECT.matcher(path.substring(path.lastIndexOf('/') + 1)).matches()) {
                continue;
            }
            add(files, Integer.parseInt(f[0]), path);
        }
        for (String line : exe) {
            String[] f = line.split("\t", 2);
            if (f.length < 2 || !f[0].matches("/proc/\\d{1,9}")) {
                continue;
            }
            String path = f[1].endsWith(" (deleted)") ? f[1].substring(0, f[1].length() - " (deleted)".length()) : f[1];
            if (!path.startsWith("/") || NOT_CODE.matcher(path).matches()) {
                continue;
            }
            add(files, Integer.parseInt(f[0].substring("/proc/".length())), path);
        }
        return files;
    }

    private static void add(Map<Integer, List<String>> files, int pid, String path) {
        List<String> list = files.computeIfAbsent(pid, k -> new ArrayList<>());
        if (!list.contains(path)) {
            list.add(path);
        }
    }

    private static Map<Integer, String> pidfiles(List<String> lines) {
        Map<Integer, String> scripts = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", 2);
            if (f.length == 2 && f[0].matches("\\d{1,9}") && RestartRules.isServiceName(f[1])) {
                scripts.putIfAbsent(Integer.parseInt(f[0]), f[1]);
            }
        }
        return scripts;
    }

    /** needrestart's KSTA where it ran; else the newest installed linux-image package against {@code uname -r}. */
    static Kernel kernel(List<String> lines, List<String> needrestart) {
        String running = null;
        String version = null;
        String newest = null;
        DebianVersion newestVersion = null;
        Map<String, String> installed = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length >= 2 && f[0].equals("running")) {
                running = blankToNull(f[1]);
            } else if (f.length >= 2 && f[0].equals("version")) {
                version = f[1];
            } else if (f.length >= 4 && f[0].equals("image") && f[3].strip().startsWith("ii")
                    && f[1].startsWith("linux-image-") && DebianVersion.isValid(f[2])) {
                String release = f[1].substring("linux-image-".length());
                installed.put(release, f[2]);
                DebianVersion v = DebianVersion.parse(f[2]);
                if (newestVersion == null || v.compareTo(newestVersion) > 0) {
                    newestVersion = v;
                    newest = release;
                }
            }
        }
        Map<String, String> nr = new LinkedHashMap<>();
        for (String line : needrestart) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                nr.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        if (nr.containsKey("NEEDRESTART-KSTA")) {
            Kernel.State state = switch (nr.get("NEEDRESTART-KSTA")) {
                case "1" -> Kernel.State.CURRENT;
                case "2" -> Kernel.State.ABI_COMPATIBLE_UPGRADE;
                case "3" -> Kernel.State.VERSION_UPGRADE;
                default -> Kernel.State.UNKNOWN;
            };
            String expected = blankToNull(nr.get("NEEDRESTART-KEXP"));
            return new Kernel(running, expected != null ? expected : newest, state);
        }
        if (running == null || newest == null) {
            return new Kernel(running, newest, Kernel.State.UNKNOWN);
        }
        if (!newest.equals(running)) {
            return new Kernel(running, newest, Kernel.State.VERSION_UPGRADE);
        }
        // Debian rebuilds a kernel under the same release name: /proc/version names the build that is running
        Matcher m = version == null ? null : DEBIAN_BUILD.matcher(version);
        if (m != null && m.find() && DebianVersion.isValid(m.group(1)) && installed.containsKey(running)
                && DebianVersion.compare(installed.get(running), m.group(1)) > 0) {
            return new Kernel(running, newest, Kernel.State.ABI_COMPATIBLE_UPGRADE);
        }
        return new Kernel(running, newest, Kernel.State.CURRENT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
