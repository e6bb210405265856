package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InternalAssistanceRequestedEvent(String engagementId, String requestId, AssistingTeam team,
                                               String question) implements EngagementEvent {
}
