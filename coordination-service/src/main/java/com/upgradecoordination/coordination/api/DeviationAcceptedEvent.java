package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** Every step of the deviation process holds for the plan version and Support found it supportable (SPEC C6). */
@Revision("1")
public record DeviationAcceptedEvent(String engagementId, int planVersion, SupportVerdict verdict)
        implements EngagementEvent {
}
