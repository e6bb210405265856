package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
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

    @Bean
    public AggregateVersions aggregateVersions(EventStore eventStore) {
        return new AggregateVersions(eventStore);
    }

    /** A pending Idempotency-Key blocks retries for a minute; then its first request is taken to have died. */
    @Bean
    public IdempotencyKeys idempotencyKeys(JdbcClient jdbcClient, ObjectProvider<Clock> clock) {
        return new IdempotencyKeys(jdbcClient, clock.getIfAvailable(Clock::systemUTC), Duration.ofMinutes(1));
    }

    /** Reads request bodies up to the same limit as the codecs ({@code spring.codec.max-in-memory-size}). */
    @Bean
    public IdempotencyFilter idempotencyFilter(IdempotencyKeys idempotencyKeys, JsonMapper jsonMapper,
                                               Environment environment) {
        DataSize limit = Binder.get(environment).bind("spring.codec.max-in-memory-size", DataSize.class)
                .orElse(DataSize.ofKilobytes(256));
        int maxBodyBytes = limit.toBytes() < 0 ? -1 : (int) Math.min(limit.toBytes(), Integer.MAX_VALUE);
        return new IdempotencyFilter(idempotencyKeys, jsonMapper, maxBodyBytes);
    }
}
