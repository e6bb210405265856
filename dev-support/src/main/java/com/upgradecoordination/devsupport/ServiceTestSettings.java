package com.upgradecoordination.devsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings that point one service at a fresh test database and a test broker. */
public final class ServiceTestSettings {

    private ServiceTestSettings() {
    }

    public static Map<String, String> forService(String serviceName, String bootstrapServers) {
        TestPostgres.Database database = TestPostgres.freshDatabase(serviceName.replace("-service", ""));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
        // tests move on quickly after a broker outage
        settings.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        settings.put("axon.eventhandling.processors.kafka-relay.batch-size", "1");
        return settings;
    }
}
