package com.upgradecoordination.local;

import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.devsupport.KraftBroker;
import com.upgradecoordination.platform.security.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs everything on one machine with nothing installed beyond a JDK: a Kafka broker in this
 * JVM, and the three services on embedded H2 databases (PostgreSQL mode). All state lives under
 * one folder ({@code LOCAL_DATA_DIR}, default {@code .local}) and survives a restart. Ctrl-C
 * stops everything.
 */
public final class LocalStackMain {

    private static final Logger log = LoggerFactory.getLogger(LocalStackMain.class);

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getenv().getOrDefault("LOCAL_DATA_DIR", ".local")).toAbsolutePath();
        Files.createDirectories(data);
        // The local run's own token issuer; its keys stay under the data folder so tokens outlive restarts.
        DevTokenIssuer issuer = DevTokenIssuer.inDirectory(data.resolve("dev-issuer"));
        if (args.length > 0 && args[0].equals("token")) {
            printToken(issuer, args);
            return;
        }
        int kafkaPort = intSetting("LOCAL_KAFKA_PORT", 9092);
        KraftBroker broker = new KraftBroker(data.resolve("kafka"), kafkaPort, intSetting("LOCAL_KAFKA_CONTROLLER_PORT", 9093));
        long started = System.nanoTime();
        broker.start();

        Map<LocalStack.Service, Map<String, String>> settings = new EnumMap<>(LocalStack.Service.class);
        int port = intSetting("LOCAL_FIRST_PORT", 8081);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            settings.put(service, Map.of(
                    "server.port", Integer.toString(port++),
                    "spring.datasource.url", "jdbc:h2:file:" + data.resolve(service.serviceName()).resolve("db")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "",
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", issuer.publicKeyLocation()));
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(broker, settings);
        } catch (RuntimeException failure) {
            // the broker's threads would keep the JVM alive with nothing to serve
            log.error("The local stack could not start; stopping the Kafka broker", failure);
            broker.stop();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the services and the Kafka broker");
            stack.close();
            broker.stop();
        }, "local-stack-stop"));

        StringBuilder summary = new StringBuilder("\n\nLocal stack is up in %.1f s (data in %s)\n"
                .formatted((System.nanoTime() - started) / 1e9, data));
        summary.append("  Kafka broker          ").append(broker.bootstrapServers()).append('\n');
        for (LocalStack.Service service : LocalStack.Service.values()) {
            summary.append("  %-21s http://127.0.0.1:%d  (health: /actuator/health)%n"
                    .formatted(service.serviceName(), stack.port(service)));
        }
        summary.append("Tokens: ./deploy/local/token <principal> <ROLE> [ROLE ...]   (valid 8 hours)\n");
        summary.append("Press Ctrl-C to stop everything.\n");
        log.info(summary.toString());
        Thread.currentThread().join();
    }

    /** {@code token <principal> <ROLE> [ROLE ...]}: prints a bearer token the local services accept. */
    private static void printToken(DevTokenIssuer issuer, String[] args) {
        if (args.length < 3) {
            System.err.println("usage: token <principal> <ROLE> [ROLE ...]   roles: " + Roles.ALL);
            System.exit(2);
        }
        String[] roles = Arrays.copyOfRange(args, 2, args.length);
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                System.err.println("unknown role " + role + "; roles: " + Roles.ALL);
                System.exit(2);
            }
        }
        System.out.println(issuer.token(args[1], roles));
    }

    private static int intSetting(String name, int defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }
}
