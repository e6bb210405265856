package com.upgradecoordination.benchmarks;

import com.upgradecoordination.events.Topics;
import com.upgradecoordination.devsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The relay's latency: from the moment a create command was answered to the moment its
 * EngagementOpened arrives on the coordination topic, at a steady command rate (open loop: each
 * sender keeps its schedule whatever the answers take).
 */
final class RelayLatency {

    /** @param cases the engagements opened, whose EngagementOpened was measured */
    record Figures(long events, long missing, Histogram latencies, Set<String> cases) {

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }
    }

    private final String bootstrapServers;
    private final HttpLoad http;
    /** coordination-service's database: where an event missing from the topic is looked up */
    private final TestPostgres.Database store;

    RelayLatency(String bootstrapServers, HttpLoad http, TestPostgres.Database store) {
        this.bootstrapServers = bootstrapServers;
        this.http = http;
        this.store = store;
    }

    Figures measure(int commandsPerSecond, int senders, Duration duration) throws Exception {
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Histogram latencies = new Histogram(600_000_000L, 3);
        AtomicBoolean running = new AtomicBoolean(true);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COORDINATION).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            List<Thread> sending = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Thread sender = new Thread(() -> {
                    long interval = 1_000_000_000L * senders / commandsPerSecond;
                    long next = System.nanoTime();
                    long end = next + duration.toNanos();
                    while (running.get() && next < end) {
                        try {
                            String engagementId = http.open();
                            answeredAt.put(engagementId, System.nanoTime());
                        } catch (Exception e) {
                            System.out.println("  relay load: " + e.getMessage());
                        }
                        next += interval;
                        long sleep = next - System.nanoTime();
                        if (sleep > 0) {
                            try {
                                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
                sender.start();
                sending.add(sender);
            }
            Map<String, Long> arrivedAt = new HashMap<>();
            // read while the senders send: slower than asked, the service keeps them sending past the load's
            // length (a deadline counted from its start cut the last commands' events off, though they came)
            while (sending.stream().anyMatch(Thread::isAlive)) {
                readArrivals(consumer, arrivedAt);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !arrivedAt.keySet().containsAll(answeredAt.keySet())) {
                readArrivals(consumer, arrivedAt);
            }
            running.set(false);
            for (Thread sender : sending) {
                sender.join();
            }
            reportStragglers(consumer, answeredAt, arrivedAt, store);
            long[] matched = {0};
            answeredAt.forEach((engagementId, answered) -> {
                Long arrived = arrivedAt.get(engagementId);
                if (arrived != null) {
                    // an event can arrive before its command's answer is read: that counts as 0
                    latencies.recordValue(Math.max(0, arrived - answered) / 1000);
                    matched[0]++;
                }
            });
            return new Figures(matched[0], answeredAt.size() - matched[0], latencies, answeredAt.keySet());
        }
    }

    /** Each case's first record on the topic, by case id, with when it was read. */
    private static void readArrivals(KafkaConsumer<String, String> consumer, Map<String, Long> arrivedAt) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
            arrivedAt.putIfAbsent(record.key(), System.nanoTime());
        }
    }

    /**
     * Events not on the topic within 30 s of the last command: late or lost? Reads on for a minute more
     * and says which (the figures above count them as missing either way).
     */
    private static void reportStragglers(KafkaConsumer<String, String> consumer, Map<String, Long> answeredAt,
                                         Map<String, Long> arrivedAt, TestPostgres.Database store) {
        Set<String> missing = new HashSet<>(answeredAt.keySet());
        missing.removeAll(arrivedAt.keySet());
        if (missing.isEmpty()) {
            return;
        }
        Map<String, Long> late = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && late.size() < missing.size()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (missing.contains(record.key())) {
                    late.putIfAbsent(record.key(), System.nanoTime() - answeredAt.get(record.key()));
                }
            }
        }
        List<String> lost = missing.stream().filter(id -> !late.containsKey(id)).toList();
        System.out.printf("  %d events not on the topic within 30 s of the last command: %d came later (at most %.1f s "
                        + "after their command), %d not within another minute, e.g. %s%n", missing.size(), late.size(),
                late.values().stream().mapToLong(Long::longValue).max().orElse(0) / 1e9, lost.size(),
                lost.stream().limit(3).toList());
        if (lost.isEmpty()) {
            return;
        }
        // stored? where in the store, and where the relay's token is
        try (Connection connection = DriverManager.getConnection(store.url(), store.username(), store.password())) {
            var stored = connection.prepareStatement("SELECT aggregateidentifier, globalindex, timestamp "
                    + "FROM domainevententry WHERE sequencenumber = 0 AND aggregateidentifier = ANY (?) ORDER BY globalindex");
            stored.setArray(1, connection.createArrayOf("varchar", lost.toArray()));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = stored.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "@" + rs.getLong(2) + " " + rs.getString(3));
                }
            }
            String token;
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processorname = 'kafka-relay'")) {
                token = rs.next() ? rs.getString(1) : "none";
            }
            System.out.printf("  of those, %d stored: %s; the relay's token: %s%n", rows.size(),
                    rows.stream().limit(5).toList(), token.length() > 300 ? token.substring(0, 300) + "..." : token);
        } catch (SQLException e) {
            System.out.println("  could not look them up: " + e.getMessage());
        }
    }
}
