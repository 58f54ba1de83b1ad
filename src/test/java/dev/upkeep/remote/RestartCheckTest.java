package dev.upkeep.remote;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.RestartNeeds.Kernel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartCheckTest {
    /** A systemd server after a libssl upgrade, as the script prints it; Upkeep's session is in session-7.scope. */
    static final String SYSTEMD = """
            @@upkeep-restart 1
            uid=0
            systemd=1
            self=4242
            reboot_required=0
            @@ancestors
            4242\t/user.slice/user-1000.slice/session-7.scope
            4240\t/user.slice/user-1000.slice/session-7.scope
            4233\t/system.slice/ssh.service
            @@deleted
            812\t/usr/lib/x86_64-linux-gnu/libssl.so.3
            812\t/usr/lib/x86_64-linux-gnu/libcrypto.so.3
            901\t/usr/lib/x86_64-linux-gnu/libssl.so.3
            955\t/usr/lib/x86_64-linux-gnu/libssl.so.3
            1200\t/memfd:pulseaudio (deleted)
            1201\t/dev/shm/sem.x
            1202\t/var/lib/app/data.db
            @@exe
            /proc/977\t/usr/sbin/cron (deleted)
            @@processes
            812\t1\t0\t/system.slice/nginx.service\tnginx
            901\t812\t33\t/system.slice/nginx.service\tnginx
            955\t1\t0\t/system.slice/ssh.service\tsshd
            977\t1\t0\t/system.slice/cron.service\tcron
            1500\t1\t0\t/user.slice/user-1000.slice/session-3.scope\tpython3
            @@pidfiles
            @@kernel
            running\t6.1.0-18-amd64
            version\tLinux version 6.1.0-18-amd64 (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)
            image\tlinux-image-6.1.0-18-amd64\t6.1.76-1\tii\s
            image\tlinux-image-6.1.0-20-amd64\t6.1.85-1\tii\s
            image\tlinux-image-6.1.0-9-amd64\t6.1.27-1\trc\s
            @@end
            """;

    @Test
    void servicesComeFromTheUnitsOfProcessesThatMapDeletedLibraries() {
        RestartNeeds needs = RestartCheck.parse(SYSTEMD.lines().toList(), null);
        assertThat(needs.source()).isEqualTo("scan");
        assertThat(needs.looked()).isTrue();
        assertThat(needs.services()).extracting(RestartNeeds.Service::name)
                .containsExactly("cron.service", "nginx.service", "ssh.service");
        RestartNeeds.Service nginx = needs.services().get(1);
        assertThat(nginx.pids()).containsExactly(812, 901);
        assertThat(nginx.systemd()).isTrue();
        assertThat(nginx.refusal()).isNull();
        assertThat(needs.services().get(2).refusal()).as("sshd carries every session").contains("SSH sessions");
        assertThat(needs.restartable()).extracting(RestartNeeds.Service::name).containsExactly("cron.service", "nginx.service");
    }

    @Test
    void processesListTheirReplacedFilesButNotSharedMemoryOrData() {
        RestartNeeds needs = RestartCheck.parse(SYSTEMD.lines().toList(), null);
        assertThat(needs.processes()).extracting(RestartNeeds.StaleProcess::pid).containsExactly(812, 901, 955, 977);
        assertThat(needs.processes().get(0).files()).containsExactly("/usr/lib/x86_64-linux-gnu/libssl.so.3",
                "/usr/lib/x86_64-linux-gnu/libcrypto.so.3");
        assertThat(needs.processes().get(3).files()).as("a replaced executable").containsExactly("/usr/sbin/cron");
        assertThat(needs.processes().get(0).command()).isEqualTo("nginx");
    }

    @Test
    void theUnitHoldingUpkeepsOwnSessionIsNeverRestarted() {
        String own = SYSTEMD.replace("812\t1\t0\t/system.slice/nginx.service", "812\t1\t0\t/system.slice/upkeep-own.service")
                .replace("4240\t/user.slice/user-1000.slice/session-7.scope", "4240\t/system.slice/upkeep-own.service");
        RestartNeeds needs = RestartCheck.parse(own.lines().toList(), null);
        assertThat(needs.services()).filteredOn(s -> s.name().equals("upkeep-own.service"))
                .singleElement().satisfies(s -> assertThat(s.refusal()).contains("Upkeep's own session"));
    }

    @Test
    void kernelVersionUpgradeIsTheNewestInstalledImageByDebianOrdering() {
        Kernel k = RestartCheck.parse(SYSTEMD.lines().toList(), null).kernel();
        assertThat(k.running()).isEqualTo("6.1.0-18-amd64");
        assertThat(k.newestInstalled()).isEqualTo("6.1.0-20-amd64");
        assertThat(k.state()).isEqualTo(Kernel.State.VERSION_UPGRADE);
        assertThat(k.rebootWouldChange()).isTrue();
    }

    @Test
    void aRebuildOfTheRunningKernelIsAnAbiCompatibleUpgrade() {
        Kernel k = RestartCheck.kernel(List.of("running\t6.1.0-18-amd64",
                "version\tLinux version 6.1.0-18-amd64 (x) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
                "image\tlinux-image-6.1.0-18-amd64\t6.1.76-2\tii "), List.of());
        assertThat(k.state()).isEqualTo(Kernel.State.ABI_COMPATIBLE_UPGRADE);
        Kernel same = RestartCheck.kernel(List.of("running\t6.1.0-18-amd64",
                "version\tLinux version 6.1.0-18-amd64 (x) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
                "image\tlinux-image-6.1.0-18-amd64\t6.1.76-1\tii "), List.of());
        assertThat(same.state()).isEqualTo(Kernel.State.CURRENT);
        assertThat(RestartCheck.kernel(List.of("running\t6.8.0-1-cloud"), List.of()).state())
                .as("no kernel package: a container, a cloud image without linux-image-*").isEqualTo(Kernel.State.UNKNOWN);
    }

    /** needrestart -b as its README shows it, plus an init script service. */
    @Test
    void needrestartsServicesAndKernelStatusWinWhereItIsInstalled() {
        String out = SYSTEMD.replace("@@deleted", """
                @@needrestart
                NEEDRESTART-VER: 3.6
                NEEDRESTART-KCUR: 6.1.0-18-amd64
                NEEDRESTART-KEXP: 6.1.0-21-amd64
                NEEDRESTART-KSTA: 3
                NEEDRESTART-SVC: systemd-journald.service
                NEEDRESTART-SVC: ssh.service
                NEEDRESTART-SVC: dbus.service
                NEEDRESTART-CONT: LXC web1
                NEEDRESTART-SESS: metabase @ user manager service
                NEEDRESTART-SVC: bad;name
                @@deleted""");
        RestartNeeds needs = RestartCheck.parse(out.lines().toList(), null);
        assertThat(needs.source()).isEqualTo("needrestart");
        assertThat(needs.services()).extracting(RestartNeeds.Service::name)
                .containsExactly("systemd-journald.service", "ssh.service", "dbus.service");
        assertThat(needs.restartable()).extracting(RestartNeeds.Service::name).containsExactly("systemd-journald.service");
        assertThat(needs.services().get(2).refusal()).contains("by hand");
        assertThat(needs.kernel().state()).isEqualTo(Kernel.State.VERSION_UPGRADE);
        assertThat(needs.kernel().newestInstalled()).isEqualTo("6.1.0-21-amd64");
        assertThat(needs.processes()).as("the scan still tells which processes").isNotEmpty();
    }

    @Test
    void withoutSystemdTheInitScriptWhosePidFileNamesTheProcessOrItsParentIsTheService() {
        String sysv = """
                @@upkeep-restart 1
                uid=0
                systemd=0
                self=300
                @@ancestors
                300\t/
                299\t/
                @@deleted
                120\t/usr/lib/upkeep-libdemo/libupkeepdemo.so.1
                121\t/usr/lib/upkeep-libdemo/libupkeepdemo.so.1
                130\t/usr/lib/upkeep-libdemo/libupkeepdemo.so.1
                @@exe
                @@processes
                120\t1\t0\t/\tupkeep-libdemod
                121\t120\t0\t/\tupkeep-libdemod
                130\t1\t0\t/\tsleep
                @@pidfiles
                120\tupkeep-libdemo
                @@kernel
                running\t6.18.44
                @@end
                """;
        RestartNeeds needs = RestartCheck.parse(sysv.lines().toList(), null);
        assertThat(needs.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("upkeep-libdemo");
            assertThat(s.systemd()).isFalse();
            assertThat(s.pids()).containsExactly(120, 121);
        });
        assertThat(needs.processes()).filteredOn(p -> p.pid() == 130).singleElement()
                .satisfies(p -> assertThat(p.unit()).as("started by hand: no service").isNull());
    }

    @Test
    void asAnotherUserItCannotLookAndSaysWhy() {
        RestartNeeds needs = RestartCheck.parse(SYSTEMD.replace("uid=0", "uid=1000").lines().toList(), "sudo asks for a password");
        assertThat(needs.looked()).isFalse();
        assertThat(needs.cannotLook()).isEqualTo("sudo asks for a password");
        assertThat(needs.services()).isEmpty();
        assertThat(needs.kernel().state()).as("the kernel needs no root").isEqualTo(Kernel.State.VERSION_UPGRADE);
    }

    @Test
    void outputThatIsNotTheChecksIsRefused() {
        assertThatThrownBy(() -> RestartCheck.parse(List.of("sh: 1: needrestart: Permission denied"), null))
                .isInstanceOf(ProbeException.class);
        assertThatThrownBy(() -> RestartCheck.parse(SYSTEMD.replace("@@end\n", "").lines().toList(), null))
                .hasMessageContaining("ended early");
    }

    @Test
    void hostileNamesNeverBecomeServices() {
        String out = SYSTEMD.replace("/system.slice/cron.service", "/system.slice/x;reboot.service")
                .replace("@@pidfiles", "@@pidfiles\n977\t$(reboot)");
        assertThat(RestartCheck.parse(out.lines().toList(), null).services()).extracting(RestartNeeds.Service::name)
                .doesNotContain("x;reboot.service", "$(reboot)");
    }
}
