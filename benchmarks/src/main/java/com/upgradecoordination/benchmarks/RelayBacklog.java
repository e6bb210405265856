package com.upgradecoordination.benchmarks;

import com.upgradecoordination.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How far the relay is behind the event store (events stored but not yet on the topic), and how fast
 * it drains that backlog once the commands stop.
 */
final class RelayBacklog {

    record Drain(long backlog, double seconds) {

        double perSecond() {
            return seconds == 0 ? Double.NaN : backlog / seconds;
        }
    }

    private final Map<String, String> database;
    private final String bootstrapServers;

    RelayBacklog(Map<String, String> serviceSettings, String bootstrapServers) {
        this.database = serviceSettings;
        this.bootstrapServers = bootstrapServers;
    }

    /** Waits (up to {@code within}) until every stored event of the coordination topic is on it. */
    Drain drain(Duration within) throws SQLException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
             Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                     database.get("spring.datasource.username"), database.get("spring.datasource.password"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COORDINATION).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            long start = System.nanoTime();
            long stored = publishedEventsStored(connection);
            long backlog = stored - onTopic(consumer, partitions);
            long end = start + within.toNanos();
            while (onTopic(consumer, partitions) < stored) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the relay did not drain " + backlog + " events within " + within);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return new Drain(Math.max(0, backlog), (System.nanoTime() - start) / 1e9);
        }
    }

    /** Every event but the benchmark register's, which coordination-service keeps to itself. */
    private static long publishedEventsStored(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT COUNT(*) FROM domainevententry WHERE payloadtype NOT LIKE '%GptBenchmarkRegisteredEvent'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long onTopic(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
}
