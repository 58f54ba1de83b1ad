package dev.upkeep.run;

import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches, percentages, failure limits and the keep-one-up rule, worked out before anything runs. */
class RolloutTest {
    private static List<ServerRef> servers(String app, int n) {
        List<ServerRef> refs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            refs.add(new ServerRef(app, app + i));
        }
        return refs;
    }

    private static RunOptions rolling(String batch) {
        return RunOptions.rebootOnly(true, 10).rolling(Share.parse(batch));
    }

    private static List<List<String>> names(Rollout r) {
        return r.batches().stream().map(b -> b.servers().stream().map(ServerRef::server).toList()).toList();
    }

    @Test
    void rollingSplitsInOrderIntoBatchesOfN() {
        List<ServerRef> six = servers("web", 6);
        Rollout r = Rollout.plan(six, Map.of("web", 20), rolling("2"));
        assertThat(names(r)).containsExactly(List.of("web1", "web2"), List.of("web3", "web4"), List.of("web5", "web6"));
        assertThat(r.batches()).extracting(Batch::number).containsExactly(1, 2, 3);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void percentagesRoundDownButNeverBelowOne() {
        assertThat(Share.parse("25%").of(6)).isEqualTo(1);
        assertThat(Share.parse("50%").of(6)).isEqualTo(3);
        assertThat(Share.parse("100%").of(6)).isEqualTo(6);
        assertThat(Share.parse("1%").of(6)).isEqualTo(1);
        assertThat(Share.parse(" 3 ").of(6)).isEqualTo(3);
        assertThat(Share.parse("33%").toString()).isEqualTo("33%");
        assertThat(names(Rollout.plan(servers("web", 8), Map.of("web", 20), rolling("25%")))).hasSize(4);
    }

    @Test
    void badSharesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Share.parse("0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Share.parse("0%")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Share.parse("150%")).hasMessageContaining("1-100%");
        assertThatThrownBy(() -> Share.parse("x")).hasMessageContaining("'x' is not a number of servers (N) or a percentage (N%)");
        assertThatThrownBy(() -> Share.parse("-1")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Share.parse("")).hasMessageContaining("not a number");
    }

    @Test
    void failureLimitDefaultsToOneWhenRollingAndToNoneOtherwise() {
        assertThat(rolling("2").failuresAllowed(6)).isEqualTo(1);
        assertThat(rolling("2").withFailureLimit(Share.parse("50%")).failuresAllowed(6)).isEqualTo(3);
        assertThat(rolling("2").withMaxFailures(2).failuresAllowed(6)).isEqualTo(2);
        assertThat(RunOptions.security(4).failuresAllowed(6)).isNull();
        assertThat(RunOptions.security(4).withMaxFailures(2).maxFailures()).isEqualTo(2);
        assertThat(RunOptions.security(4).withFailureLimit(Share.parse("10%")).maxFailures()).isNull();
        assertThat(RunOptions.security(4).withFailureLimit(Share.parse("10%")).failuresAllowed(30)).isEqualTo(3);
    }

    @Test
    void anApplicationOfTwoWithBatchTwoTakesTwoBatchesAndThePlanSaysSo() {
        Rollout r = Rollout.plan(servers("shop", 2), Map.of("shop", 2), rolling("2"));
        assertThat(names(r)).containsExactly(List.of("shop1"), List.of("shop2"));
        assertThat(r.notes()).singleElement().asString()
                .isEqualTo("shop has 2 servers: at most 1 per batch, so one stays up (servers re-ordered into batches)");
    }

    @Test
    void serversOfTwoApplicationsAreReorderedSoEachBatchLeavesOneOfEachUp() {
        List<ServerRef> refs = new ArrayList<>(servers("shop", 2));
        refs.addAll(servers("blog", 2));
        Rollout r = Rollout.plan(refs, Map.of("shop", 2, "blog", 2), rolling("2"));
        assertThat(names(r)).containsExactly(List.of("shop1", "blog1"), List.of("shop2", "blog2"));
        assertThat(r.notes()).hasSize(2);
    }

    @Test
    void theRuleCountsTheWholeApplicationNotOnlyTheSelection() {
        // 2 of shop's 3 servers selected: both may go at once, the third stays up.
        Rollout r = Rollout.plan(servers("shop", 2), Map.of("shop", 3), rolling("2"));
        assertThat(names(r)).containsExactly(List.of("shop1", "shop2"));
        // A single-server application has nothing to keep up.
        assertThat(names(Rollout.plan(servers("solo", 1), Map.of("solo", 1), rolling("5")))).containsExactly(List.of("solo1"));
    }

    @Test
    void keepOneUpOffPutsAWholeApplicationInOneBatchAndSaysSo() {
        Rollout r = Rollout.plan(servers("shop", 2), Map.of("shop", 2), rolling("2").withKeepOneUp(false));
        assertThat(names(r)).containsExactly(List.of("shop1", "shop2"));
        assertThat(r.notes()).singleElement().asString().contains("keep-one-up is off");
    }

    @Test
    void serialIsOneServerPerBatchAndParallelOneBatchWithItsRebootRuleNoted() {
        List<ServerRef> refs = servers("shop", 3);
        assertThat(names(Rollout.plan(refs, Map.of("shop", 3), RunOptions.rebootOnly(false, 5)
                .withStrategy(RunOptions.Strategy.SERIAL)))).hasSize(3);
        Rollout parallel = Rollout.plan(refs, Map.of("shop", 3), RunOptions.rebootOnly(false, 5));
        assertThat(names(parallel)).containsExactly(List.of("shop1", "shop2", "shop3"));
        assertThat(parallel.notes()).containsExactly("shop has 3 servers: at most 2 reboot at the same time, so one stays up");
        assertThat(parallel.failuresAllowed()).as("a run that reboots stops at the first failure").isEqualTo(1);
    }

    @Test
    void aPlanKeepsItsServersInTheRolloutsOrder() {
        List<ServerPlan> plans = new ArrayList<>();
        for (ServerRef r : List.of(new ServerRef("shop", "a"), new ServerRef("shop", "b"), new ServerRef("blog", "c"))) {
            plans.add(new ServerPlan(r, new ConnectRequest("127.0.0.1", 22, "root", null), false, List.of()));
        }
        RunPlan plan = new RunPlan("20261126T000000Z-abcdef", Instant.now(), rolling("2"), plans);
        assertThat(plan.servers()).extracting(s -> s.ref().server()).containsExactly("a", "c", "b");
        assertThat(plan.batches()).hasSize(2);
        assertThat(plan.rollout().failuresAllowed()).isEqualTo(1);
    }

    @Test
    void parallelRebootsMixApplicationsSoThatAServerWaitingForItsTurnDoesNotHoldUpTheOthers() {
        List<ServerRef> refs = new ArrayList<>(servers("shop", 3));
        refs.addAll(servers("blog", 1));
        Rollout rebooting = Rollout.plan(refs, Map.of("shop", 3, "blog", 1), RunOptions.rebootOnly(false, 2));
        assertThat(names(rebooting)).containsExactly(List.of("shop1", "blog1", "shop2", "shop3"));
        Rollout upgrading = Rollout.plan(refs, Map.of("shop", 3, "blog", 1), RunOptions.security(2));
        assertThat(names(upgrading)).containsExactly(List.of("shop1", "shop2", "shop3", "blog1"));
    }
}
