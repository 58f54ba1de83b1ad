package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo fleet: a shop (web and worker servers), an API and a database, 13 servers in the states a real fleet is
 * in on a Monday morning. Each server is built from scratch on every start: the demo never remembers.
 */
final class DemoScenario {
    static final String UBUNTU_KERNEL = "5.15.0-101-generic";
    static final String DEBIAN_KERNEL = "6.1.0-18-amd64";
    /** The server whose host key is not in the demo's known_hosts: the user accepts it as they would a real one. */
    static final String UNTRUSTED = "shop-worker3";
    /** The server that never answers: nothing listens on its port. */
    static final String UNREACHABLE = "api4";

    /** One application: its name, manifest (relative to the workspace) and what its manifest asks for. */
    record App(String name, String docker, String weave, List<String> servers) {
    }

    static final List<App> APPS = List.of(
            new App("shop", "24.0.7", "2.8.1", List.of("shop-web1", "shop-web2", "shop-web3", "shop-worker1", "shop-worker2", UNTRUSTED)),
            new App("api", "24.0.7", "2.8.1", List.of("api1", "api2", "api3", UNREACHABLE)),
            new App("db", "24.0.7", "2.8.1", List.of("db1", "db2", "db3")));

    private DemoScenario() {
    }

    /** Every server but the unreachable one (it has no state: nothing answers there). */
    static List<SimHost> hosts(Instant now) {
        SimOs ubuntu = SimOs.ubuntu2204();
        SimOs debian = SimOs.debian12();
        List<SimHost> hosts = new ArrayList<>();
        hosts.add(ubuntu("shop", "shop-web1", 41, now).kernelInstalled("5.15.0-105-generic")
                .rebootRequired(now.minus(Duration.ofDays(3)).minusSeconds(3600 * 5), "linux-image-5.15.0-105-generic")
                .pending(sec("nginx", "1.18.0-6ubuntu14.4", "1.18.0-6ubuntu14.5", false))
                .docker("24.0.7").weave("2.8.1"));
        hosts.add(ubuntu("shop", "shop-web2", 12, now)
                .pending(sec("libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .pending(sec("openssl", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .pending(sec("curl", "7.81.0-1ubuntu1.15", "7.81.0-1ubuntu1.16", false))
                .pending(sec("libcurl4", "7.81.0-1ubuntu1.15", "7.81.0-1ubuntu1.16", false))
                .pending(other("tzdata", "2024a-0ubuntu0.22.04", "2024a-0ubuntu0.22.04.1"))
                .docker("20.10.24").weave("2.6.5"));
        hosts.add(ubuntu("shop", "shop-web3", 9, now).docker("24.0.7").weave("2.8.1"));
        hosts.add(ubuntu("shop", "shop-worker1", 63, now)
                .pending(new SimPackage("linux-image-5.15.0-107-generic", null, "5.15.0-107.117", true, true, true))
                .pending(new SimPackage("libc6", "2.35-0ubuntu3.6", "2.35-0ubuntu3.7", true, true, true))
                .pending(sec("sudo", "1.9.9-1ubuntu2.4", "1.9.9-1ubuntu2.5", false))
                .unattendedUpgrades(false, false).docker("24.0.7").weave("2.8.1"));
        hosts.add(ubuntu("shop", "shop-worker2", 27, now).listsUpdated(now.minus(Duration.ofDays(9)))
                .pending(new SimPackage("git", "1:2.34.1-1ubuntu1.10", "1:2.34.1-1ubuntu1.11", true, false, false))
                .pending(new SimPackage("libssl3", "3.0.2-0ubuntu1.14", "3.0.2-0ubuntu1.15", true, false, false))
                .unattendedUpgrades(true, false).docker("23.0.6").weave("2.8.1"));
        hosts.add(ubuntu("shop", UNTRUSTED, 5, now)
                .pending(sec("curl", "7.81.0-1ubuntu1.15", "7.81.0-1ubuntu1.16", false))
                .docker("24.0.7").weave("2.8.1"));
        hosts.add(ubuntu("api", "api1", 18, now)
                .pending(sec("libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .pending(sec("openssl", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .docker("24.0.7").weave("2.8.1"));
        hosts.add(ubuntu("api", "api2", 18, now)
                .pending(sec("libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .pending(sec("openssl", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", false))
                .brokenPostinst("libssl3", "openssl").docker("20.10.24").weave("2.8.1"));
        hosts.add(ubuntu("api", "api3", 18, now).docker("24.0.7").weave("2.8.1"));
        hosts.add(new SimHost("db", "db1", debian, DEBIAN_KERNEL, Duration.ofDays(88), now).kernelInstalled("6.1.0-20-amd64")
                .rebootRequired(now.minus(Duration.ofDays(6)), "linux-image-6.1.0-20-amd64").docker("24.0.7").weave("2.8.1"));
        hosts.add(new SimHost("db", "db2", debian, DEBIAN_KERNEL, Duration.ofDays(88), now)
                .pending(debianSec("libpq5", "15.6-0+deb12u1", "15.7-0+deb12u1", false))
                .pending(debianSec("postgresql-15", "15.6-0+deb12u1", "15.7-0+deb12u1", false))
                .pending(debianSec("libc6", "2.36-9+deb12u4", "2.36-9+deb12u7", true))
                .pending(new SimPackage("base-files", "12.4+deb12u5", "12.4+deb12u6", false, false, true))
                .docker("24.0.7").weave("2.8.1"));
        hosts.add(new SimHost("db", "db3", debian, DEBIAN_KERNEL, Duration.ofDays(30), now)
                .pending(debianSec("libpq5", "15.6-0+deb12u1", "15.7-0+deb12u1", false))
                .lockHeld(5).docker("24.0.7").weave("2.8.1"));
        DemoHistory.seed(hosts, now);
        return hosts;
    }

    private static SimHost ubuntu(String app, String name, int uptimeDays, Instant now) {
        return new SimHost(app, name, SimOs.ubuntu2204(), UBUNTU_KERNEL, Duration.ofDays(uptimeDays).plusMinutes(name.length() * 7L), now);
    }

    private static SimPackage sec(String name, String from, String to, boolean reboot) {
        return new SimPackage(name, from, to, true, reboot, true);
    }

    private static SimPackage debianSec(String name, String from, String to, boolean reboot) {
        return new SimPackage(name, from, to, true, reboot, true);
    }

    private static SimPackage other(String name, String from, String to) {
        return new SimPackage(name, from, to, false, false, true);
    }
}
