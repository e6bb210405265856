package com.upgradecoordination.platform.web;

import com.upgradecoordination.platform.history.AggregateHistory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
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
    public CommandDispatcher commandDispatcher(CommandGateway commandGateway, JsonMapper jsonMapper,
                                               CrashPoints crashPoints) {
        return new CommandDispatcher(commandGateway, jsonMapper, crashPoints);
    }

    /** Fault injection for the crash tests only: {@code platform.fault-injection.halt-at} (unset in production). */
    @Bean
    public CrashPoints crashPoints(Environment environment) {
        return new CrashPoints(Binder.get(environment)
                .bind("platform.fault-injection.halt-at", CrashPoints.Point.class).orElse(null));
    }

    /** The command's transaction records its outcome on its Idempotency-Key (exactly-once effect). */
    @Bean
    public IdempotentCommandRecorder idempotentCommandRecorder(@Qualifier("localSegment") CommandBus commandBus,
                                                               IdempotencyKeys keys, JsonMapper jsonMapper) {
        IdempotentCommandRecorder recorder = new IdempotentCommandRecorder(keys, jsonMapper);
        commandBus.registerHandlerInterceptor(recorder);
        return recorder;
    }

    @Bean
    public NulInQueryFilter nulInQueryFilter(JsonMapper jsonMapper) {
        return new NulInQueryFilter(jsonMapper);
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
    public AggregateReads aggregateReads(EventStore eventStore, AggregateHistory aggregateHistory) {
        return new AggregateReads(eventStore, aggregateHistory);
    }

    /**
     * Puts the exchange into the Reactor context for {@link CommandDispatcher}, {@link AggregateReads}
     * and {@link RequestAudit#actor()}. Unordered, so it runs last of the filters and holds the
     * exchange the controller is handed (after security and the Idempotency-Key filter wrapped it).
     */
    @Bean
    public ServerWebExchangeContextFilter serverWebExchangeContextFilter() {
        return new ServerWebExchangeContextFilter();
    }

    /** Controllers take a command's {@code If-Match} header as an {@link IfMatch} parameter. */
    @Bean
    public WebFluxConfigurer ifMatchParameters() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new IfMatchArgumentResolver());
            }
        };
    }

    /**
     * A pending Idempotency-Key blocks retries for {@code platform.idempotency.take-over-after} (a
     * minute); then its first request is taken to have died.
     */
    @Bean
    public IdempotencyKeys idempotencyKeys(JdbcClient jdbcClient, ObjectProvider<Clock> clock, Environment environment) {
        Duration takeOverAfter = Binder.get(environment).bind("platform.idempotency.take-over-after", Duration.class)
                .orElse(Duration.ofMinutes(1));
        return new IdempotencyKeys(jdbcClient, clock.getIfAvailable(Clock::systemUTC), takeOverAfter);
    }

    /** Reads request bodies up to the same limit as the codecs ({@code spring.codec.max-in-memory-size}). */
    @Bean
    public IdempotencyFilter idempotencyFilter(IdempotencyKeys idempotencyKeys, JsonMapper jsonMapper,
                                               Environment environment, CrashPoints crashPoints) {
        DataSize limit = Binder.get(environment).bind("spring.codec.max-in-memory-size", DataSize.class)
                .orElse(DataSize.ofKilobytes(256));
        int maxBodyBytes = limit.toBytes() < 0 ? -1 : (int) Math.min(limit.toBytes(), Integer.MAX_VALUE);
        return new IdempotencyFilter(idempotencyKeys, jsonMapper, maxBodyBytes, crashPoints);
    }
}
