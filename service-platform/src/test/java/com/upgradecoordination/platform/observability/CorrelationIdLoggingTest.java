package com.upgradecoordination.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.platform.axon.AuditMetadata;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationIdLoggingTest {

    private final CorrelationIdLogging<EventMessage<?>> logging = new CorrelationIdLogging<>();

    @AfterEach
    void emptyLoggingContext() {
        MDC.clear();
    }

    @Test
    void aStoredEventIsHandledWithItsCorrelationIdInTheLogsAndTheOuterContextComesBack() throws Exception {
        MDC.put(CorrelationIdLogging.MDC_KEY, "outer");

        String during = handle(tracked(new GlobalSequenceTrackingToken(7), new MetaDataReads("request-1")));

        assertThat(during).isEqualTo("request-1");
        assertThat(MDC.get(CorrelationIdLogging.MDC_KEY)).isEqualTo("outer");
    }

    @Test
    void aReplayedEventIsHandledWithoutItsCorrelationIdAndItsMetadataStaysUnread() throws Exception {
        TrackingToken replaying = reset().advancedTo(new GlobalSequenceTrackingToken(4));
        MetaDataReads reads = new MetaDataReads("request-1");
        EventMessage<?> replayed = tracked(replaying, reads);
        assertThat(ReplayToken.isReplay(replayed)).as("the event is a replayed one").isTrue();

        String during = handle(replayed);

        assertThat(during).isNull();
        assertThat(reads.count).hasValue(0);
    }

    @Test
    void anEventPastTheResetPositionIsLiveAgainAndNamesItsRequest() throws Exception {
        TrackingToken pastReset = reset().advancedTo(new GlobalSequenceTrackingToken(101));

        assertThat(handle(tracked(pastReset, new MetaDataReads("request-2")))).isEqualTo("request-2");
    }

    @Test
    void aMessageWithoutACorrelationIdLeavesTheContextAsItWas() throws Exception {
        assertThat(handle(tracked(new GlobalSequenceTrackingToken(1), new MetaDataReads(null)))).isNull();
        assertThat(MDC.get(CorrelationIdLogging.MDC_KEY)).isNull();
    }

    /** The correlation id in the logging context while the handler ran. */
    private String handle(EventMessage<?> message) throws Exception {
        AtomicReference<String> during = new AtomicReference<>();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            logging.handle(unitOfWork, () -> {
                during.set(MDC.get(CorrelationIdLogging.MDC_KEY));
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
        return during.get();
    }

    /** A processor reset (a rebuild) when it was at position 100, to start again at 3. */
    private static ReplayToken reset() {
        return (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(3));
    }

    private static EventMessage<?> tracked(TrackingToken token, MetaDataReads event) {
        return new GenericTrackedEventMessage<>(token, event);
    }

    /** An event that counts how often its metadata is read, as a stored event deserializes it on each first read. */
    private static final class MetaDataReads extends GenericEventMessage<String> {
        final AtomicInteger count;

        MetaDataReads(String correlationId) {
            this(new AtomicInteger(), correlationId == null ? MetaData.emptyInstance()
                    : MetaData.with(AuditMetadata.CORRELATION_ID, correlationId));
        }

        private MetaDataReads(AtomicInteger count, MetaData metaData) {
            super("payload", metaData);
            this.count = count;
        }

        @Override
        public MetaData getMetaData() {
            count.incrementAndGet();
            return super.getMetaData();
        }
    }
}
