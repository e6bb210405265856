package com.upgradecoordination.coordination.catalog;

import com.upgradecoordination.coordination.api.GptBenchmarkRegisteredEvent;
import com.upgradecoordination.coordination.api.GptBenchmarkSeriesId;
import com.upgradecoordination.coordination.domain.performance.GptBenchmarkLibrary;
import com.upgradecoordination.coordination.domain.performance.RegisteredBenchmark;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads a size's latest benchmark straight from its own event stream, so a comparison made right
 * after a registration already uses it (a read model could lag behind).
 */
public class EventStoreGptBenchmarkLibrary implements GptBenchmarkLibrary {

    private final EventStore eventStore;

    public EventStoreGptBenchmarkLibrary(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredBenchmark> latestFor(String size) {
        GptBenchmarkRegisteredEvent latest = null;
        var events = eventStore.readEvents(GptBenchmarkSeriesId.of(size));
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof GptBenchmarkRegisteredEvent registered) {
                latest = registered;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        return Optional.of(new RegisteredBenchmark(latest.size(), latest.version(),
                GptResultsReader.read(latest.resultsJson().getBytes(StandardCharsets.UTF_8)), latest.sourceUrl(),
                latest.publishedOn().toString()));
    }
}
