package io.slipway.platform.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Choosing instances: least loaded, under the per-instance limit, skipping excluded ones. */
class RoutingTableTests {

    private final RoutingTable.Target a = new RoutingTable.Target("a", 1001);
    private final RoutingTable.Target b = new RoutingTable.Target("b", 1002);

    @Test
    void acquireSpreadsOverInstancesAndStopsAtTheLimit() {
        RoutingTable table = new RoutingTable();
        table.set("iris", List.of(a, b), 2);

        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(table.acquire("iris", Set.of()).orElseThrow().instanceId());
        }

        assertThat(chosen).containsExactlyInAnyOrder("a", "a", "b", "b");
        assertThat(table.acquire("iris", Set.of())).isEmpty();
        table.finished(b);
        assertThat(table.acquire("iris", Set.of())).contains(b);
    }

    @Test
    void theOldSetKeepsTheLimitAndDefaultsToEight() {
        RoutingTable table = new RoutingTable();
        table.set("iris", List.of(a));
        assertThat(table.limit("iris")).isEqualTo(8);
        table.setLimit("iris", 3);
        table.set("iris", List.of(a, b));
        assertThat(table.limit("iris")).isEqualTo(3);
        assertThatIllegalArgumentException().isThrownBy(() -> table.setLimit("iris", 0))
                .withMessageContaining("maxConcurrency");
    }

    @Test
    void excludedInstancesAreSkippedAndChooseIgnoresTheLimit() {
        RoutingTable table = new RoutingTable(1);
        table.set("iris", List.of(a, b));

        assertThat(table.acquire("iris", Set.of("a"))).contains(b);
        assertThat(table.hasTargets("iris", Set.of("a", "b"))).isFalse();
        assertThat(table.choose("iris")).contains(a);
        assertThat(table.inFlight("b")).isEqualTo(1);
    }

    @Test
    void capacityListenersHearOfFreedSlotsAndNewInstances() {
        RoutingTable table = new RoutingTable();
        List<String> heard = new ArrayList<>();
        table.onCapacity(heard::add);
        table.set("iris", List.of(a));
        table.started(a);
        table.finished(a);
        assertThat(heard).containsExactly("iris", "iris");
    }
}
