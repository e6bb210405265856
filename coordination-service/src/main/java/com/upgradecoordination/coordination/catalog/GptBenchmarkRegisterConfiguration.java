package com.upgradecoordination.coordination.catalog;

import com.upgradecoordination.coordination.domain.performance.GptBenchmarkLibrary;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The benchmark register on the event store, and its initial data from the shipped catalog. */
@Configuration(proxyBeanMethods = false)
public class GptBenchmarkRegisterConfiguration {

    @Bean
    public GptBenchmarkLibrary gptBenchmarkLibrary(EventStore eventStore) {
        return new EventStoreGptBenchmarkLibrary(eventStore);
    }

    @Bean
    public InitialGptBenchmarkSeeder initialGptBenchmarkSeeder(InitialGptBenchmarks initial, CommandGateway commands) {
        return new InitialGptBenchmarkSeeder(initial, commands);
    }
}
