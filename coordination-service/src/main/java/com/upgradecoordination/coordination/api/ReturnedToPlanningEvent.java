package com.upgradecoordination.coordination.api;

import org.axonframework.serialization.Revision;

/** Support found the deviating architecture not supportable: a new plan version is needed (SPEC C6). */
@Revision("1")
public record ReturnedToPlanningEvent(String engagementId, int planVersion, String reason) implements EngagementEvent {
}
