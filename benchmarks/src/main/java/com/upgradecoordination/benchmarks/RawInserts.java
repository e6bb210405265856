package com.upgradecoordination.benchmarks;

import com.upgradecoordination.devsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The raw baseline: single-row inserts into a copy of the event table, each committed on its own,
 * from {@code connections} threads with a connection each. What PostgreSQL on this machine does
 * at best for a command that stores one event.
 */
final class RawInserts {

    private static final byte[] PAYLOAD = ("{\"engagementId\":\"00000000-0000-0000-0000-000000000000\","
            + "\"customerOrganisation\":\"Benchmark Corp\",\"csm\":\"casey.csm\",\"reasons\":[\"GROWTH\"],"
            + "\"deploymentType\":\"OMNIBUS_MULTI_NODE\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] METADATA = ("{\"actor\":\"casey.csm\",\"actorRole\":\"CSM\",\"correlationId\":"
            + "\"request-0\",\"causationId\":\"request-0\",\"origin\":\"HTTP POST /engagements\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final TestPostgres.Database database;

    RawInserts(TestPostgres.Database database) {
        this.database = database;
    }

    Load inserts(int connections, Duration duration) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        Histogram latencies = new Histogram(60_000_000L, 3);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                Histogram mine = new Histogram(60_000_000L, 3);
                try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                        database.password());
                     PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                 metadata, payload, payloadrevision, payloadtype, timestamp)
                             VALUES (?, 0, 'Engagement', ?, ?, ?, '1', 'EngagementOpenedEvent', ?)""")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, METADATA);
                        insert.setBytes(4, PAYLOAD);
                        insert.setString(5, java.time.Instant.now().toString());
                        insert.executeUpdate();
                        mine.recordValue((System.nanoTime() - start) / 1000);
                        completed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                synchronized (latencies) {
                    latencies.add(mine);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Load(completed.get(), 0, duration.toNanos() / 1e9, latencies);
    }
}
