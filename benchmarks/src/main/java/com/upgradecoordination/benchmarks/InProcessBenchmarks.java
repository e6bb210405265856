package com.upgradecoordination.benchmarks;

import com.upgradecoordination.coordination.api.DeploymentType;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.EngagementReason;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesStrength;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.domain.Engagement;
import com.upgradecoordination.devsupport.SnapshotRoundTrip;
import com.upgradecoordination.platform.axon.AggregateSnapshots;
import java.lang.reflect.Constructor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU cost of an engagement's load path, without the database or HTTP (JMH): replaying its
 * events through the aggregate's own event-sourcing handlers, reading and writing its snapshot, and
 * serializing an event as the event store does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InProcessBenchmarks {

    static final String ID = "engagement-benchmark";

    List<Object> tenThousandEvents;
    List<DomainEventMessage<?>> tenThousandMessages;
    AggregateModel<Engagement> model;
    Engagement engagement;
    Serializer snapshots;
    SerializedObject<byte[]> snapshot;
    Serializer events;
    RequirementsRecordedEvent requirements;

    @Setup
    public void setUp() {
        tenThousandEvents = new ArrayList<>();
        tenThousandEvents.add(new EngagementOpenedEvent(ID, "Benchmark Corp", "casey.csm",
                Set.of(EngagementReason.GROWTH), DeploymentType.OMNIBUS_MULTI_NODE));
        for (int i = 0; tenThousandEvents.size() < 10_000; i++) {
            boolean large = i % 2 == 0;
            tenThousandEvents.add(new RequirementsRecordedEvent(ID, 1, large ? 6000 : 1000, 12, null, true, false,
                    LocalDate.of(2029, 6, 30)));
            tenThousandEvents.add(new ReferenceArchitectureMatchedEvent(ID, large ? "10k" : "1k", "users"));
            tenThousandEvents.add(new ProfessionalServicesRecommendedEvent(ID, large
                    ? ProfessionalServicesStrength.HIGHLY_RECOMMENDED : ProfessionalServicesStrength.RECOMMENDED,
                    large ? 6000 : 1000));
        }
        tenThousandMessages = new ArrayList<>();
        for (Object event : tenThousandEvents) {
            tenThousandMessages.add(new GenericDomainEventMessage<>("Engagement", ID, tenThousandMessages.size(), event));
        }
        // as the repository does: the model once, not per load
        model = SnapshotRoundTrip.replayModel(Engagement.class);
        engagement = SnapshotRoundTrip.replay(Engagement.class, ID, tenThousandEvents);
        snapshots = AggregateSnapshots.serializer();
        snapshot = snapshots.serialize(engagement, byte[].class);
        events = Jackson3Serializer.builder().build();
        requirements = (RequirementsRecordedEvent) tenThousandEvents.get(1);
    }

    /**
     * An engagement of 10,000 events rebuilt from them through Axon's aggregate model, as a load
     * without snapshot does after reading them (the messages and the model made beforehand).
     */
    @Benchmark
    public Object replayTenThousandEvents() throws Exception {
        EventSourcedAggregate<Engagement> aggregate = EventSourcedAggregate.initialize(newEngagement(), model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(tenThousandMessages));
        return aggregate.getAggregateRoot();
    }

    private static Engagement newEngagement() throws ReflectiveOperationException {
        Constructor<Engagement> constructor = Engagement.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    /** The engagement restored from its snapshot, as a load with snapshot does after reading it. */
    @Benchmark
    public Object readSnapshot() {
        return snapshots.deserialize(snapshot);
    }

    @Benchmark
    public Object writeSnapshot() {
        return snapshots.serialize(engagement, byte[].class);
    }

    @Benchmark
    public Object serializeEvent() {
        return events.serialize(requirements, byte[].class);
    }
}
