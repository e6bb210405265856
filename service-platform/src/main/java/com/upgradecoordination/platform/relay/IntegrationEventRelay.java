package com.upgradecoordination.platform.relay;

import com.upgradecoordination.events.EnvelopeHeaders;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.events.IntegrationEventCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.upgradecoordination.platform.observability.MetricNames;
import com.upgradecoordination.platform.observability.TraceContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Store-and-forward relay from this service's event store to Kafka (SPEC K3).
 *
 * <p>It is a streaming event processor over the event store: its token in {@code tokenentry} is the
 * stored position. A batch's token advances only after the broker acknowledged every record of the
 * batch (acks=all, idempotent producer); a failure propagates, the processor backs off and retries
 * the batch, so nothing stored is lost whatever crashes when. Delivery is at-least-once and
 * consumers deduplicate on the envelope's event id. HTTP commands never wait for any of this.
 *
 * <p>Each record carries the trace of the request that stored the event in its {@code traceparent}
 * header, taken as stored in the event's metadata, so its consumer continues that trace (decision
 * D19). The relay opens no span of its own: a span and the template's observation per record were a
 * quarter of the relay's CPU in a drain (issue 13).
 */
@ProcessingGroup(IntegrationEventRelay.PROCESSING_GROUP)
public class IntegrationEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    /** Counts publications the broker did not acknowledge in time; each is retried. */
    public static final String FAILURES_METRIC = MetricNames.RELAY_FAILURES;
    /** Counts records the broker acknowledged. */
    public static final String PUBLISHED_METRIC = MetricNames.RELAY_PUBLISHED;
    /** Times each record from its send to the broker's acknowledgement. */
    public static final String SEND_METRIC = MetricNames.RELAY_SEND;

    private static final String IN_FLIGHT = IntegrationEventRelay.class.getName() + ".inFlight";

    private final IntegrationEventTranslator translator;
    private final EnvelopeFactory envelopeFactory;
    private final KafkaTemplate<String, EventEnvelope> kafkaTemplate;
    private final Duration acknowledgementTimeout;
    private final Counter failures;
    private final Counter published;
    private final Timer sends;

    IntegrationEventRelay(IntegrationEventTranslator translator, EnvelopeFactory envelopeFactory,
                          KafkaTemplate<String, EventEnvelope> kafkaTemplate, Duration acknowledgementTimeout,
                          MeterRegistry meters) {
        this.translator = translator;
        this.envelopeFactory = envelopeFactory;
        this.kafkaTemplate = kafkaTemplate;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.failures = meters.counter(FAILURES_METRIC);
        this.published = meters.counter(PUBLISHED_METRIC);
        this.sends = meters.timer(SEND_METRIC);
    }

    /**
     * Sends the event's contract and leaves the broker's acknowledgement to the end of the batch:
     * the batch's sends are in flight together (the producer batches them), and the token moves
     * only once all of them are acknowledged. Any one not acknowledged fails the batch; the
     * processor then retries it from its last token (records already acknowledged go out again:
     * at-least-once, consumers deduplicate). Per case the order holds: one segment reads the store
     * in order and the idempotent producer keeps each partition's order across retries.
     */
    @EventHandler
    public void relay(Object domainEvent, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        Optional<OutboundIntegrationEvent> outbound = translator.translate(domainEvent);
        if (outbound.isEmpty()) {
            return;
        }
        // the newest version first: a consumer of every event that deduplicates on the event id acts on it
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Object traceparent = message.getMetaData().get(TraceContext.TRACEPARENT);
        for (Record payload : outbound.get().payloads()) {
            EventEnvelope envelope = envelopeFactory.envelope(message, outbound.get().caseId(), payload);
            EventContract contract = IntegrationEventCatalog.contractOf(payload.getClass());
            Timer.Sample sending = Timer.start();
            try {
                CompletableFuture<?> send = kafkaTemplate.send(recordOf(contract.topic(), envelope,
                        traceparent == null ? null : traceparent.toString()));
                send.thenRun(() -> sending.stop(sends));
                sent.add(send);
            } catch (RuntimeException noMetadata) {
                // KafkaTemplate throws at once when it cannot even get the topic's metadata
                failures.increment();
                throw noMetadata;
            }
        }
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAcknowledgements(sent);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<CompletableFuture<?>> inFlight = batch.getOrComputeResource(IN_FLIGHT, name -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(committing -> {
                try {
                    awaitAcknowledgements(sends);
                } catch (ExecutionException | TimeoutException | InterruptedException notAcknowledged) {
                    if (notAcknowledged instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("The broker did not acknowledge the relay's batch", notAcknowledged);
                }
            });
            return sends;
        });
        inFlight.addAll(sent);
    }

    /**
     * Keyed by case, so a case keeps its order; its type in the headers, for consumers that pass over
     * others; and the stored trace context, when there is one, for the consumer's span to continue.
     */
    static ProducerRecord<String, EventEnvelope> recordOf(String topic, EventEnvelope envelope, String traceparent) {
        ProducerRecord<String, EventEnvelope> record = new ProducerRecord<>(topic, envelope.caseId(), envelope);
        record.headers()
                .add(EnvelopeHeaders.TYPE, EnvelopeHeaders.typeOf(envelope))
                .add(EnvelopeHeaders.SCHEMA_VERSION, EnvelopeHeaders.schemaVersionOf(envelope));
        if (traceparent != null) {
            record.headers().add(TraceContext.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.increment();
            } catch (RuntimeException | ExecutionException | TimeoutException notAcknowledged) {
                // the broker did not acknowledge in time: counted, and the batch is retried
                failures.increment();
                throw notAcknowledged;
            }
        }
    }
}
