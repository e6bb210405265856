package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record RevisionDiscussedEvent(String engagementId, int planVersion, RevisionOutcome outcome, String notes) implements EngagementEvent {
}
