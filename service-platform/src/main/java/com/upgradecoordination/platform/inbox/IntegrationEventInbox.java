package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.Actor;
import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.domain.RuleViolationException;
import com.upgradecoordination.platform.observability.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * Gives an integration event's effect exactly once although Kafka delivers at least once.
 *
 * <p>The event id is recorded in {@code processed_integration_event} in the same database
 * transaction as the effect (Axon's unit of work joins it, so the effect's events are appended in
 * it too): a redelivered record finds its id and does nothing.
 *
 * <p>A record that can never take effect (the domain refused the command, the command was
 * invalid, or the payload cannot be read as its contract) is recorded as REJECTED with the reason
 * and not retried, so it cannot block its partition. Any other failure (database, timeout) rolls
 * back and propagates, so the Kafka listener retries the record.
 *
 * <p>A poll's records can share one transaction ({@link #handleAllOnce}): one commit instead of one
 * per record. Any failure there undoes them all, and the caller takes them one at a time instead.
 */
public class IntegrationEventInbox {

    public enum Outcome { APPLIED, DUPLICATE, REJECTED }

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventInbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String serviceName;
    private final Clock clock;
    private final MeterRegistry meters;

    public IntegrationEventInbox(JdbcClient jdbc, TransactionTemplate transactions, String serviceName, Clock clock,
                                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.serviceName = serviceName;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Registers the consumer's outcome counters at zero, so a first REJECTED shows as an increase
     * (Prometheus sees no increase in a series that starts at 1).
     */
    void expectConsumer(String consumer) {
        for (Outcome outcome : Outcome.values()) {
            outcomes(consumer, outcome);
        }
    }

    private Counter outcomes(String consumer, Outcome outcome) {
        return Counter.builder(MetricNames.INBOX_EVENTS)
                .description("Integration events handled by the inbox, by consumer and outcome")
                .tag("consumer", consumer)
                .tag("outcome", outcome.name())
                .register(meters);
    }

    /**
     * Runs {@code effect} once per (consumer, event id).
     *
     * @param consumer the name of the consuming handler, unique within this service
     * @param effect   receives the envelope and the audit metadata to put on the commands it sends
     */
    public Outcome handleOnce(String consumer, ConsumerRecord<String, EventEnvelope> record,
                              EffectWithAudit effect) {
        Outcome outcome = handle(consumer, record, effect);
        outcomes(consumer, outcome).increment();
        return outcome;
    }

    private Outcome handle(String consumer, ConsumerRecord<String, EventEnvelope> record, EffectWithAudit effect) {
        EventEnvelope envelope = record.value();
        String source = sourceOf(record);
        AuditMetadata audit = auditOf(envelope, source);
        try {
            Boolean applied = transactions.execute(status -> {
                if (!markProcessed(consumer, envelope, source, Outcome.APPLIED, null)) {
                    return false;
                }
                effect.apply(envelope, audit);
                return true;
            });
            return Boolean.TRUE.equals(applied) ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (RuleViolationException | IllegalArgumentException | JacksonException refused) {
            log.warn("{} refused {} {} from {}: {}", consumer, envelope.type(), envelope.eventId(), source,
                    refused.getMessage());
            String reason = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
            transactions.executeWithoutResult(status -> markProcessed(consumer, envelope, source, Outcome.REJECTED,
                    reason.length() > 2000 ? reason.substring(0, 2000) : reason));
            return Outcome.REJECTED;
        }
    }

    /**
     * Runs each delivery's effect once, all in one transaction. Any failure, a refusal included,
     * undoes every delivery and propagates: the caller then takes them one at a time with
     * {@link #handleOnce}, where a refusal is recorded as REJECTED and another failure is retried from
     * the record that caused it.
     *
     * @return each delivery's outcome, APPLIED or DUPLICATE, in order
     */
    public List<Outcome> handleAllOnce(List<Delivery> deliveries) {
        List<Outcome> outcomes = transactions.execute(status -> {
            List<Outcome> each = new ArrayList<>(deliveries.size());
            for (Delivery delivery : deliveries) {
                EventEnvelope envelope = delivery.record().value();
                String source = sourceOf(delivery.record());
                if (markProcessed(delivery.consumer(), envelope, source, Outcome.APPLIED, null)) {
                    delivery.effect().apply(envelope, auditOf(envelope, source));
                    each.add(Outcome.APPLIED);
                } else {
                    each.add(Outcome.DUPLICATE);
                }
            }
            return each;
        });
        for (int i = 0; i < deliveries.size(); i++) {
            outcomes(deliveries.get(i).consumer(), outcomes.get(i)).increment();
        }
        return outcomes;
    }

    /** One record's effect under one inbox consumer name. */
    public record Delivery(String consumer, ConsumerRecord<String, EventEnvelope> record, EffectWithAudit effect) {
    }

    private AuditMetadata auditOf(EventEnvelope envelope, String source) {
        return new AuditMetadata(
                Actor.serviceAccount(serviceName), envelope.correlationId(), envelope.eventId(), "kafka " + source);
    }

    /** Where a record was read: {@code topic-partition@offset}. */
    public static String sourceOf(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private boolean markProcessed(String consumer, EventEnvelope envelope, String source, Outcome outcome,
                                  String detail) {
        int inserted = jdbc.sql("""
                        INSERT INTO processed_integration_event
                            (consumer, event_id, event_type, source, outcome, detail, processed_at)
                        VALUES (:consumer, :eventId, :type, :source, :outcome, :detail, :processedAt)
                        ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("eventId", envelope.eventId())
                .param("type", envelope.type())
                .param("source", source)
                .param("outcome", outcome.name())
                .param("detail", detail)
                .param("processedAt", Timestamp.from(clock.instant()))
                .update();
        return inserted == 1;
    }

    /** The effect of one integration event. */
    @FunctionalInterface
    public interface EffectWithAudit {
        void apply(EventEnvelope envelope, AuditMetadata audit);
    }
}
