package com.upgradecoordination.platform.audit.state;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An aggregate as it was right after one of its events, rebuilt by replaying its events up to
 * that one through the aggregate's own event-sourcing handlers.
 *
 * @param aggregateId   the aggregate
 * @param aggregateType its type as the event store names it
 * @param asOfSequence  the sequence of the last event replayed
 * @param asOfTime      when that event was stored
 * @param eventsApplied how many events were replayed
 * @param state         the aggregate's fields
 */
public record AggregateState(String aggregateId, String aggregateType, long asOfSequence, Instant asOfTime,
                             int eventsApplied, JsonNode state) {
}
