package dev.upkeep.run;

import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The on-disk history: per-server logs as lines arrive, summary.json, list/load, never overwriting a run. */
class RunHistoryTest {
    private static final ServerRef A = new ServerRef("shop", "web-1");

    private static RunPlan plan(String id) {
        return new RunPlan(id, Instant.parse("2026-11-26T10:00:00Z"), RunOptions.security(5).withMaxFailures(2),
                List.of(new ServerPlan(A, new ConnectRequest("h", 22, "u", null), false, List.of())));
    }

    @Test
    void recordsLogLinesAndSummaryThenLoadsThem(@TempDir Path state) throws Exception {
        RunHistory history = new RunHistory(state);
        RunPlan plan = plan("20261126T100000Z-aaaaaa");
        HistoryRecorder recorder = history.record(plan);
        Instant t = Instant.parse("2026-11-26T10:00:01Z");
        recorder.onEvent(new RunEvent.RunStarted(plan, t));
        recorder.onEvent(new RunEvent.StepChanged(A, RunStep.UPGRADING, "unattended-upgrade", t));
        recorder.onEvent(new RunEvent.Output(A, RunEvent.Stream.STDOUT, "Packages that will be upgraded: x", t));
        recorder.onEvent(new RunEvent.Output(A, RunEvent.Stream.STDERR, "warning: y", t));
        Path log = history.logFile(plan.id(), A);
        // Flushed within a second even though the run goes on: a crash loses at most that.
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(log) && Files.readString(log).contains("warning: y"));
        assertThat(Files.readAllLines(log)).containsExactly(
                "2026-11-26T10:00:01Z STP upgrading: unattended-upgrade",
                "2026-11-26T10:00:01Z OUT Packages that will be upgraded: x",
                "2026-11-26T10:00:01Z ERR warning: y");
        assertThat(history.load(plan.id()).orElseThrow().finished()).isNull();

        ServerResult result = new ServerResult(A, RunStep.DONE, "upgraded 1", t, Duration.ofSeconds(3), List.of("x 1.1"), true, List.of("x"));
        recorder.onEvent(new RunEvent.ServerFinished(result, t));
        RunSummary summary = new RunSummary(plan.id(), "alice", t, t.plusSeconds(4), plan.options(), List.of(A), List.of(result));
        recorder.onEvent(new RunEvent.RunFinished(summary, t));

        RunSummary loaded = history.load(plan.id()).orElseThrow();
        assertThat(loaded).isEqualTo(summary);
        assertThat(Files.readString(state.resolve("runs").resolve(plan.id()).resolve("summary.json")))
                .contains("\"user\" : \"alice\"").contains("\"rebootRequired\" : true").contains("shop--web-1.log");
        assertThat(history.list()).extracting(RunSummary::id).containsExactly(plan.id());
    }

    @Test
    void everythingARunWritesIsPrivateToTheUser(@TempDir Path home) throws Exception {
        Path state = home.resolve(".local/state/upkeep");
        RunHistory history = new RunHistory(state);
        RunPlan plan = plan("20261126T100000Z-aaaaaa");
        HistoryRecorder recorder = history.record(plan);
        Instant t = Instant.parse("2026-11-26T10:00:01Z");
        recorder.onEvent(new RunEvent.Output(A, RunEvent.Stream.STDOUT, "root password hint in a server's output", t));
        ServerResult result = new ServerResult(A, RunStep.DONE, "ok", t, Duration.ofSeconds(1), List.of(), false, List.of());
        recorder.onEvent(new RunEvent.ServerFinished(result, t));
        recorder.onEvent(new RunEvent.RunFinished(new RunSummary(plan.id(), "alice", t, t, plan.options(), List.of(A), List.of(result)), t));

        assertThat(mode(home.resolve(".local"))).as("missing parents too").isEqualTo("rwx------");
        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("runs"))).isEqualTo("rwx------");
        assertThat(mode(recorder.directory())).isEqualTo("rwx------");
        assertThat(mode(recorder.directory().resolve("summary.json"))).isEqualTo("rw-------");
        assertThat(mode(history.logFile(plan.id(), A))).isEqualTo("rw-------");
    }

    @Test
    void aStateFolderOthersCouldReadIsMadePrivateWhenARunIsRecorded(@TempDir Path state) throws Exception {
        Path old = Files.createDirectories(state.resolve("runs/20261125T100000Z-oldold"));
        Path oldLog = Files.writeString(old.resolve("shop--web-1.log"), "yesterday's output\n");
        for (Path p : List.of(state, state.resolve("runs"), old)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));

        new RunHistory(state).record(plan("20261126T100000Z-aaaaaa")).close();

        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("runs"))).isEqualTo("rwx------");
        assertThat(mode(old)).isEqualTo("rwx------");
        assertThat(mode(oldLog)).isEqualTo("rw-------");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void neverOverwritesAnOldRunAndListsNewestFirst(@TempDir Path state) throws Exception {
        RunHistory history = new RunHistory(state);
        history.record(plan("20261126T100000Z-aaaaaa")).close();
        history.record(plan("20261126T110000Z-bbbbbb")).close();
        assertThatThrownBy(() -> history.record(plan("20261126T100000Z-aaaaaa"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(history.list()).extracting(RunSummary::id).containsExactly("20261126T110000Z-bbbbbb", "20261126T100000Z-aaaaaa");
        assertThatThrownBy(() -> history.load("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
