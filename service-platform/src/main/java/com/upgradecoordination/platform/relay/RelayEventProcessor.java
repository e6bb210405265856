package com.upgradecoordination.platform.relay;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * The relay's processor: Axon's tracking processor, one segment, with its wait after a failed batch
 * capped. Axon doubles that wait after each consecutive failure up to a fixed 60 s, so after a
 * broker outage of a few minutes the relay sat idle for up to a minute after the broker was back
 * (issue 13 measured 54 s). Capped, it tries again every few seconds; each failing try itself
 * takes the producer's timeouts (10-15 s), so a broker that is away is not hammered.
 */
class RelayEventProcessor extends TrackingEventProcessor {

    private final long maxErrorWaitMillis;

    RelayEventProcessor(Builder builder, Duration maxErrorWait) {
        super(builder);
        this.maxErrorWaitMillis = maxErrorWait.toMillis();
    }

    /** The processor as Axon's configuration builds a tracking processor, with the relay's settings. */
    static EventProcessingConfigurer.EventProcessorBuilder builder(int batchSize, Duration maxErrorWait) {
        if (batchSize < 1 || maxErrorWait.isNegative() || maxErrorWait.isZero()) {
            throw new IllegalArgumentException("the relay needs a batch size of at least 1 and a positive wait, got "
                    + batchSize + " and " + maxErrorWait);
        }
        return (name, configuration, invoker) -> {
            var processing = configuration.eventProcessingConfiguration();
            Builder builder = TrackingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(invoker)
                    .rollbackConfiguration(processing.rollbackConfiguration(name))
                    .errorHandler(processing.errorHandler(name))
                    .messageMonitor(processing.messageMonitor(TrackingEventProcessor.class, name))
                    .messageSource(configuration.eventStore())
                    .tokenStore(processing.tokenStore(name))
                    .transactionManager(processing.transactionManager(name))
                    // one segment: the relay reads the store in order, so each case's events reach
                    // Kafka in the order they were stored; other instances stand by for the segment
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andInitialSegmentsCount(1)
                            .andBatchSize(batchSize))
                    .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class));
            return new RelayEventProcessor(builder, maxErrorWait);
        };
    }

    /** Axon calls this, and only this, to wait after a failed batch. */
    @Override
    protected void doSleepFor(long millisToSleep) {
        super.doSleepFor(Math.min(millisToSleep, maxErrorWaitMillis));
    }
}
