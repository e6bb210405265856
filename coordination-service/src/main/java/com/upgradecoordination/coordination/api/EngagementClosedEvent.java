package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** The engagement ended; its history stays (SPEC C8). */
@Revision("1")
public record EngagementClosedEvent(String engagementId, ClosingOutcome outcome, String notes)
        implements EngagementEvent {
}
