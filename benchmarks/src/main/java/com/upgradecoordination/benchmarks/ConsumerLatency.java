package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Stored -> a consumer's effect: for each EngagementOpened of a load, the time from the event's
 * timestamp in coordination-service's store (taken when the command applied it, just before its
 * commit) to the inbox row notification-service wrote in the transaction of its effect
 * ({@code processed_integration_event.processed_at}). Both clocks are this machine's.
 */
final class ConsumerLatency {

    record Figures(long events, long missing, Histogram latencies) {

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1000.0;
        }
    }

    private final TestPostgres.Database coordination;
    private final TestPostgres.Database notification;

    ConsumerLatency(TestPostgres.Database coordination, TestPostgres.Database notification) {
        this.coordination = coordination;
        this.notification = notification;
    }

    /** Waits (up to {@code within}) for the consumer to have handled every case's EngagementOpened. */
    Figures measure(Set<String> cases, Duration within) throws SQLException, InterruptedException {
        Map<String, Instant> storedAt = storedAt(cases);
        Map<String, Instant> handledAt = new HashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (handledAt.size() < storedAt.size() && System.nanoTime() < deadline) {
            handledAt = handledAt(storedAt.keySet());
            Thread.sleep(200);
        }
        Histogram latencies = new Histogram(600_000_000L, 3);
        long[] matched = {0};
        Map<String, Instant> handled = handledAt;
        storedAt.forEach((eventId, stored) -> {
            Instant effect = handled.get(eventId);
            if (effect != null) {
                latencies.recordValue(Math.max(0, Duration.between(stored, effect).toNanos() / 1000));
                matched[0]++;
            }
        });
        return new Figures(matched[0], storedAt.size() - matched[0], latencies);
    }

    /** Event id -> the time stamped on the stored EngagementOpened of each case. */
    private Map<String, Instant> storedAt(Set<String> cases) throws SQLException {
        Map<String, Instant> storedAt = new HashMap<>();
        try (Connection connection = connect(coordination);
             var query = connection.prepareStatement("SELECT eventidentifier, timestamp FROM domainevententry "
                     + "WHERE aggregateidentifier = ANY (?) AND sequencenumber = 0")) {
            query.setArray(1, connection.createArrayOf("varchar", cases.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    storedAt.put(rows.getString(1), Instant.parse(rows.getString(2)));
                }
            }
        }
        return storedAt;
    }

    private Map<String, Instant> handledAt(Set<String> eventIds) throws SQLException {
        Map<String, Instant> handledAt = new HashMap<>();
        try (Connection connection = connect(notification);
             var query = connection.prepareStatement(
                     "SELECT event_id, processed_at FROM processed_integration_event WHERE event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    handledAt.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return handledAt;
    }

    private static Connection connect(TestPostgres.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}
