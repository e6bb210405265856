package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ArchitectureConformsEvent(String engagementId, int planVersion, String referenceSize) implements EngagementEvent {
}
