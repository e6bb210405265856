package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.Instant;
import java.util.List;

/**
 * A version of the upgrade plan was submitted (SPEC C5). Its comparison with the reference
 * architecture follows as {@link ArchitectureConforms} or {@link ArchitectureDeviationDetected}.
 *
 * @param author PROFESSIONAL_SERVICES or CUSTOMER
 */
@EventContract(type = "PlanSubmitted", version = 1, topic = Topics.COORDINATION)
public record PlanSubmitted(
        String engagementId,
        int planVersion,
        String author,
        String referenceSize,
        List<PlannedComponent> components,
        String migrationApproach,
        String rollbackApproach,
        Instant plannedWindowStart,
        Instant plannedWindowEnd,
        String planDocumentUrl) {
}
