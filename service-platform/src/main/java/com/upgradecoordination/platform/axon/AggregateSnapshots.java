package com.upgradecoordination.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots of long aggregates (issue 13): an aggregate annotated
 * {@code @Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)} is snapshotted every
 * {@code platform.snapshots.after-events} events, so loading it reads its latest snapshot and the
 * events after it instead of its whole stream.
 *
 * <p>A snapshot is the aggregate root by its fields (whatever their visibility, as
 * {@code AggregateStates} renders it for auditors), so the domain classes need no getters or
 * annotations for it. Snapshots are a cache, not evidence: they are not hash-chained, the audit
 * endpoints never read them, and one that cannot be read is skipped (Axon then replays the whole
 * stream). An aggregate whose fields change gets a new {@code @Revision}: its older snapshots are
 * then ignored.
 */
public final class AggregateSnapshots {

    /** The bean name aggregates give as their snapshot trigger definition. */
    public static final String TRIGGER = "aggregateSnapshotTrigger";

    /** The serializer of snapshot payloads: the aggregate root's fields. */
    public static Serializer serializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> byFields(mapper)
                        // the aggregates' collections are final fields, initialised where declared
                        .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS))
                .build();
    }

    /** Jackson sees an aggregate root by its fields, whatever their visibility, and by nothing else. */
    public static JsonMapper.Builder byFields(JsonMapper.Builder mapper) {
        return mapper.changeDefaultVisibility(visibility -> visibility
                .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY));
    }

    static SnapshotTriggerDefinition everyEvents(Snapshotter snapshotter, int events) {
        if (events < 1) {
            throw new IllegalArgumentException("platform.snapshots.after-events: at least 1, was " + events);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    private AggregateSnapshots() {
    }
}
