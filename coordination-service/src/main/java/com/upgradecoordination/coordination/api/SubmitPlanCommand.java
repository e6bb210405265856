package com.upgradecoordination.coordination.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the engagement's version the sender based this on (If-Match); null: no check */
public record SubmitPlanCommand(
        @TargetAggregateIdentifier String engagementId,
        PlanAuthor author,
        List<ProposedComponent> components,
        String migrationApproach,
        String rollbackApproach,
        Instant plannedWindowStart,
        Instant plannedWindowEnd,
        String planDocumentUrl,
        @TargetAggregateVersion Long expectedVersion) {
}
