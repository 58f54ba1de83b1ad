package dev.upkeep.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * restart-check.sh (remote.RestartCheck): the services still running replaced libraries or executables, found the
 * way the script finds them without needrestart (/proc/PID/maps, /proc/PID/exe, cgroups), and the kernels. The demo
 * logs in as root, so it always sees every process.
 */
final class RestartCheckAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("restart-check.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        for (String line : lines(s.host())) {
            s.terminal().out(line);
        }
        return 0;
    }

    static List<String> lines(SimHost h) {
        SimServices services = h.services();
        int sshd = services.sshd();
        int self = sshd + 3000 + (int) (h.processes().newGroup() % 1000);
        List<String> out = new ArrayList<>();
        out.add("@@upkeep-restart 1");
        out.add("uid=0");
        out.add("systemd=1");
        out.add("self=" + self);
        out.add("reboot_required=" + (h.rebootRequiredSince() != null ? 1 : 0));
        out.add("@@ancestors");
        // this shell, the session's sshd processes, then the listening sshd: Upkeep's own session is in ssh.service
        out.add(self + "\t/user.slice/user-0.slice/session-" + (self % 97) + ".scope");
        out.add((self - 1) + "\t/user.slice/user-0.slice/session-" + (self % 97) + ".scope");
        out.add(sshd + "\t/system.slice/ssh.service");
        List<String> deleted = new ArrayList<>();
        List<String> exe = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> stale : services.stale().entrySet()) {
            for (SimServices.Process p : services.processes(stale.getKey())) {
                for (String file : stale.getValue().stream().sorted().toList()) {
                    if (file.contains(".so")) {
                        deleted.add(p.pid() + "\t" + file);
                    } else {
                        exe.add("/proc/" + p.pid() + "\t" + file + " (deleted)");
                    }
                }
                processes.add(p.pid() + "\t" + p.ppid() + "\t0\t/system.slice/" + p.service() + "\t" + p.command());
            }
        }
        out.add("@@deleted");
        out.addAll(deleted.stream().sorted().toList());
        out.add("@@exe");
        out.addAll(exe);
        out.add("@@processes");
        out.addAll(processes);
        out.add("@@pidfiles");
        out.add("@@kernel");
        out.add("running\t" + h.runningKernel());
        out.add("version\t" + KernelText.procVersion(h.os, h.runningKernel()));
        for (String k : h.kernels()) {
            out.add("image\tlinux-image-" + k + "\t" + KernelText.packageVersion(k) + "\tii ");
        }
        out.add("@@end");
        return out;
    }
}
