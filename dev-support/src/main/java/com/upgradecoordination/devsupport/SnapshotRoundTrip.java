package com.upgradecoordination.devsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.audit.state.AggregateStates;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Checks that an aggregate comes back from its snapshot ({@link AggregateSnapshots}) with every
 * field as it was: after each event of a stream, the state replayed from the events and the state
 * restored from a snapshot of it render alike.
 */
public final class SnapshotRoundTrip {

    /** Asserts the round trip after every prefix of {@code events} (each one a domain event payload). */
    public static <T> void assertEveryStateSurvivesASnapshot(Class<T> aggregateType, String aggregateId,
                                                            Object... events) {
        Serializer serializer = AggregateSnapshots.serializer();
        for (int applied = 1; applied <= events.length; applied++) {
            T replayed = replay(aggregateType, aggregateId, List.of(events).subList(0, applied));
            SerializedObject<byte[]> snapshot = serializer.serialize(replayed, byte[].class);
            Object restored = serializer.deserialize(snapshot);
            assertThat(restored).isInstanceOf(aggregateType);
            assertThat(AggregateStates.render(restored))
                    .as("%s after %d event(s), the last %s", aggregateType.getSimpleName(), applied,
                            events[applied - 1].getClass().getSimpleName())
                    .isEqualTo(AggregateStates.render(replayed));
        }
    }

    private static final ParameterResolver<Object> NOT_NEEDED_TO_REPLAY = new ParameterResolver<>() {
        @Override
        public Object resolveParameterValue(Message<?> message) {
            throw new IllegalStateException("Only event-sourcing handlers run in a replay");
        }

        @Override
        public boolean matches(Message<?> message) {
            return false;
        }
    };

    /** The aggregate as Axon rebuilds it from these events, through its own event-sourcing handlers. */
    public static <T> T replay(Class<T> aggregateType, String aggregateId, List<Object> payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(aggregateType.getSimpleName(), aggregateId, events.size(),
                    payload));
        }
        try {
            Constructor<T> constructor = aggregateType.getDeclaredConstructor();
            constructor.setAccessible(true);
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(),
                    replayModel(aggregateType), null, NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(events));
            return aggregate.getAggregateRoot();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(aggregateType + " needs a no-argument constructor", e);
        }
    }

    /**
     * Axon's model of the aggregate for replays: its event-sourcing handlers as the repository
     * inspects them. Command handlers may ask for resources (a catalog, a clock) that a replay never
     * needs; they are not provided.
     */
    public static <T> AggregateModel<T> replayModel(Class<T> aggregateType) {
        ParameterResolverFactory resources = new MultiParameterResolverFactory(
                ClasspathParameterResolverFactory.forClass(aggregateType),
                (executable, parameters, index) -> NOT_NEEDED_TO_REPLAY);
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, resources);
    }

    private SnapshotRoundTrip() {
    }
}
