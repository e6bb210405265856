package com.upgradecoordination.coordination.messaging;

import com.upgradecoordination.coordination.api.RecordPlanReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.RecordSupportReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.events.Topics;
import com.upgradecoordination.events.review.PlanReviewCompleted;
import com.upgradecoordination.events.review.SupportReviewCompletedV2;
import com.upgradecoordination.platform.inbox.InboxSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What coordination-service takes from review-service: Support's outcomes join the engagement's
 * history. Each has its own listener (and so its own consumer group) on the review topic.
 */
@Configuration
public class ReviewOutcomeSubscriptions {

    /** Support's verdict on an architecture review (SPEC C6f), in version 2; the deprecated version 1 is skipped. */
    @Bean
    public InboxSubscription supportReviewOutcomes() {
        return InboxSubscription.listener("coordination-review-events", Topics.REVIEW)
                .command(SupportReviewCompletedV2.class, "support-review-outcomes", completed ->
                        new RecordSupportReviewOutcomeCommand(completed.engagementId(), completed.reviewId(),
                                completed.planVersion(), SupportVerdict.valueOf(completed.verdict()),
                                completed.recommendations(), completed.reviewer(), completed.reviewerRole()));
    }

    /** Support's feedback on a shared plan (SPEC C7). */
    @Bean
    public InboxSubscription planReviewOutcomes() {
        return InboxSubscription.listener("coordination-plan-review-events", Topics.REVIEW)
                .command(PlanReviewCompleted.class, "plan-review-outcomes", completed ->
                        new RecordPlanReviewOutcomeCommand(completed.engagementId(), completed.planReviewId(),
                                completed.planVersion(), completed.feedback(), completed.summary(),
                                completed.reviewer(), completed.reviewerRole()));
    }
}
