package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.AddedWithinVersion;
import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * The CSM asks Support to review a deviating architecture (SPEC C6f); review-service opens an
 * architecture support review with {@code reviewId} as its id.
 *
 * @param performance the plan version's performance comparison with its basis (added in v1, optional;
 *                    absent in events published before)
 */
@EventContract(type = "SupportReviewRequested", version = 1, topic = Topics.COORDINATION)
public record SupportReviewRequested(
        String engagementId,
        String reviewId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        List<ArchitectureDeviation> deviations,
        @AddedWithinVersion PerformanceSummary performance) {
}
