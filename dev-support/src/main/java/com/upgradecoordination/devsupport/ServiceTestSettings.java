package com.upgradecoordination.devsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings that point one service at a fresh test database and a test broker. */
public final class ServiceTestSettings {

    private ServiceTestSettings() {
    }

    /**
     * Points the service a test class starts at a fresh database and the JVM's {@link TestBroker}:
     * the whole body of the class's {@code @DynamicPropertySource} method.
     */
    public static void register(DynamicPropertyRegistry registry, String serviceName) {
        forService(serviceName, TestBroker.shared().bootstrapServers())
                .forEach((key, value) -> registry.add(key, () -> value));
    }

    public static Map<String, String> forService(String serviceName, String bootstrapServers) {
        return forService(serviceName, bootstrapServers,
                TestPostgres.freshDatabase(serviceName.replace("-service", "")));
    }

    /** The same settings on a database the caller made (e.g. on a {@link PostgresCluster} of its own). */
    public static Map<String, String> forService(String serviceName, String bootstrapServers,
                                                 TestPostgres.Database database) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        // A test JVM keeps every Spring context it started (the context cache), each with its own
        // pool: keep idle connections few and short-lived so a module's contexts stay well inside
        // PostgreSQL's connection limit.
        settings.put("spring.datasource.hikari.minimum-idle", "1");
        settings.put("spring.datasource.hikari.idle-timeout", "10000");
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        settings.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestTokens.issuer().publicKeyLocation());
        // tests see a broker outage quickly: the relay fails within seconds and retries
        settings.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        settings.put("platform.relay.max-block", "2s");
        settings.put("platform.relay.acknowledgement-timeout", "5s");
        settings.put("spring.kafka.producer.properties.request.timeout.ms", "2000");
        settings.put("spring.kafka.producer.properties.delivery.timeout.ms", "4000");
        settings.put("platform.relay.batch-size", "1");
        return settings;
    }
}
