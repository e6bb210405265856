package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** Who answered is the event's actor. */
@Revision("1")
public record InternalAssistanceAnsweredEvent(String engagementId, String requestId, String answer)
        implements EngagementEvent {
}
