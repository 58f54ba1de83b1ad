package dev.upkeep.run;

import dev.upkeep.remote.ProbeCache;
import dev.upkeep.remote.Shell;
import dev.upkeep.remote.StatusProbe;
import dev.upkeep.testfleet.CommandResult;
import dev.upkeep.testfleet.OpenSshClient;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real status probe over OpenSSH, with or without its server-side cache, for the cache's fleet tests: every
 * answer from the cache is compared with what the probe computes when told to ignore it.
 */
final class CacheProbe {
    static final String ROOT_CACHE = "/root/.cache/upkeep/status.cache";
    private final OpenSshClient ssh;

    CacheProbe(TestFleet fleet) {
        this.ssh = new OpenSshClient(fleet);
    }

    Answer probe(TestServer server, ProbeCache cache) {
        return probe(server, "root", cache);
    }

    Answer probe(TestServer server, String user, ProbeCache cache) {
        CommandResult r = ssh.run(server, user, Shell.script(StatusProbe.script(cache)));
        assertThat(r.exitCode()).as(server + " probe: " + r.stderr()).isZero();
        return new Answer(r.stdout());
    }

    /**
     * Probes until the answer comes from the cache: a state is cached only once its files are two seconds old, so a
     * test that changes something right after this measures the change against a real hit.
     */
    Answer warm(TestServer server, String user) {
        try {
            return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> probe(server, user, ProbeCache.USE), a -> a.cache().equals("hit"));
        } catch (ConditionTimeoutException e) {
            // Failed in CI now and then (every test of one server, for one boot): a boot id that awk read as a huge
            // number (StatusCacheOnRealServersTest#theCacheHitsWhateverTheBootIdLooksLike). Should it fail again, say
            // which key file kept changing or what the cache folder held, so that the failure explains itself.
            throw new AssertionError("no cache hit within 30 s on " + server + "; files of the key changed in the last"
                    + " 10 s, and the cache folder:\n" + server.run("now=$(date +%s); echo now=$now; find -L"
                    + " /var/lib/dpkg/status /var/lib/dpkg/updates /var/lib/dpkg/arch /var/lib/dpkg/diversions"
                    + " /var/lib/apt/extended_states /var/lib/apt/lists /var/lib/apt/periodic /etc/apt /etc/machine-id"
                    + " -maxdepth 2 \\( -newermt @$((now-10)) -o -newerct @$((now-10)) \\) -printf '%i %s %T@ %C@ %p\\n'"
                    + " 2>&1; ls -la --time-style=+%s ~" + user + "/.cache/upkeep 2>&1; ps -eo pid,etimes,args 2>&1"
                    + " | head -40"), e);
        }
    }

    Answer warm(TestServer server) {
        return warm(server, "root");
    }

    /** The next cached refresh, asserted to say what an uncached probe says at the same moment. */
    Answer nextAgreesWithUncached(TestServer server, String user) {
        Answer cached = probe(server, user, ProbeCache.USE);
        Answer fresh = probe(server, user, ProbeCache.OFF);
        assertThat(cached.answers()).as("cached (" + cached.cache() + ") vs uncached").isEqualTo(fresh.answers());
        return cached;
    }

    Answer nextAgreesWithUncached(TestServer server) {
        return nextAgreesWithUncached(server, "root");
    }

    /** One probe's output. */
    record Answer(String output) {
        /** hit, miss, refresh, off or unusable. */
        String cache() {
            return lines().stream().filter(l -> l.startsWith("cache=")).map(l -> l.substring(6)).findFirst().orElse("");
        }

        /** Everything the parser reads except what changes every second (uptime, now) and the cache's own word. */
        List<String> answers() {
            return lines().stream().filter(l -> !l.startsWith("uptime=") && !l.startsWith("now=")
                    && !l.startsWith("cache=")).toList();
        }

        String now() {
            return lines().stream().filter(l -> l.startsWith("now=")).findFirst().orElse("");
        }

        boolean mentions(String text) {
            return output.contains(text);
        }

        List<String> lines() {
            return Arrays.asList(output.split("\n"));
        }
    }
}
