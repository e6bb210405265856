package com.upgradecoordination.coordination.api;

import com.upgradecoordination.events.PersonalData;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EngagementOpenedEvent(
        String engagementId,
        String customerOrganisation,
        @PersonalData String csm,
        Set<EngagementReason> reasons,
        DeploymentType deploymentType) implements EngagementEvent {
}
