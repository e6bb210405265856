package com.upgradecoordination.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where each streaming processor stands against the event store's head: its position, how many
 * events it has still to handle and how long the oldest of them has waited. For the relay
 * ({@code kafka-relay}) that is what is stored but not yet acknowledged by the broker, since its
 * token moves only after the acknowledgement.
 *
 * <p>A processor's position is known only on the instance that holds its segments; elsewhere the
 * gauges read NaN, which Prometheus aggregations skip.
 */
class ProcessorMetrics {

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessorMetrics(EventStore eventStore, JdbcClient jdbc, Clock clock) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void bindHead(MeterRegistry meters) {
        Gauge.builder(MetricNames.EVENT_STORE_HEAD, this, metrics -> metrics.head().orElse(-1))
                .description("Global index of the newest stored event")
                .register(meters);
    }

    void bind(String name, StreamingEventProcessor processor, MeterRegistry meters) {
        Gauge.builder(MetricNames.PROCESSOR_POSITION, processor, p -> position(p).map(Long::doubleValue).orElse(Double.NaN))
                .description("Lowest position reached by this instance's segments of the processor")
                .tag("processor", name)
                .register(meters);
        Gauge.builder(MetricNames.PROCESSOR_LAG_EVENTS, processor, this::lagEvents)
                .description("Stored events the processor has not handled yet")
                .tag("processor", name)
                .register(meters);
        Gauge.builder(MetricNames.PROCESSOR_LAG_AGE, processor, this::lagSeconds)
                .description("Seconds since the oldest event the processor has not handled was stored")
                .tag("processor", name)
                .baseUnit("seconds")
                .register(meters);
    }

    private double lagEvents(StreamingEventProcessor processor) {
        Optional<Long> position = position(processor);
        OptionalLong head = head();
        if (position.isEmpty() || head.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, head.getAsLong() - position.get());
    }

    private double lagSeconds(StreamingEventProcessor processor) {
        Optional<Long> position = position(processor);
        if (position.isEmpty()) {
            return Double.NaN;
        }
        return jdbc.sql("SELECT timestamp FROM domainevententry WHERE globalindex > :position ORDER BY globalindex LIMIT 1")
                .param("position", position.get())
                .query(String.class)
                .optional()
                .map(stored -> Duration.between(Instant.parse(stored), clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    /** The lowest position of the segments this instance holds; empty when it holds none. */
    private static Optional<Long> position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .map(position -> position.isPresent() ? position.getAsLong() : -1L)
                .min(Long::compare);
    }

    private OptionalLong head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }
}
