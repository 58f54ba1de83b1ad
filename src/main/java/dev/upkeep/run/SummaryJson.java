package dev.upkeep.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * summary.json of a run in the history: written at the start (no "finished" yet) and again at the end, with
 * "cancelled" when the run was cancelled and each server's outcome (DONE, FAILED, CANCELLED, NOT_STARTED,
 * UNVERIFIED).
 */
final class SummaryJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static ObjectNode write(RunSummary s, Map<ServerRef, String> logFiles) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", s.id());
        root.put("user", s.user());
        root.put("started", s.started().toString());
        root.put("finished", s.finished() == null ? null : s.finished().toString());
        root.put("cancelled", s.cancelled());
        root.set("options", options(s.options()));
        ArrayNode servers = root.putArray("servers");
        s.servers().forEach(r -> servers.add(r.toString()));
        ArrayNode results = root.putArray("results");
        for (ServerResult r : s.results()) {
            ObjectNode n = results.addObject();
            n.put("application", r.server().application());
            n.put("server", r.server().server());
            n.put("outcome", r.outcome().name());
            n.put("message", r.message());
            n.put("started", r.started() == null ? null : r.started().toString());
            n.put("durationMillis", r.duration().toMillis());
            r.upgraded().forEach(n.putArray("upgraded")::add);
            n.put("rebootRequired", r.rebootRequired());
            r.rebootPackages().forEach(n.putArray("rebootPackages")::add);
            n.put("log", logFiles.get(r.server()));
        }
        return root;
    }

    private static ObjectNode options(RunOptions o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("security", o.security());
        n.put("docker", o.docker());
        n.put("weave", o.weave());
        n.put("strategy", o.strategy().name());
        n.put("concurrency", o.concurrency());
        if (o.maxFailures() == null) {
            n.putNull("maxFailures");
        } else {
            n.put("maxFailures", o.maxFailures());
        }
        n.put("lockWaitSeconds", o.lockWait().toSeconds());
        n.put("repairDpkg", o.repairDpkg());
        n.put("reboot", o.reboot().name());
        if (o.rebootTimeoutSeconds() != null) {
            n.put("rebootTimeoutSeconds", o.rebootTimeoutSeconds());
        }
        if (o.batch() != null) {
            n.put("batch", o.batch().toString());
        }
        if (o.failureLimit() != null) {
            n.put("failureLimit", o.failureLimit().toString());
        }
        n.put("keepOneUp", o.keepOneUp());
        if (o.restartServices()) {
            n.put("restartServices", true);
        }
        return n;
    }

    static RunSummary read(JsonNode root) {
        JsonNode o = root.path("options");
        RunOptions options = RunOptions.builder().security(o.path("security").asBoolean())
                .docker(o.path("docker").asBoolean()).weave(o.path("weave").asBoolean())
                .strategy(RunOptions.Strategy.valueOf(o.path("strategy").asText("PARALLEL")))
                .concurrency(Math.max(1, o.path("concurrency").asInt(1)))
                .maxFailures(o.path("maxFailures").isNumber() ? o.path("maxFailures").asInt() : null)
                .lockWait(Duration.ofSeconds(o.path("lockWaitSeconds").asLong(0))).repairDpkg(o.path("repairDpkg").asBoolean())
                .reboot(RunOptions.Reboot.valueOf(o.path("reboot").asText("NONE")))
                .rebootTimeoutSeconds(o.path("rebootTimeoutSeconds").isNumber() ? o.path("rebootTimeoutSeconds").asInt() : null)
                .batch(share(o.path("batch")))
                .failureLimit(o.path("maxFailures").isNumber() ? null : share(o.path("failureLimit")))
                .keepOneUp(o.path("keepOneUp").asBoolean(true)).restartServices(o.path("restartServices").asBoolean(false)).build();
        List<ServerRef> servers = new ArrayList<>();
        for (JsonNode n : root.path("servers")) {
            servers.add(ref(n.asText()));
        }
        List<ServerResult> results = new ArrayList<>();
        for (JsonNode n : root.path("results")) {
            results.add(new ServerResult(new ServerRef(n.path("application").asText(), n.path("server").asText()),
                    RunStep.valueOf(n.path("outcome").asText()), n.path("message").asText(null), instant(n.path("started")),
                    Duration.ofMillis(n.path("durationMillis").asLong()), strings(n.path("upgraded")),
                    n.path("rebootRequired").asBoolean(), strings(n.path("rebootPackages"))));
        }
        return new RunSummary(root.path("id").asText(), root.path("user").asText(null), instant(root.path("started")),
                instant(root.path("finished")), options, servers, results, root.path("cancelled").asBoolean(false));
    }

    private static Share share(JsonNode n) {
        return n.isTextual() ? Share.parse(n.asText()) : null;
    }

    private static ServerRef ref(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? new ServerRef("", text) : new ServerRef(text.substring(0, slash), text.substring(slash + 1));
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
