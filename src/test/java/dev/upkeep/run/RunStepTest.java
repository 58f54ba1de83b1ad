package dev.upkeep.run;

import dev.upkeep.remote.Step;
import dev.upkeep.ssh.OutputListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's vocabulary says what the procedures say, by the same names (summary.json and --json store them). */
class RunStepTest {
    @ParameterizedTest
    @EnumSource(Step.class)
    void everyProcedureStepBecomesTheRunStepOfTheSameName(Step step) {
        assertThat(RunStep.of(step).name()).isEqualTo(step.name());
    }

    @Test
    void onlyTheOutcomesAreFinal() {
        assertThat(RunStep.values()).filteredOn(RunStep::isFinal).containsExactly(RunStep.DONE, RunStep.FAILED,
                RunStep.CANCELLED, RunStep.NOT_STARTED, RunStep.UNVERIFIED);
    }

    @Test
    void theRunHasNoStepTheProceduresDoNotKnow() {
        assertThat(RunStep.values()).hasSameSizeAs(Step.values());
    }

    @Test
    void outputKeepsItsStream() {
        assertThat(RunEvent.Stream.of(OutputListener.Stream.STDERR)).isEqualTo(RunEvent.Stream.STDERR);
        assertThat(RunEvent.Stream.of(OutputListener.Stream.STDOUT)).isEqualTo(RunEvent.Stream.STDOUT);
    }
}
