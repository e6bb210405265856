package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What Support reviews, as it stood when the review was requested.
 *
 * @param performance the customer's GPT results as judged, with their basis; null in reviews opened before it was carried
 */
@Revision("1")
public record SupportReviewOpenedEvent(
        String reviewId,
        String engagementId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        List<ReviewedDeviation> deviations,
        ReviewedPerformance performance) implements SupportReviewEvent {
}
