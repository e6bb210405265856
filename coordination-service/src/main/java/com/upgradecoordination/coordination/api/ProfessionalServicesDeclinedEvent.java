package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProfessionalServicesDeclinedEvent(String engagementId, String reason) implements EngagementEvent {
}
