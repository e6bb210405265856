package com.upgradecoordination.coordination.api;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenEngagementCommand(
        @TargetAggregateIdentifier String engagementId,
        String customerOrganisation,
        String csm,
        Set<EngagementReason> reasons,
        DeploymentType deploymentType) {
}
