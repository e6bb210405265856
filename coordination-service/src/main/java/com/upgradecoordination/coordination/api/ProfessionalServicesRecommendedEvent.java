package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProfessionalServicesRecommendedEvent(String engagementId, ProfessionalServicesStrength strength,
                                                   int expectedUsers) implements EngagementEvent {
}
