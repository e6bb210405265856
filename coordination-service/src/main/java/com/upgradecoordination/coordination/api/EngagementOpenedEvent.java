package com.upgradecoordination.coordination.api;

import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EngagementOpenedEvent(
        String engagementId,
        String customerOrganisation,
        String csm,
        Set<EngagementReason> reasons,
        DeploymentType deploymentType) implements EngagementEvent {
}
