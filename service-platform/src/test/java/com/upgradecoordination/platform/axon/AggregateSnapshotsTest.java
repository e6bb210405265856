package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.audit.state.AggregateStates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

class AggregateSnapshotsTest {

    enum Stage { OPEN, CLOSED }

    record Part(String name, int count, Set<Stage> stages) {
    }

    /** Shaped like the services' aggregates: private fields, final collections, records, no accessors. */
    static class SampleAggregate {
        private String id;
        private Stage stage;
        private LocalDate started;
        private Instant until;
        private boolean flag;
        private int version;
        private Part part;
        private List<Part> parts = List.of();
        private String absent;
        private final Set<String> open = new HashSet<>();
        private final Map<String, Integer> pending = new HashMap<>();

        protected SampleAggregate() {
        }
    }

    @Test
    void anAggregateComesBackFromItsSnapshotWithEveryField() {
        SampleAggregate aggregate = new SampleAggregate();
        aggregate.id = "case-1";
        aggregate.stage = Stage.OPEN;
        aggregate.started = LocalDate.of(2026, 11, 30);
        aggregate.until = Instant.parse("2026-12-01T10:15:30.123456Z");
        aggregate.flag = true;
        aggregate.version = 7;
        aggregate.part = new Part("gitaly", 3, Set.of(Stage.OPEN, Stage.CLOSED));
        aggregate.parts = List.of(new Part("rails", 2, Set.of()), new Part("sidekiq", 4, Set.of(Stage.OPEN)));
        aggregate.open.addAll(Set.of("request-1", "request-2"));
        aggregate.pending.put("review-1", 2);

        Serializer serializer = AggregateSnapshots.serializer();
        SerializedObject<byte[]> snapshot = serializer.serialize(aggregate, byte[].class);
        SampleAggregate restored = serializer.deserialize(snapshot);

        assertThat(AggregateStates.render(restored)).isEqualTo(AggregateStates.render(aggregate));
        assertThat(restored.open).containsExactlyInAnyOrder("request-1", "request-2");
        assertThat(restored.pending).containsEntry("review-1", 2);
    }
}
