package com.upgradecoordination.local;

import com.upgradecoordination.devsupport.DevTokenIssuer;
import com.upgradecoordination.devsupport.EmbeddedH2;
import com.upgradecoordination.devsupport.KraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The local run as {@link LocalStackMain} starts it: a Kafka broker and the three services on H2
 * files in PostgreSQL mode (D7), all under one data folder, trusting the folder's dev token
 * issuer. {@code LocalRunIT} starts it the same way on a temporary folder and free ports.
 */
public final class LocalRun implements AutoCloseable {

    /**
     * @param kafka           the broker's port
     * @param kafkaController the broker's controller port
     * @param firstService    coordination-service's port, the next two for review and notification;
     *                        0 puts every service on a free port
     */
    public record Ports(int kafka, int kafkaController, int firstService) {

        /** What the README documents: {@code LOCAL_KAFKA_PORT}, {@code LOCAL_KAFKA_CONTROLLER_PORT}, {@code LOCAL_FIRST_PORT}. */
        public static Ports fromEnvironment() {
            return new Ports(intSetting("LOCAL_KAFKA_PORT", 9092), intSetting("LOCAL_KAFKA_CONTROLLER_PORT", 9093),
                    intSetting("LOCAL_FIRST_PORT", 8081));
        }

        public static Ports free() {
            return new Ports(KraftBroker.freePort(), KraftBroker.freePort(), 0);
        }

        private static int intSetting(String name, int defaultValue) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
        }
    }

    private final Path data;
    private final KraftBroker broker;
    private final LocalStack stack;

    private LocalRun(Path data, KraftBroker broker, LocalStack stack) {
        this.data = data;
        this.broker = broker;
        this.stack = stack;
    }

    /** The local run's token issuer; its keys stay under the data folder so tokens outlive restarts. */
    public static DevTokenIssuer issuer(Path data) {
        return DevTokenIssuer.inDirectory(data.resolve("dev-issuer"));
    }

    /** Starts the broker, then the services; stops the broker again if a service fails to start. */
    public static LocalRun start(Path data, Ports ports) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevTokenIssuer issuer = issuer(data);
        KraftBroker broker = new KraftBroker(data.resolve("kafka"), ports.kafka(), ports.kafkaController());
        broker.start();
        // each service's port is known before any starts, so the console can be told where the others are
        Map<LocalStack.Service, Integer> servicePorts = new EnumMap<>(LocalStack.Service.class);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            servicePorts.put(service, ports.firstService() == 0 ? KraftBroker.freePort()
                    : ports.firstService() + service.ordinal());
        }
        int consolePort = servicePorts.get(LocalStack.Service.COORDINATION);
        Map<LocalStack.Service, Map<String, String>> settings = new EnumMap<>(LocalStack.Service.class);
        for (LocalStack.Service service : LocalStack.Service.values()) {
            Map<String, String> serviceSettings = new HashMap<>(Map.of(
                    "server.port", Integer.toString(servicePorts.get(service)),
                    "spring.datasource.url", EmbeddedH2.fileUrl(data.resolve(service.serviceName())),
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "",
                    "spring.security.oauth2.resourceserver.jwt.public-key-location", issuer.publicKeyLocation(),
                    // the auditor's console is served by coordination-service and reads the others cross-origin
                    "platform.web.cors.allowed-origins",
                    "http://127.0.0.1:" + consolePort + ",http://localhost:" + consolePort));
            if (service == LocalStack.Service.COORDINATION) {
                serviceSettings.put("platform.console.pasted-token-sign-in", "true");
                for (LocalStack.Service other : LocalStack.Service.values()) {
                    if (other != service) {
                        serviceSettings.put("platform.console.service-urls." + other.serviceName(),
                                "http://127.0.0.1:" + servicePorts.get(other));
                    }
                }
            }
            settings.put(service, serviceSettings);
        }
        try {
            return new LocalRun(data, broker, LocalStack.start(broker, settings));
        } catch (RuntimeException failure) {
            // the broker's threads would keep the JVM alive with nothing to serve
            broker.stop();
            throw failure;
        }
    }

    public Path data() {
        return data;
    }

    public KraftBroker broker() {
        return broker;
    }

    public LocalStack stack() {
        return stack;
    }

    public int port(LocalStack.Service service) {
        return stack.port(service);
    }

    /** A client of the service without a token, as a browser or a Prometheus server reads it. */
    public WebTestClient client(LocalStack.Service service) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(service))
                // a service's /actuator/prometheus page, with a Kafka client's metrics for each of its
                // consumers, is larger than WebClient's 256 KB default
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A client of the service's JSON API that sends {@code token} (say, one of {@link #issuer(Path)}'s). */
    public WebTestClient client(LocalStack.Service service, String token) {
        return client(service).mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** Stops the services, then the broker. */
    @Override
    public void close() {
        stack.close();
        broker.stop();
    }
}
