package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTests {

    @Test
    void closestFindsTyposCaseAndSwaps() {
        assertThat(Hints.closest("maxInstanses", Schema.SCALING)).isEqualTo("maxInstances");
        assertThat(Hints.closest("maxinstances", Schema.SCALING)).isEqualTo("maxInstances");
        assertThat(Hints.closest("modle", Schema.ROOT)).isEqualTo("model");
        assertThat(Hints.closest("worker", Schema.SERVING)).isEqualTo("workers");
    }

    @Test
    void closestWhenNothingNearIsNull() {
        assertThat(Hints.closest("replicas", Schema.SCALING)).isNull();
        assertThat(Hints.closest("x", List.of("cpu"))).isNull();
    }

    @Test
    void unknownFieldNamesTheRightSection() {
        assertThat(Hints.unknownField("targetConcurrency", Schema.SERVING))
                .isEqualTo("unknown field here; targetConcurrency belongs under scaling");
        assertThat(Hints.unknownField("cron", Schema.SCALING))
                .isEqualTo("unknown field here; cron belongs in the items of scaling.schedule");
        assertThat(Hints.unknownField("colour", Schema.RESOURCES))
                .isEqualTo("unknown field; expected one of cpu, memory");
    }

}
