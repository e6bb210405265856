package com.upgradecoordination.platform.relay;

import com.upgradecoordination.events.EventEnvelope;
import com.upgradecoordination.platform.inbox.EnvelopeListenerContainers;
import com.upgradecoordination.platform.inbox.InboxListeners;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import com.upgradecoordination.platform.inbox.IntegrationEventInbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka wiring every service shares: the envelope producer and relay, the envelope consumer, the
 * inbox and the listeners a service declares ({@link InboxSubscription}). Base client settings (bootstrap servers, client ids) come from {@code spring.kafka.*}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        // before Boot's Kafka auto-configuration, so its default listener container factory backs off
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class KafkaIntegrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public KafkaTemplate<String, EventEnvelope> envelopeKafkaTemplate(
            KafkaProperties kafkaProperties, JsonMapper jsonMapper,
            @Value("${platform.relay.max-block:10s}") Duration maxBlock, MeterRegistry meterRegistry) {
        Map<String, Object> config = kafkaProperties.buildProducerProperties();
        // Nothing acknowledged may be lost or doubled by the producer itself (SPEC K3).
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Well below the 60 s timeout of Axon's event-processor unit of work, so a broker outage
        // fails the relay's batch in time for the processor to retry it instead of Axon interrupting it.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        DefaultKafkaProducerFactory<String, EventEnvelope> factory = new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new JacksonJsonSerializer<>(jsonMapper));
        factory.addListener(new MicrometerProducerListener<>(meterRegistry));
        KafkaTemplate<String, EventEnvelope> template = new KafkaTemplate<>(factory);
        // Not observed: the relay writes each record's trace context (the stored traceparent) itself and
        // times its sends (platform.relay.send); an observation and a span per record were a quarter of
        // the relay's CPU in a drain (issue 13, docs/performance.md).
        // Failed sends are logged without the record's contents: payloads name people (@PersonalData).
        LoggingProducerListener<String, EventEnvelope> failures = new LoggingProducerListener<>();
        failures.setIncludeContents(false);
        template.setProducerListener(failures);
        return template;
    }

    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public IntegrationEventRelay integrationEventRelay(
            IntegrationEventTranslator translator, KafkaTemplate<String, EventEnvelope> envelopeKafkaTemplate,
            JsonMapper jsonMapper, @Value("${spring.application.name}") String serviceName,
            @Value("${platform.relay.acknowledgement-timeout:20s}") Duration acknowledgementTimeout,
            MeterRegistry meterRegistry) {
        return new IntegrationEventRelay(translator, new EnvelopeFactory(serviceName, jsonMapper),
                envelopeKafkaTemplate, acknowledgementTimeout, meterRegistry);
    }

    /**
     * The relay's processor ({@link RelayEventProcessor}): batches of up to {@code platform.relay.batch-size}
     * sends in flight together, and at most {@code platform.relay.max-retry-wait} between tries while
     * the broker does not acknowledge. A batch waits once for its acknowledgements and commits its
     * token once: 1,000 drains a backlog a fifth to a third faster than 100 (docs/performance.md); while
     * the relay keeps up, a batch holds only what was stored since the last one.
     */
    @Bean
    @ConditionalOnBean(IntegrationEventTranslator.class)
    public ConfigurerModule integrationEventRelayProcessor(
            @Value("${platform.relay.batch-size:1000}") int batchSize,
            @Value("${platform.relay.max-retry-wait:5s}") Duration maxRetryWait) {
        EventProcessingConfigurer.EventProcessorBuilder processor = RelayEventProcessor.builder(batchSize, maxRetryWait);
        return configurer -> configurer.eventProcessing()
                .registerEventProcessor(IntegrationEventRelay.PROCESSING_GROUP, processor);
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> kafkaListenerContainerFactory(
            KafkaProperties kafkaProperties, JsonMapper jsonMapper,
            @Value("${spring.application.name}") String serviceName) {
        return EnvelopeListenerContainers.factory(kafkaProperties, jsonMapper, serviceName, null);
    }

    @Bean
    public IntegrationEventInbox integrationEventInbox(JdbcClient jdbcClient, TransactionTemplate transactionTemplate,
                                                       @Value("${spring.application.name}") String serviceName,
                                                       Clock clock, MeterRegistry meterRegistry) {
        return new IntegrationEventInbox(jdbcClient, transactionTemplate, serviceName, clock, meterRegistry);
    }

    /** The listeners the service declares as {@link InboxSubscription} beans. */
    @Bean
    public InboxListeners inboxListeners(ObjectProvider<InboxSubscription> subscriptions,
                                         IntegrationEventInbox integrationEventInbox, CommandGateway commandGateway,
                                         JsonMapper jsonMapper, BeanFactory beanFactory,
                                         ObjectProvider<ObservationRegistry> observations) {
        return new InboxListeners(subscriptions.orderedStream().toList(), integrationEventInbox, commandGateway,
                jsonMapper, beanFactory, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
