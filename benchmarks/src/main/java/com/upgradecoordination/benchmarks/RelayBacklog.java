package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * How far the relay is behind the event store (events stored but not yet on the topic), and how fast
 * it drains a backlog: its token is moved back while the service is down, so on start it publishes
 * those events again (at-least-once, as after a crash) and the topic's growth is timed.
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
        try (KafkaConsumer<String, String> consumer = consumer();
             Connection connection = connect()) {
            List<TopicPartition> partitions = partitions(consumer);
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

    /** A backlog replayed by the relay: its size and the time from its first record to its last on the topic. */
    record Replay(long events, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    /** A relay token moved back: the topic's record count then, and how many events the relay will publish again. */
    record Rewound(long onTopicBefore, long events) {
    }

    /** While the service is down: moves the relay's token {@code events} positions back from the head of the store. */
    Rewound rewind(long events) throws SQLException {
        try (KafkaConsumer<String, String> consumer = consumer();
             Connection connection = connect()) {
            long head;
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry")) {
                rs.next();
                head = rs.getLong(1);
            }
            long from = Math.max(0, head - events);
            long republished;
            try (var count = connection.prepareStatement("SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? "
                    + "AND payloadtype NOT LIKE '%GptBenchmarkRegisteredEvent'")) {
                count.setLong(1, from);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    republished = rs.getLong(1);
                }
            }
            try (var rewind = connection.prepareStatement("UPDATE tokenentry SET token = ?, owner = NULL "
                    + "WHERE processorname = 'kafka-relay'")) {
                rewind.setBytes(1, ("{\"index\":" + from + ",\"gaps\":[]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (rewind.executeUpdate() != 1) {
                    throw new IllegalStateException("no token of the relay to move back");
                }
            }
            List<TopicPartition> partitions = partitions(consumer);
            return new Rewound(onTopic(consumer, partitions), republished);
        }
    }

    /** After {@link #rewind}: waits until the relay published the rewound events again. */
    Replay replayed(Rewound rewound, Duration within) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            long before = rewound.onTopicBefore();
            long expected = before + rewound.events();
            long end = System.nanoTime() + within.toNanos();
            long first = 0;
            long now;
            while ((now = onTopic(consumer, partitions)) < expected) {
                if (first == 0 && now > before) {
                    first = System.nanoTime();
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the relay replayed " + (now - before) + " of " + rewound.events()
                            + " events within " + within);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            long last = System.nanoTime();
            return new Replay(rewound.events(), Math.max(1, last - (first == 0 ? last : first)) / 1e9);
        }
    }

    /**
     * @param firstSendSeconds from the broker's return to the first record of the outage on the topic
     * @param caughtUpSeconds  from the broker's return to the last
     */
    record AfterOutage(long events, double firstSendSeconds, double caughtUpSeconds) {
    }

    /**
     * Stops the broker for {@code outage} while one engagement a second is opened, starts it again and
     * times how soon the relay publishes what was stored meanwhile: after each failed batch the
     * processor waits before it tries again, longer the longer the outage (at most
     * {@code platform.relay.max-retry-wait}).
     */
    AfterOutage afterOutage(KraftBroker broker, HttpLoad http, Duration outage) throws Exception {
        long before;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            before = onTopic(consumer, partitions(consumer));
        }
        broker.stop();
        long stored = 0;
        long end = System.nanoTime() + outage.toNanos();
        while (System.nanoTime() < end) {
            http.open();
            stored++;
            Thread.sleep(1_000);
        }
        broker.start();
        long back = System.nanoTime();
        long first = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            long deadline = back + Duration.ofMinutes(5).toNanos();
            long now;
            while ((now = onTopic(consumer, partitions)) < before + stored) {
                if (first == 0 && now > before) {
                    first = System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay published " + (now - before) + " of the " + stored
                            + " events stored during the outage within 5 minutes of the broker's return");
                }
                Thread.sleep(50);
            }
        }
        long last = System.nanoTime();
        return new AfterOutage(stored, ((first == 0 ? last : first) - back) / 1e9, (last - back) / 1e9);
    }

    /** Moves a consumer group that has no member running to the end of the coordination topic. */
    void skipToEnd(String group) {
        try (KafkaConsumer<String, String> consumer = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            partitions.forEach(partition -> ends.put(partition,
                    new OffsetAndMetadata(consumer.position(partition))));
            consumer.commitSync(ends);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return consumer(Map.of());
    }

    private KafkaConsumer<String, String> consumer(Map<String, String> settings) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(settings);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(Topics.COORDINATION).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
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
