package com.upgradecoordination.platform.observability;

import com.upgradecoordination.platform.axon.LiveCorrelationData;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Metrics, traces and log context every service shares (docs/operations.md, "What to watch";
 * decision D19): command timings by type and outcome, processor positions against the store's
 * head, Kafka client metrics, the trace context carried in command and event metadata, and the
 * correlation id in the logging context of every handled message.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
public class ObservabilityAutoConfiguration {

    @Bean
    public TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContext(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Events inherit the trace context of the command that caused them, as they inherit its audit metadata. */
    @Bean
    public CorrelationDataProvider traceContextProvider() {
        return new LiveCorrelationData(new SimpleCorrelationDataProvider(TraceContext.TRACEPARENT));
    }

    /** Commands are timed by type and outcome; stored events are handled with their correlation id in the logs. */
    @Bean
    public ConfigurerModule commandMetricsAndEventLogContext(MeterRegistry meterRegistry) {
        CommandMetrics commandMetrics = new CommandMetrics(meterRegistry);
        return configurer -> {
            configurer.configureMessageMonitor(CommandBus.class, configuration -> commandMetrics);
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (configuration, processor) -> new CorrelationIdLogging<EventMessage<?>>());
        };
    }

    /**
     * A command takes the current span's trace context along (HTTP request, Kafka record), and its
     * handling, like a deadline's, logs its correlation id.
     */
    @Bean
    public SmartInitializingSingleton commandTraceAndLogContext(CommandBus commandBus, TraceContext traceContext,
                                                                ObjectProvider<DeadlineManager> deadlineManager) {
        return () -> {
            commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
                if (command.getMetaData().containsKey(TraceContext.TRACEPARENT)) {
                    return command;
                }
                return command.andMetaData(traceContext.currentAsMetaData());
            });
            commandBus.registerHandlerInterceptor(new CorrelationIdLogging<CommandMessage<?>>());
            deadlineManager.ifAvailable(deadlines ->
                    deadlines.registerHandlerInterceptor(new CorrelationIdLogging<DeadlineMessage<?>>()));
        };
    }

    @Bean
    public MeterBinder eventStoreHeadGauge(EventStore eventStore, JdbcClient jdbcClient, Clock clock) {
        return meters -> new ProcessorMetrics(eventStore, jdbcClient, clock).bindHead(meters);
    }

    /** The processors exist once Axon has started, so their gauges are registered when the service is ready. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> eventProcessorPositions(
            EventProcessingConfiguration eventProcessing, EventStore eventStore, JdbcClient jdbcClient, Clock clock,
            MeterRegistry meterRegistry) {
        ProcessorMetrics metrics = new ProcessorMetrics(eventStore, jdbcClient, clock);
        return ready -> eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                metrics.bind(name, streaming, meterRegistry);
            }
        });
    }

    /**
     * Every Kafka listener container factory (the platform's and a service's own) reports its
     * consumers' client metrics (records-lag-max and the rest) to Micrometer. The listeners take a poll
     * at a time, which a container does not observe: InboxListeners observes each record it handles,
     * continuing the trace its headers carry.
     */
    @Bean
    public static BeanPostProcessor observedKafkaListeners(ObjectProvider<MeterRegistry> meterRegistry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
                    if (factory.getConsumerFactory() instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
                        consumers.addListener(new MicrometerConsumerListener<>(meterRegistry.getObject()));
                    }
                }
                return bean;
            }
        };
    }
}
