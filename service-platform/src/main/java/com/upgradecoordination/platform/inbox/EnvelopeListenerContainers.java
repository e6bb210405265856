package com.upgradecoordination.platform.inbox;

import com.upgradecoordination.events.EventEnvelope;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the services' listener containers for envelopes are built. Base client settings
 * (bootstrap servers, client ids) come from {@code spring.kafka.*}.
 */
public final class EnvelopeListenerContainers {

    private EnvelopeListenerContainers() {
    }

    /**
     * Envelopes through an {@link ErrorHandlingDeserializer} to listeners of a poll at a time, offsets
     * committed once per poll, and failures retried with back-off until they pass, so a case's events
     * keep their order. A listener names the record that failed with a
     * {@code BatchListenerFailedException}: the records before it are done, it and the rest come again.
     *
     * @param unreadable gets each record that cannot be read as an envelope (the listener names it, with
     *                   its DeserializationException, which is not retried); null: it is logged and skipped
     */
    public static ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory(
            KafkaProperties kafkaProperties, JsonMapper jsonMapper, String serviceName,
            ConsumerRecordRecoverer unreadable) {
        Map<String, Object> config = kafkaProperties.buildConsumerProperties();
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A record that is not an envelope must not kill the consumer: it surfaces as a
        // DeserializationException, which the error handler does not retry. One instance per consumer,
        // configured with its listener's contracts (EnvelopeDeserializer).
        Supplier<Deserializer<EventEnvelope>> values = () -> new ErrorHandlingDeserializer<>(
                new EnvelopeDeserializer(new JacksonJsonDeserializer<>(EventEnvelope.class, jsonMapper, false)));
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, StringDeserializer::new, values));
        // Boot's spring.kafka.listener.concurrency, which a factory built by hand would otherwise ignore:
        // consumers per listener in this instance (each case's events stay in one partition, so in order)
        Integer concurrency = kafkaProperties.getListener().getConcurrency();
        if (concurrency != null) {
            factory.setConcurrency(concurrency);
        }
        // Offsets are committed once per poll, not per record: after a crash the records of that poll
        // come again and the inbox finds them done (issue 13 measured the difference: docs/performance.md).
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setBatchListener(true);
        factory.setRecordFilterStrategy(EnvelopeListenerContainers::passedOver);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(unreadable, backOff));
        return factory;
    }

    /**
     * A record without an envelope that a listener never sees: a tombstone, or a contract it does not
     * handle, left unread (EnvelopeDeserializer). An unreadable record is kept, for the listener to name.
     */
    static boolean passedOver(ConsumerRecord<String, EventEnvelope> record) {
        return record.value() == null && !unreadable(record);
    }

    /** A record that could not be read as an envelope: the deserializer left its failure in a header. */
    static boolean unreadable(ConsumerRecord<String, EventEnvelope> record) {
        return record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null;
    }
}
