package com.upgradecoordination.platform.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Axon settings every service shares. */
@AutoConfiguration(after = AxonOnBoot4AutoConfiguration.class)
public class AxonPlatformAutoConfiguration {

    /** Events inherit the audit metadata of the command that caused them. */
    @Bean
    public CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS);
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
}
