package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProfessionalServicesEngagedEvent(String engagementId) implements EngagementEvent {
}
