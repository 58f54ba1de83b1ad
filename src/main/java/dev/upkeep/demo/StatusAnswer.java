package dev.upkeep.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** status.sh: the read-only probe (format: key=value lines, then @@sections; parsed by remote.StatusProbe). */
final class StatusAnswer implements Answer {
    @Override
    public boolean recognises(RemoteScript script) {
        return script.contains(RemoteResources.body("status.sh"));
    }

    @Override
    public int answer(RemoteScript script, SimSession s) throws IOException {
        // A real probe takes a moment; a little spread makes the refresh visibly parallel.
        Terminal.sleep(s.pace().step().dividedBy(4).plusMillis(s.pace().step().isZero() ? 0 : Math.abs(s.host().name.hashCode() % 150)));
        for (String line : lines(s.host(), Instant.now())) {
            s.terminal().out(line);
        }
        return 0;
    }

    static List<String> lines(SimHost h, Instant now) {
        List<String> out = new ArrayList<>();
        out.add("@@upkeep-status 1");
        out.add("os=\"" + h.os.prettyName() + "\"");
        out.add("os_ID=" + h.os.distro().toLowerCase(Locale.ROOT));
        out.add("os_VERSION_ID=\"" + h.os.release() + "\"");
        out.add("os_VERSION_CODENAME=" + h.os.codename());
        // The demo's Ubuntu hosts have ESM switched on, as an Ubuntu Pro machine would.
        out.add("esm_sources=" + (h.os.ubuntu() ? 2 : 0));
        out.add("kernel=" + h.runningKernel());
        out.add("installed_kernel=" + h.newestKernel());
        out.add("boot_id=" + h.bootId());
        Duration up = h.uptime(now);
        out.add("uptime=" + up.toSeconds() + "." + String.format("%02d", up.toMillisPart() / 10));
        out.add("now=" + now.getEpochSecond());
        if (h.rebootRequiredSince() != null) {
            out.add("reboot_required_since=" + h.rebootRequiredSince().getEpochSecond());
        }
        out.add("lists_updated=" + h.listsUpdated().getEpochSecond());
        out.add("uu_status=" + (h.unattendedInstalled() ? "install ok installed" : ""));
        out.add("uu_periodic=" + (h.unattendedInstalled() ? "APT::Periodic::Unattended-Upgrade \"" + (h.unattendedDaily() ? 1 : 0) + "\";" : ""));
        if (h.docker() != null) {
            out.add("docker=" + h.docker());
        }
        if (h.weave() != null) {
            out.add("weave=weave script " + h.weave());
        }
        out.add("@@reboot_pkgs");
        if (h.rebootRequiredSince() != null) {
            out.addAll(h.rebootPackages());
        }
        out.add("@@dpkg_audit");
        out.addAll(DpkgText.audit(h.dpkg().audit()));
        out.add("@@apt");
        for (SimPackage p : h.visiblePending()) {
            out.add(inst(h, p));
        }
        out.add("@@end");
        return out;
    }

    /** One line of apt-get -s upgrade. */
    static String inst(SimHost h, SimPackage p) {
        return "Inst " + p.name() + (p.from() == null ? "" : " [" + p.from() + "]") + " (" + p.to() + " "
                + h.os.origins(p.security()) + " [amd64])";
    }
}
