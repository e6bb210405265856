package com.upgradecoordination.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Axon's tracking processor doubles its wait after each failed batch up to 60 s; the relay's
 * stops at its maximum, so it tries again soon after the broker is back.
 */
class RelayEventProcessorTest {

    /** The relay's processor that records each wait Axon asks for instead of sleeping. */
    static final class RecordingWaits extends RelayEventProcessor {
        final List<Long> waits = new CopyOnWriteArrayList<>();

        RecordingWaits(Builder builder, Duration maxErrorWait) {
            super(builder, maxErrorWait);
        }

        @Override
        protected void doSleepFor(long millisToSleep, AtomicBoolean interruptFlag) {
            waits.add(millisToSleep);
        }
    }

    /** Fails the first {@code failures} deliveries, as the relay does while the broker is away. */
    static final class FailingHandler {
        final AtomicInteger attempts = new AtomicInteger();
        final int failures;

        FailingHandler(int failures) {
            this.failures = failures;
        }

        @EventHandler
        void on(String event) {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("the broker did not acknowledge");
            }
        }
    }

    @Test
    void afterEachFailedBatchItWaitsAsAxonDoublesButNeverLongerThanItsMaximum() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(GenericEventMessage.asEventMessage("stored while the broker was away"));
        FailingHandler handler = new FailingHandler(6);
        RecordingWaits processor = new RecordingWaits(TrackingEventProcessor.builder()
                .name("kafka-relay")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()),
                Duration.ofSeconds(5));
        processor.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.attempts.get() == 7);
            // Axon alone: 1, 2, 4, 8, 16, 32 s
            assertThat(processor.waits).containsExactly(1_000L, 2_000L, 4_000L, 5_000L, 5_000L, 5_000L);
        } finally {
            processor.shutDown();
            store.shutDown();
        }
    }

    @Test
    void itNeedsABatchAndAPositiveWait() {
        assertThatThrownBy(() -> RelayEventProcessor.builder(0, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayEventProcessor.builder(100, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
