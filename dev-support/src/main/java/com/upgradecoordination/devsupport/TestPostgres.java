package com.upgradecoordination.devsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, and fresh databases on it.
 *
 * <p>Resolution order: {@code TEST_DATABASE_URL} (a JDBC URL of an account that may create
 * databases, with {@code TEST_DATABASE_USER} / {@code TEST_DATABASE_PASSWORD}), else the local
 * server on 127.0.0.1:5432 as user postgres, else a Testcontainers PostgreSQL when Docker is
 * available. Every call of {@link #freshDatabase} creates a new database, dropped when the JVM ends.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static Server server;
    private static final List<String> createdDatabases = new CopyOnWriteArrayList<>();

    private TestPostgres() {
    }

    /** Coordinates of a database: JDBC URL, user and password. */
    public record Database(String url, String username, String password) {
    }

    private record Server(String adminUrl, String username, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(adminUrl, username, password);
        }

        String urlOf(String database) {
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            String prefix = adminUrl.substring(0, slash + 1);
            return query < 0 ? prefix + database : prefix + database + adminUrl.substring(query);
        }
    }

    public static Database freshDatabase(String purpose) {
        Server resolved = server();
        String name = ("t_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = resolved.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        createdDatabases.add(name);
        return new Database(resolved.urlOf(name), resolved.username(), resolved.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = resolveServer();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedDatabases, "drop-test-databases"));
        }
        return server;
    }

    private static Server resolveServer() {
        String configuredUrl = System.getenv("TEST_DATABASE_URL");
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            Server configured = new Server(configuredUrl,
                    System.getenv().getOrDefault("TEST_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
            requireReachable(configured, "TEST_DATABASE_URL=" + configuredUrl);
            return configured;
        }
        Server local = new Server(LOCAL_URL, "postgres", "");
        if (isReachable(local)) {
            log.info("Tests use the local PostgreSQL on 127.0.0.1:5432");
            return local;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            log.info("Tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                No PostgreSQL for the tests. Provide one of:
                  1. TEST_DATABASE_URL (JDBC URL of an account that may create databases; \
                TEST_DATABASE_USER / TEST_DATABASE_PASSWORD for its credentials),
                  2. a local server on 127.0.0.1:5432 accepting user postgres \
                (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start),
                  3. a Docker engine, so Testcontainers can start PostgreSQL.""");
    }

    private static boolean isReachable(Server candidate) {
        try (Connection ignored = candidate.connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireReachable(Server candidate, String source) {
        try (Connection ignored = candidate.connect()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the PostgreSQL named by " + source + ": " + e.getMessage(), e);
        }
    }

    private static void dropCreatedDatabases() {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String name : createdDatabases) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("Could not drop test databases {}: {}", createdDatabases, e.getMessage());
        }
    }
}
