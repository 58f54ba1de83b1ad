package dev.upkeep.run;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunOptionsBuilderTest {
    @Test
    void optionsAreMadeOnlyByNameNeverByPosition() {
        assertThat(Arrays.stream(RunOptions.class.getDeclaredConstructors()).filter(c -> Modifier.isPublic(c.getModifiers())))
                .as("no public positional constructor").isEmpty();
        for (Constructor<?> c : RunOptions.class.getDeclaredConstructors()) {
            assertThat(c.getParameterCount()).as(c.toString()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void anOptionNotNamedKeepsItsDefault() {
        RunOptions o = RunOptions.builder().docker(true).build();
        assertThat(o.docker()).isTrue();
        assertThat(o.security()).isFalse();
        assertThat(o.strategy()).isEqualTo(RunOptions.Strategy.PARALLEL);
        assertThat(o.concurrency()).isEqualTo(1);
        assertThat(o.lockWait()).isEqualTo(RunOptions.DEFAULT_LOCK_WAIT);
        assertThat(o.reboot()).isEqualTo(RunOptions.Reboot.NONE);
        assertThat(o.keepOneUp()).isTrue();
        assertThat(o.failuresAllowed(10)).as("parallel without reboot never stops early").isNull();
    }

    @Test
    void aCopyWithOneChangeKeepsEverythingElse() {
        RunOptions o = RunOptions.builder().security(true).concurrency(7).lockWait(Duration.ofSeconds(9)).repairDpkg(true)
                .reboot(RunOptions.Reboot.ALWAYS).rebootTimeoutSeconds(60).keepOneUp(false).build();
        RunOptions rolling = o.rolling(Share.parse("25%")).withMaxFailures(2);
        assertThat(rolling.toBuilder().strategy(RunOptions.Strategy.PARALLEL).batch(null).maxFailures(null)
                .failureLimit(null).build()).isEqualTo(o);
        assertThat(rolling.maxFailures()).isEqualTo(2);
        assertThat(rolling.failureLimit()).isEqualTo(Share.count(2));
    }

    @Test
    void aCountGivenTwiceDifferentlyIsRefused() {
        assertThatThrownBy(() -> RunOptions.builder().maxFailures(2).failureLimit(Share.count(3)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max failures given twice");
        assertThatThrownBy(() -> RunOptions.builder().concurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("concurrency");
    }
}
