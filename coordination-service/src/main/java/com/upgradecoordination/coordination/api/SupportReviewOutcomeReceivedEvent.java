package com.upgradecoordination.coordination.api;

import com.upgradecoordination.events.PersonalData;
import java.util.List;
import org.axonframework.serialization.Revision;

/** review-service's SupportReviewCompleted, as it became part of this engagement's history. */
@Revision("1")
public record SupportReviewOutcomeReceivedEvent(
        String engagementId,
        String reviewId,
        int planVersion,
        SupportVerdict verdict,
        List<String> recommendations,
        @PersonalData String reviewer,
        String reviewerLevel) implements EngagementEvent {
}
