package com.upgradecoordination.platform.audit.state;

import com.upgradecoordination.platform.audit.AuditNotFoundException;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An aggregate's state as of a sequence number or a moment (SPEC A2): its stored events up to that
 * point replayed through the aggregate's own event-sourcing handlers, exactly as Axon does when it
 * loads the aggregate for a command. No second copy of the state logic, no projection.
 *
 * <p>The aggregate classes are the ones the Axon configuration knows (every {@code @Aggregate} of
 * the service); the event store's type column says which one a stream belongs to. The state is
 * shown as the aggregate's fields (whatever their visibility), with properties and map keys sorted
 * so two renderings of equal states are equal text.
 */
public class AggregateStates implements AutoCloseable {

    /**
     * Renders an aggregate root by its fields, in a stable order: properties, map keys and set
     * elements sorted (a set's iteration order depends on how it was built, e.g. from a snapshot).
     */
    public static final JsonMapper FIELD_MAPPER = AggregateSnapshots.byFields(JsonMapper.builder())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("sets-in-order").addSerializer(Set.class, new SetInOrder()))
            .build();

    /** A set as an array of its elements in their natural order (by text where they have none). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class SetInOrder extends ValueSerializer<Set> {

        @Override
        public void serialize(Set value, JsonGenerator generator, SerializationContext context) {
            List<Object> ordered = new ArrayList<>(value);
            ordered.sort((a, b) -> a instanceof Comparable comparable && b != null && a.getClass() == b.getClass()
                    ? comparable.compareTo(b) : String.valueOf(a).compareTo(String.valueOf(b)));
            context.writeValue(generator, ordered);
        }
    }

    private record Replayer<T>(AggregateConfiguration<T> configuration, AggregateModel<T> model) {

        Object replay(String aggregateId, DomainEventMessage<?> first, DomainEventStream events) throws Exception {
            T root = configuration.aggregateFactory().createAggregateRoot(aggregateId, first);
            EventSourcedAggregate<T> aggregate =
                    EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(events);
            return aggregate.getAggregateRoot();
        }
    }

    /** The events a replay applied: how many, and the last of them. */
    private static final class Applied implements Consumer<DomainEventMessage<?>> {

        private int count;
        private DomainEventMessage<?> last;

        @Override
        public void accept(DomainEventMessage<?> event) {
            count++;
            last = event;
        }
    }

    /** How many events the applying stage of {@link #readAhead} may be behind the deserializing one. */
    private static final int READ_AHEAD = 256;

    private final Configuration axon;
    private final EventStore eventStore;
    /**
     * The threads of the reading stages: a pool of their own. The audit endpoints call this class on
     * Reactor's shared bounded elastic pool and wait for the stages; were the stages queued on that
     * pool too, as many concurrent reads as it has threads would wait for each other for ever. A
     * stage never waits for a caller (it emits what was asked for and returns its thread), so a few
     * threads serve any number of reads.
     */
    private final Scheduler readingStages = Schedulers.newBoundedElastic(
            2 * Runtime.getRuntime().availableProcessors(), Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE,
            "audit-read-ahead", 60, true);
    private volatile Map<String, Replayer<?>> replayersByType;
    /**
     * How many rows one query of the store reads, and so how many events the reading stage may run
     * ahead of the deserializing one: the store reads its next rows when the last are all handed on;
     * with less room than that, the stages after it ran dry while each query ran (issue 13).
     */
    private final int rowsPerQuery;

    /** @param rowsPerQuery how many rows one query of the store reads ({@code platform.event-store.batch-size}) */
    public AggregateStates(Configuration axon, EventStore eventStore, int rowsPerQuery) {
        if (rowsPerQuery < 1) {
            throw new IllegalArgumentException("rowsPerQuery: at least 1, was " + rowsPerQuery);
        }
        this.axon = axon;
        this.eventStore = eventStore;
        this.rowsPerQuery = rowsPerQuery;
    }

    /** Stops the reading stages' threads (Spring calls it when the context closes). */
    @Override
    public void close() {
        readingStages.dispose();
    }

    public AggregateState asOfSequence(String aggregateId, long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("asOfSequence: must be 0 or more");
        }
        return replay(aggregateId, event -> event.getSequenceNumber() <= sequence, "sequence " + sequence);
    }

    public AggregateState asOf(String aggregateId, Instant moment) {
        return replay(aggregateId, event -> !event.getTimestamp().isAfter(moment), moment.toString());
    }

    public AggregateState current(String aggregateId) {
        return replay(aggregateId, event -> true, "now");
    }

    /** The JSON rendering of an aggregate root used for every state this answers. */
    public static JsonNode render(Object aggregateRoot) {
        return FIELD_MAPPER.valueToTree(aggregateRoot);
    }

    private AggregateState replay(String aggregateId, Predicate<DomainEventMessage<?>> upTo, String point) {
        // from sequence 0: a snapshot would skip the events an earlier point needs
        DomainEventStream stored = eventStore.readEvents(aggregateId, 0);
        if (!stored.hasNext()) {
            throw new AuditNotFoundException("Nothing found with id " + aggregateId);
        }
        DomainEventMessage<?> first = stored.peek();
        if (!upTo.test(first)) {
            throw new AuditNotFoundException(
                    aggregateId + " did not exist yet at " + point + ": its first event came later");
        }
        Replayer<?> replayer = replayers().get(first.getType());
        if (replayer == null) {
            throw new IllegalStateException("No aggregate of type " + first.getType() + " is configured here");
        }
        // Each event goes from the store's reads straight into the aggregate and is garbage after it:
        // a long stream is never held whole (the store reads it a batch of rows at a time), and the
        // reading stops at the first event past the point. The rows are read and deserialized on
        // other threads while this one applies them (issue 13); closing the stream stops that reading.
        Applied applied = new Applied();
        try (Stream<? extends DomainEventMessage<?>> upToThePoint = readAhead(stored.asStream().takeWhile(upTo))) {
            Object root = replayer.replay(aggregateId, first, DomainEventStream.of(upToThePoint.peek(applied)));
            return new AggregateState(aggregateId, first.getType(), applied.last.getSequenceNumber(),
                    applied.last.getTimestamp(), applied.count, render(root));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot replay " + aggregateId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The events in three stages, each on a thread of its own: one reads the rows from the store, one
     * deserializes them (both on {@link #readingStages}), at most a query's rows apart, so the next
     * query runs while the last one's rows are deserialized; and the caller applies them, at most
     * {@link #READ_AHEAD} events behind, taking them from the returned stream (where a failure of the
     * reading is thrown). Reading and deserializing take about as long each, applying less (issue 13).
     * Closing the stream cancels the reading.
     */
    private Stream<? extends DomainEventMessage<?>> readAhead(Stream<? extends DomainEventMessage<?>> events) {
        return Flux.fromStream(events)
                .subscribeOn(readingStages)
                .publishOn(readingStages, rowsPerQuery)
                .doOnNext(event -> {
                    event.getPayload();
                    event.getTimestamp();
                })
                .toStream(READ_AHEAD);
    }

    private Map<String, Replayer<?>> replayers() {
        if (replayersByType == null) {
            Map<String, Replayer<?>> replayers = new HashMap<>();
            for (AggregateConfiguration<?> configuration : axon.findModules(AggregateConfiguration.class)) {
                Replayer<?> replayer = replayerOf(configuration);
                replayers.put(replayer.model().type(), replayer);
            }
            replayersByType = Map.copyOf(replayers);
        }
        return replayersByType;
    }

    /** The aggregate's model as Axon builds it: the same parameter resolvers and handler definitions. */
    private <T> Replayer<T> replayerOf(AggregateConfiguration<T> configuration) {
        Class<T> type = configuration.aggregateType();
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type,
                axon.parameterResolverFactory(), axon.handlerDefinition(type));
        return new Replayer<>(configuration, model);
    }
}
