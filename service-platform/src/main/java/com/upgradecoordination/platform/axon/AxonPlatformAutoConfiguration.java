package com.upgradecoordination.platform.axon;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/** Axon settings every service shares. */
@AutoConfiguration(after = AxonOnBoot4AutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class AxonPlatformAutoConfiguration {

    /** Events inherit the audit metadata of the command that caused them. */
    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new LiveCorrelationData(new SimpleCorrelationDataProvider(AuditMetadata.KEYS));
    }

    /**
     * Axon's default logs a failing event handler and moves the token on, which silently loses a
     * Kafka publication or a read-model update. Propagating makes the processor back off and retry
     * the same event until it succeeds.
     */
    @Bean
    public ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * The serializer of stored events: the one Axon builds for {@code axon.serializer.events: jackson3}
     * (the same revision resolver, converter and JSON customizer), finding each payload class by name
     * once ({@link ClassCachingJackson3Serializer}). Axon builds none of its own where a bean of this
     * qualifier exists.
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver,
                                      ObjectProvider<Jackson3SerializerCustomizer> jsonCustomizers,
                                      ConfigurableListableBeanFactory beanFactory) {
        Jackson3Serializer.Builder builder = Jackson3Serializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(beanFactory.getBeanClassLoader()));
        // Axon applies the first customizer it finds; the platform defines one (AuditAutoConfiguration)
        jsonCustomizers.orderedStream().findFirst().ifPresent(builder::jsonMapperBuilderCustomizer);
        return new ClassCachingJackson3Serializer(builder);
    }

    /** When long aggregates are snapshotted: see {@link AggregateSnapshots}. */
    @Bean(AggregateSnapshots.TRIGGER)
    public SnapshotTriggerDefinition aggregateSnapshotTrigger(
            Snapshotter snapshotter, @Value("${platform.snapshots.after-events:50}") int afterEvents) {
        return AggregateSnapshots.everyEvents(snapshotter, afterEvents);
    }

    /**
     * A command that throws rolls back everything it applied, except a
     * {@link RecordedRuleViolationException}: its only event is the recorded refusal, which is kept.
     */
    public static final RollbackConfiguration KEEP_RECORDED_REFUSALS =
            failure -> !(failure instanceof RecordedRuleViolationException);

    /** Axon's own command bus definition, with {@link #KEEP_RECORDED_REFUSALS} as its rollback rule. */
    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(TransactionManager transactionManager, Configuration axonConfiguration,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .rollbackConfiguration(KEEP_RECORDED_REFUSALS)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(org.axonframework.commandhandling.CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }
}
