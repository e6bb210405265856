package com.upgradecoordination.coordination.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanSubmittedEvent(
        String engagementId,
        int planVersion,
        PlanAuthor author,
        String referenceSize,
        List<ProposedComponent> components,
        String migrationApproach,
        String rollbackApproach,
        Instant plannedWindowStart,
        Instant plannedWindowEnd,
        String planDocumentUrl) implements EngagementEvent {
}
