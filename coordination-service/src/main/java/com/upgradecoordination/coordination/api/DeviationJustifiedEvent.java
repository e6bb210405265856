package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeviationJustifiedEvent(
        String engagementId, int planVersion, DeviationReason reasonCategory, String explanation) implements EngagementEvent {
}
