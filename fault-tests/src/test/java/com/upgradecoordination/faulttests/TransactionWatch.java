package com.upgradecoordination.faulttests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples {@code pg_stat_activity} four times a second and keeps, per timeline window, the longest
 * a transaction of the services had been open: the figure the relay's gap bound is about (a
 * transaction that appends events must commit well within Axon's 60 s gapTimeout).
 */
final class TransactionWatch implements AutoCloseable {

    private final String url;
    private final Timeline timeline;
    private final Map<String, Double> longestByWindow = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    TransactionWatch(String url, Timeline timeline) {
        this.url = url;
        this.timeline = timeline;
        sampler = new Thread(this::sample, "transaction-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        Connection connection = null;
        while (running) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = DriverManager.getConnection(url, "postgres", "");
                }
                try (ResultSet rs = connection.createStatement().executeQuery("""
                        SELECT COALESCE(MAX(EXTRACT(EPOCH FROM clock_timestamp() - xact_start)), 0) FROM pg_stat_activity
                        WHERE datname IN ('coordination', 'review', 'notification') AND xact_start IS NOT NULL""")) {
                    rs.next();
                    double seconds = rs.getDouble(1);
                    synchronized (longestByWindow) {
                        longestByWindow.merge(timeline.labelAt(System.currentTimeMillis()), seconds, Math::max);
                    }
                }
            } catch (SQLException databaseAway) {
                connection = null; // PostgreSQL restarting: sample again once it is back
            }
            Load.pause(250);
        }
    }

    Map<String, Double> longestByWindow() {
        synchronized (longestByWindow) {
            return new LinkedHashMap<>(longestByWindow);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(2_000);
    }
}
