package com.upgradecoordination.coordination.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitPlanCommand(
        @TargetAggregateIdentifier String engagementId,
        PlanAuthor author,
        List<ProposedComponent> components,
        String migrationApproach,
        String rollbackApproach,
        Instant plannedWindowStart,
        Instant plannedWindowEnd,
        String planDocumentUrl) {
}
