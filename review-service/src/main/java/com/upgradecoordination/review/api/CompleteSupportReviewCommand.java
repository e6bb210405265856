package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A reviewer gives Support's verdict.
 *
 * @param reviewer        the principal completing the review
 * @param reviewerRole    the role the reviewer acts in; only SENIOR_SUPPORT_ENGINEER and SUPPORT_MANAGER may complete
 * @param expectedVersion the review's version the reviewer based this on (If-Match); null: no check
 */
public record CompleteSupportReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        SupportVerdict verdict,
        List<String> recommendations,
        String reviewer,
        String reviewerRole,
        @TargetAggregateVersion Long expectedVersion) {
}
