package dev.upkeep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upkeep.run.RunEvent;
import dev.upkeep.run.ServerResult;

import java.util.Locale;

/**
 * {@code upgrade --json}: one JSON object per line and event. Every object has "event", "phase" ("preflight" or
 * "run"), "run" and "at"; then per event: output (server, stream, line), step (server, step, label, detail),
 * server-finished (the result), run-started (servers, batches), batch-started (batch, batches, servers),
 * batch-finished (batch, batches), stopping (reason), cancelling (stopWaiting), paused (detail), resumed, run-finished
 * (allSucceeded, cancelled, results).
 */
final class UpgradeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    enum Kind { PREFLIGHT, RUN }

    private UpgradeJson() {
    }

    static String event(RunEvent event, Kind kind, String runId) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("run", runId);
        n.put("phase", kind == Kind.PREFLIGHT ? "preflight" : "run");
        n.put("at", event.at().toString());
        if (event instanceof RunEvent.Output o) {
            n.put("event", "output");
            n.put("server", o.server().toString());
            n.put("stream", o.stream().name().toLowerCase(Locale.ROOT));
            n.put("line", o.line());
        } else if (event instanceof RunEvent.StepChanged s) {
            n.put("event", "step");
            n.put("server", s.server().toString());
            n.put("step", s.step().name());
            n.put("label", s.step().label());
            n.put("detail", s.detail());
        } else if (event instanceof RunEvent.ServerFinished f) {
            n.put("event", "server-finished");
            result(n, f.result());
        } else if (event instanceof RunEvent.RunStarted s) {
            n.put("event", "run-started");
            ArrayNode servers = n.putArray("servers");
            s.plan().servers().forEach(p -> servers.add(p.ref().toString()));
            ArrayNode batches = n.putArray("batches");
            s.plan().batches().forEach(b -> {
                ArrayNode one = batches.addArray();
                b.servers().forEach(r -> one.add(r.toString()));
            });
        } else if (event instanceof RunEvent.BatchStarted b) {
            n.put("event", "batch-started");
            n.put("batch", b.number());
            n.put("batches", b.batches());
            ArrayNode servers = n.putArray("servers");
            b.servers().forEach(r -> servers.add(r.toString()));
        } else if (event instanceof RunEvent.BatchFinished b) {
            n.put("event", "batch-finished");
            n.put("batch", b.number());
            n.put("batches", b.batches());
        } else if (event instanceof RunEvent.Stopping s) {
            n.put("event", "stopping");
            n.put("reason", s.reason());
        } else if (event instanceof RunEvent.Cancelling c) {
            n.put("event", "cancelling");
            n.put("stopWaiting", c.stopWaiting());
        } else if (event instanceof RunEvent.Paused p) {
            n.put("event", "paused");
            n.put("detail", p.detail());
        } else if (event instanceof RunEvent.Resumed) {
            n.put("event", "resumed");
        } else if (event instanceof RunEvent.RunFinished f) {
            n.put("event", "run-finished");
            n.put("allSucceeded", f.summary().allSucceeded());
            n.put("cancelled", f.summary().cancelled());
            ArrayNode results = n.putArray("results");
            f.summary().results().forEach(r -> result(results.addObject(), r));
        }
        return n.toString();
    }

    private static void result(ObjectNode n, ServerResult r) {
        n.put("server", r.server().toString());
        n.put("outcome", r.outcome().name());
        n.put("message", r.message());
        n.put("durationMillis", r.duration().toMillis());
        r.upgraded().forEach(n.putArray("upgraded")::add);
        n.put("rebootRequired", r.rebootRequired());
        r.rebootPackages().forEach(n.putArray("rebootPackages")::add);
    }
}
