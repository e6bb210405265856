package com.upgradecoordination.review.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 renamed revision 1's {@code reviewerLevel} to {@code reviewerRole}, the name the plan
 * review and the envelope's actor use; stored revision 1 rows are read through
 * {@code review.store.SupportReviewCompletedUpcaster}.
 *
 * @param reviewerRole the role the reviewer completed it in: SENIOR_SUPPORT_ENGINEER or SUPPORT_MANAGER
 */
@Revision("2")
public record SupportReviewCompletedEvent(
        String reviewId,
        String engagementId,
        int planVersion,
        SupportVerdict verdict,
        List<String> recommendations,
        @PersonalData String reviewer,
        String reviewerRole) implements SupportReviewEvent {
}
