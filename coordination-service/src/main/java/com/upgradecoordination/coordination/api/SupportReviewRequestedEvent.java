package com.upgradecoordination.coordination.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Carries what Support needs to review, as it stood when the review was requested.
 *
 * @param performance the plan version's performance comparison; null in requests stored before it was carried
 */
@Revision("1")
public record SupportReviewRequestedEvent(
        String engagementId,
        String reviewId,
        int planVersion,
        String customerOrganisation,
        @PersonalData String csm,
        String referenceSize,
        List<Deviation> deviations,
        PerformanceOutcome performance) implements EngagementEvent {
}
