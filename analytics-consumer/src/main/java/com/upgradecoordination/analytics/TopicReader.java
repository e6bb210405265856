package com.upgradecoordination.analytics;

import com.upgradecoordination.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of the three topics from its beginning, each partition in its order, with
 * plain kafka-clients. The figures live in memory, so every start reads everything again: it joins no
 * consumer group and commits no offset (a consumer that keeps its figures in a database would commit
 * its offsets, and the event ids it has counted, in the same transaction as the figures).
 */
final class TopicReader implements AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.COORDINATION, Topics.REVIEW, Topics.NOTIFICATION);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOOK_FOR_NEW_PARTITIONS = Duration.ofSeconds(10);

    private final KafkaConsumer<String, String> consumer;
    private final Set<TopicPartition> assigned = new HashSet<>();

    TopicReader(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a reader must not create the topics it looks for: their producers do
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // records of a producer's aborted transactions are not events
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record there is now, from the beginning up to each partition's end as it is now. */
    void readToEnd(Consumer<String> values) {
        assignNewPartitions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            poll(values);
        }
    }

    /** From the beginning, then every new record, until {@code keepGoing} says no; new topics and partitions join. */
    void follow(Consumer<String> values, BooleanSupplier keepGoing) {
        Instant lookedForPartitions = Instant.MIN;
        while (keepGoing.getAsBoolean()) {
            if (Instant.now().isAfter(lookedForPartitions.plus(LOOK_FOR_NEW_PARTITIONS))) {
                assignNewPartitions();
                lookedForPartitions = Instant.now();
            }
            poll(values);
        }
    }

    private void poll(Consumer<String> values) {
        if (assigned.isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            values.accept(record.value());
        }
    }

    /** Partitions of the topics not yet read are added and read from their beginning; a missing topic is skipped. */
    private void assignNewPartitions() {
        Set<TopicPartition> found = new HashSet<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
        }
        found.removeAll(assigned);
        if (found.isEmpty()) {
            return;
        }
        assigned.addAll(found);
        consumer.assign(assigned);
        consumer.seekToBeginning(found);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
