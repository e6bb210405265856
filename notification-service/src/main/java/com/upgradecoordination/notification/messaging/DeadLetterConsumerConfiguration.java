package com.upgradecoordination.notification.messaging;

import com.upgradecoordination.events.EventEnvelope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's Kafka consumers: the platform's settings (envelopes through an
 * {@link ErrorHandlingDeserializer}, manual commits per record, transient failures retried with
 * backoff), except that a record that cannot be read as an envelope is not only skipped but kept:
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
        Map<String, Object> config = kafkaProperties.buildConsumerProperties();
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, serviceName);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ErrorHandlingDeserializer<EventEnvelope> values = new ErrorHandlingDeserializer<>(
                new JacksonJsonDeserializer<>(EventEnvelope.class, jsonMapper, false));
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
        // Offsets are committed once per poll, not per record: after a crash the records of that poll
        // come again and the inbox finds them done (issue 13 measured the difference: docs/performance.md).
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        // A tombstone carries no event for any listener (an unreadable record never gets this far).
        factory.setRecordFilterStrategy(record -> record.value() == null);

        // A DeserializationException is not retryable: the recoverer gets it at once. Other failures
        // (database, timeouts) are retried with backoff until they pass, as the platform does, so a
        // case's events keep their order; the recoverer would only see them if that ever stopped.
        Map<Class<?>, KafkaOperations<?, ?>> deadLetterTemplates = new LinkedHashMap<>();
        deadLetterTemplates.put(byte[].class, rawRecordTemplate(kafkaProperties));
        deadLetterTemplates.put(EventEnvelope.class, envelopeKafkaTemplate);
        // partition -1: the producer picks one, so the dead-letter topic needs no particular partition count
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplates,
                (record, failure) -> new TopicPartition(DEAD_LETTER_TOPIC, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(toDeadLetters, backOff));
        return factory;
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
