package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge every service shares. Ordered before Boot's WebFlux auto-configuration so that
 * Boot's own problem-details handler backs off in favour of {@link ProblemDetailsAdvice}.
 */
@AutoConfiguration(
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
public class WebPlatformAutoConfiguration {

    @Bean
    public RequestAudit requestAudit() {
        return new RequestAudit();
    }

    @Bean
    public CommandDispatcher commandDispatcher(CommandGateway commandGateway) {
        return new CommandDispatcher(commandGateway);
    }

    @Bean
    public StrictJsonRequests strictJsonRequests(JsonMapper jsonMapper) {
        return new StrictJsonRequests(jsonMapper);
    }

    @Bean
    public ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    public AggregateHistory aggregateHistory(EventStore eventStore, JsonMapper jsonMapper) {
        return new AggregateHistory(eventStore, jsonMapper);
    }
}
