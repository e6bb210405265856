package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** @param sizedBy USERS or RPS: which requirement decided the size */
@Revision("1")
public record ReferenceArchitectureMatchedEvent(String engagementId, String size, String sizedBy) implements EngagementEvent {
}
