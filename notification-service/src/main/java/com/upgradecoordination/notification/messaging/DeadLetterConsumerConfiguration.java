package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.inbox.EnvelopeListenerContainers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's Kafka consumers: the platform's settings ({@link EnvelopeListenerContainers}),
 * except that a record that cannot be read as an envelope is not only skipped but kept:
 * it is published, byte for byte, to {@value #DEAD_LETTER_TOPIC} (SPEC N4) with spring-kafka's
 * {@code kafka_dlt-*} headers naming its topic, partition, offset and the exception. Its partition
 * then goes on with the next record.
 *
 * <p>One dead-letter topic for the service rather than {@code <topic>.DLT}: other services read the
 * same topics, and their poison records are theirs to keep.
 */
@Configuration
public class DeadLetterConsumerConfiguration {

    public static final String CONTAINER_FACTORY = "notificationListenerContainerFactory";
    public static final String DEAD_LETTER_TOPIC = "upgrade.notification.dlt";

    @Bean(CONTAINER_FACTORY)
    public ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> notificationListenerContainerFactory(
            KafkaProperties kafkaProperties, JsonMapper jsonMapper,
            KafkaTemplate<String, EventEnvelope> envelopeKafkaTemplate,
            @Value("${spring.application.name}") String serviceName) {
        // A DeserializationException is not retryable: the recoverer gets it at once. Other failures
        // (database, timeouts) are retried with backoff until they pass, so a case's events keep their
        // order; the recoverer would only see them if that ever stopped.
        Map<Class<?>, KafkaOperations<?, ?>> deadLetterTemplates = new LinkedHashMap<>();
        deadLetterTemplates.put(byte[].class, rawRecordTemplate(kafkaProperties));
        deadLetterTemplates.put(EventEnvelope.class, envelopeKafkaTemplate);
        // partition -1: the producer picks one, so the dead-letter topic needs no particular partition count
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplates,
                (record, failure) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        return EnvelopeListenerContainers.factory(kafkaProperties, jsonMapper, serviceName, toDeadLetters);
    }

    /** Publishes an unreadable record's original bytes. */
    private static KafkaTemplate<String, byte[]> rawRecordTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }
}
