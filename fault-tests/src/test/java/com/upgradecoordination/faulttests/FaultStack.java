package com.upgradecoordination.faulttests;

import com.upgradecoordination.coordination.CoordinationServiceApplication;
import com.upgradecoordination.devsupport.BrokerProcess;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.devsupport.PostgresCluster;
import com.upgradecoordination.devsupport.ServiceProcess;
import com.upgradecoordination.devsupport.ServiceTestSettings;
import com.upgradecoordination.notification.NotificationServiceApplication;
import com.upgradecoordination.review.ReviewServiceApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the suite kills, each in a process of its own: a private PostgreSQL cluster (one
 * database per service), a Kafka broker on fixed ports and a data directory, two instances of
 * coordination-service and one each of review-service and notification-service, each restartable
 * on its port.
 */
final class FaultStack implements AutoCloseable {

    static final Duration START_WITHIN = Duration.ofSeconds(240);

    /** One service instance: a process that can be killed and started again on the same port. */
    static final class Node {
        final String name;
        final String service;
        final Map<String, String> settings;
        private final Class<?> main;
        private volatile ServiceProcess process;

        Node(String name, Class<?> main, String service, Map<String, String> settings) {
            this.name = name;
            this.main = main;
            this.service = service;
            this.settings = settings;
        }

        void start() {
            process = ServiceProcess.start(name, main, service, settings, START_WITHIN, KraftBroker.freePort(),
                    ServiceProcess.TEST_JVM_OPTIONS);
        }

        String baseUrl() {
            return process.baseUrl();
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        void kill() {
            process.kill();
        }

        void restart() {
            process = process.restart(START_WITHIN);
        }

        void close() {
            if (process != null) {
                process.close();
            }
        }
    }

    final PostgresCluster postgres;
    final BrokerProcess broker;
    final Node coordinationA;
    final Node coordinationB;
    final Node review;
    final Node notification;
    final Map<String, Map<String, String>> databases = new LinkedHashMap<>();

    private FaultStack(PostgresCluster postgres, BrokerProcess broker, Map<String, String> extra) {
        this.postgres = postgres;
        this.broker = broker;
        Map<String, String> coordination = settings("coordination-service", extra);
        Map<String, String> reviewSettings = settings("review-service", extra);
        Map<String, String> notificationSettings = settings("notification-service", extra);
        // webhook deliveries interrupted by a kill are claimed again soon, not after a minute
        notificationSettings.put("notification.delivery.claim-time", "15s");
        notificationSettings.put("notification.delivery.first-delay", "1s");
        notificationSettings.put("notification.delivery.max-delay", "5s");
        coordinationA = new Node("coordination-a", CoordinationServiceApplication.class, "coordination-service", coordination);
        coordinationB = new Node("coordination-b", CoordinationServiceApplication.class, "coordination-service", coordination);
        review = new Node("review", ReviewServiceApplication.class, "review-service", reviewSettings);
        notification = new Node("notification", NotificationServiceApplication.class, "notification-service",
                notificationSettings);
    }

    private Map<String, String> settings(String service, Map<String, String> extra) {
        String database = service.replace("-service", "");
        Map<String, String> settings = new LinkedHashMap<>(ServiceTestSettings.forService(service,
                broker.bootstrapServers(), postgres.createDatabase(database)));
        // the relay's batch as in production (service-platform.yml), not the component tests' one event
        settings.remove("platform.relay.batch-size");
        settings.putAll(extra);
        databases.put(database, settings);
        return settings;
    }

    static FaultStack start(Path directory) throws java.io.IOException {
        Path kafka = directory.resolve("kafka");
        if (java.nio.file.Files.exists(kafka)) {
            try (var files = java.nio.file.Files.walk(kafka)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        PostgresCluster postgres = PostgresCluster.create(directory.resolve("postgres"));
        BrokerProcess broker = new BrokerProcess(kafka, KraftBroker.freePort(), KraftBroker.freePort())
                .start(Duration.ofSeconds(120));
        Map<String, String> extra = new LinkedHashMap<>();
        // a key left pending by a killed process is taken over after 5 s (a minute in production)
        extra.put("platform.idempotency.take-over-after", "5s");
        // a killed consumer leaves its group within seconds, so its partitions move on soon
        extra.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        extra.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1500");
        FaultStack stack = new FaultStack(postgres, broker, extra);
        // the first coordination instance alone migrates its database; the others start together
        stack.coordinationA.start();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Node node : List.of(stack.coordinationB, stack.review, stack.notification)) {
            starting.add(CompletableFuture.runAsync(node::start));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        return stack;
    }

    List<Node> coordination() {
        return List.of(coordinationA, coordinationB);
    }

    List<Node> nodes() {
        return List.of(coordinationA, coordinationB, review, notification);
    }

    /** The coordination instance whose pid owns the relay's token, if one does. */
    Node relayHolder() {
        try (Connection connection = connect("coordination");
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT owner FROM tokenentry WHERE processorname = 'kafka-relay' AND owner IS NOT NULL")) {
            while (rs.next()) {
                String owner = rs.getString(1);
                for (Node node : coordination()) {
                    if (node.isAlive() && owner.startsWith(node.pid() + "@")) {
                        return node;
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            return null;
        }
    }

    Connection connect(String database) throws SQLException {
        Map<String, String> settings = databases.get(database);
        return DriverManager.getConnection(settings.get("spring.datasource.url"),
                settings.get("spring.datasource.username"), settings.get("spring.datasource.password"));
    }

    @Override
    public void close() {
        nodes().forEach(Node::close);
        broker.close();
        // the cluster's files stay under target/ for a look after a failed run; the next run makes it anew
        if (postgres.isRunning()) {
            postgres.stop();
        }
    }
}
