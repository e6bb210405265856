package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The plan version Support reviews, as it stood when the CSM shared it. */
@Revision("1")
public record PlanReviewOpenedEvent(
        String planReviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        String planDocumentUrl,
        boolean conforms,
        List<ReviewedDeviation> deviations) implements PlanReviewEvent {
}
