package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DocumentationRecordedEvent(String engagementId, int planVersion, String location) implements EngagementEvent {
}
