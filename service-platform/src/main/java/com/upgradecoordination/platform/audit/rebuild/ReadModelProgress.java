package com.upgradecoordination.platform.audit.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where a read model's event processor stands against the head of the event store.
 *
 * @param processingGroup  the read model's processing group
 * @param rebuildable      whether {@code POST .../rebuild} may reset it (read models only)
 * @param state            RUNNING, REBUILDING (replaying after a reset), STOPPED or ERROR
 * @param eventsDone       the global position the processor has reached (its slowest segment)
 * @param eventsTotal      the head of the event store (its highest global position)
 * @param ratePerSecond    events per second since the last rebuild started here; absent without one
 * @param rebuildStartedAt when the last rebuild started on this instance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadModelProgress(String processingGroup, boolean rebuildable, State state, long eventsDone,
                                long eventsTotal, Double ratePerSecond, Instant rebuildStartedAt) {

    public enum State { RUNNING, REBUILDING, STOPPED, ERROR }
}
