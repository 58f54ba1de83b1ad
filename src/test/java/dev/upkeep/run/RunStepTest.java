package dev.upkeep.run;

import dev.upkeep.remote.Step;
import dev.upkeep.ssh.OutputListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's vocabulary says what the procedures say: same names (summary.json, --json), same labels (the window). */
class RunStepTest {
    @ParameterizedTest
    @EnumSource(Step.class)
    void everyProcedureStepBecomesTheRunStepOfTheSameNameAndLabel(Step step) {
        RunStep mapped = RunStep.of(step);
        assertThat(mapped.name()).isEqualTo(step.name());
        assertThat(mapped.label()).isEqualTo(step.label());
        assertThat(mapped.isFinal()).isEqualTo(step.isFinal());
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
