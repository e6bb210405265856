package com.upgradecoordination.platform.relay;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Store-and-forward relay from this service's event store to Kafka (SPEC K3).
 *
 * <p>It is a streaming event processor over the event store: its token in {@code tokenentry} is the
 * stored position. An event's token advances only after the broker acknowledged the record
 * (acks=all, idempotent producer); a failure propagates, the processor backs off and retries the
 * same event, so nothing stored is lost whatever crashes when. Delivery is at-least-once and
 * consumers deduplicate on the envelope's event id. HTTP commands never wait for any of this.
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    /** Counts publications the broker did not acknowledge in time; each is retried. */
    public static final String FAILURES_METRIC = "platform.relay.failures";
    /** Counts records the broker acknowledged. */
    public static final String PUBLISHED_METRIC = "platform.relay.published";

    private final IntegrationEventTranslator translator;
    private final EnvelopeFactory envelopeFactory;
    private final KafkaTemplate<String, EventEnvelope> kafkaTemplate;
    private final Duration acknowledgementTimeout;
    private final Counter failures;
    private final Counter published;

    IntegrationEventRelay(IntegrationEventTranslator translator, EnvelopeFactory envelopeFactory,
                          KafkaTemplate<String, EventEnvelope> kafkaTemplate, Duration acknowledgementTimeout,
                          MeterRegistry meters) {
        this.translator = translator;
        this.envelopeFactory = envelopeFactory;
        this.kafkaTemplate = kafkaTemplate;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.failures = meters.counter(FAILURES_METRIC);
        this.published = meters.counter(PUBLISHED_METRIC);
    }

    @EventHandler
    public void relay(Object domainEvent, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        Optional<OutboundIntegrationEvent> outbound = translator.translate(domainEvent);
        if (outbound.isEmpty()) {
            return;
        }
        EventEnvelope envelope = envelopeFactory.envelope(message, outbound.get());
        EventContract contract = IntegrationEventCatalog.contractOf(outbound.get().payload().getClass());
        try {
            kafkaTemplate.send(contract.topic(), envelope.caseId(), envelope)
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
            published.increment();
        } catch (RuntimeException | ExecutionException | TimeoutException notAcknowledged) {
            // KafkaTemplate throws at once when it cannot even get the topic's metadata, and fails the
            // future when the broker does not acknowledge in time: both count, both are retried.
            failures.increment();
            throw notAcknowledged;
        }
    }
}
