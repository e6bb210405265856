package com.upgradecoordination.platform.axon;

import java.util.Map;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * A message's correlation data as {@code delegate} takes it from the message, except for a replayed
 * event (a read model's rebuild), which hands none on: its handlers dispatch nothing (those that
 * would are {@code @DisallowReplay}, and they name their audit metadata themselves). Axon still asks
 * for it for every event of a batch (the handler's result message takes it), and reading it
 * deserialized each replayed event's metadata and decrypted its actor: a seventh of a rebuild's
 * thread (docs/performance.md).
 */
public class LiveCorrelationData implements CorrelationDataProvider {

    private final CorrelationDataProvider delegate;

    public LiveCorrelationData(CorrelationDataProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return ReplayToken.isReplay(message) ? Map.of() : delegate.correlationDataFor(message);
    }
}
