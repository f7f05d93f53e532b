package io.greenscale.daemon.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionCostsTest {

    @Test
    void busy_pods_cost_their_in_flight_jobs_and_idle_or_unknown_pods_cost_nothing() {
        Map<String, Integer> costs = DeletionCosts.of(List.of("w-0", "w-1", "w-2"), Map.of("w-0", 3L, "w-2", 0L, "gone-pod", 9L));
        assertThat(costs).containsExactly(Map.entry("w-0", 3), Map.entry("w-1", 0), Map.entry("w-2", 0));
    }

    @Test
    void only_pods_whose_annotation_differs_are_patched() {
        Map<String, String> current = new HashMap<>();
        current.put("w-0", "3");
        current.put("w-1", "5");
        current.put("w-2", null);
        assertThat(DeletionCosts.changes(Map.of("w-0", 3, "w-1", 0, "w-2", 0), current))
                .containsOnly(Map.entry("w-1", 0), Map.entry("w-2", 0));
    }
}
