package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;
import java.util.List;

/**
 * The CSM shares a plan version with Support (SPEC C7); review-service opens a plan review with
 * {@code planReviewId} as its id, and answers with PlanReviewCompleted.
 *
 * @param conforms   whether the plan version conforms to its reference architecture
 * @param deviations the plan version's deviations, empty when it conforms
 */
@EventContract(type = "PlanSharedWithSupport", version = 1, topic = Topics.COORDINATION)
public record PlanSharedWithSupport(
        String engagementId,
        String planReviewId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        String planDocumentUrl,
        boolean conforms,
        List<ArchitectureDeviation> deviations) {
}
