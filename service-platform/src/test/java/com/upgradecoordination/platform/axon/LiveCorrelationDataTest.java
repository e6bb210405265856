package com.upgradecoordination.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

class LiveCorrelationDataTest {

    private static final MetaData AUDIT = MetaData.with(AuditMetadata.ACTOR, "casey.csm")
            .and(AuditMetadata.CORRELATION_ID, "request-1");

    private final LiveCorrelationData provider =
            new LiveCorrelationData(new SimpleCorrelationDataProvider(AuditMetadata.KEYS));

    @Test
    void aCommandAndALiveEventHandTheirAuditMetadataOn() {
        assertThat(dataFor(new GenericCommandMessage<>("command").andMetaData(AUDIT)))
                .isEqualTo(Map.of(AuditMetadata.ACTOR, "casey.csm", AuditMetadata.CORRELATION_ID, "request-1"));
        assertThat(dataFor(event(new GlobalSequenceTrackingToken(5))))
                .containsEntry(AuditMetadata.CORRELATION_ID, "request-1");
    }

    @Test
    void aReplayedEventHandsNothingOnUntilTheReplayPassesWhereTheResetWas() {
        ReplayToken reset = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(3));

        assertThat(dataFor(event(reset.advancedTo(new GlobalSequenceTrackingToken(4)))))
                .isEmpty();
        assertThat(dataFor(event(reset.advancedTo(new GlobalSequenceTrackingToken(101)))))
                .containsEntry(AuditMetadata.ACTOR, "casey.csm");
    }

    private Map<String, Object> dataFor(Message<?> message) {
        return new HashMap<>(provider.correlationDataFor(message));
    }

    private static GenericTrackedEventMessage<String> event(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, new GenericEventMessage<>("event", AUDIT));
    }
}
