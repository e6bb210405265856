package com.upgradecoordination.review.domain;

import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.security.Roles;
import com.upgradecoordination.review.api.CompleteSupportReviewCommand;
import com.upgradecoordination.review.api.OpenSupportReviewCommand;
import com.upgradecoordination.review.api.SupportReviewCompletedEvent;
import com.upgradecoordination.review.api.SupportReviewOpenedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Support's architecture support review of a deviating architecture (SPEC T12). Its id is the
 * review id coordination-service chose; its case is the engagement. Command handlers validate and
 * apply; event-sourcing handlers only assign state.
 */
@Aggregate
public class SupportReview {

    /** Senior Support Engineer or higher (SPEC S2, T12). */
    public static final Set<String> REVIEWER_ROLES = Set.of(Roles.SENIOR_SUPPORT_ENGINEER, Roles.SUPPORT_MANAGER);
    private static final ReviewPolicy REVIEWER = ReviewPolicy.actorIn(REVIEWER_ROLES, "senior-support-engineer-required",
            "Only a Senior Support Engineer or a Support Manager may complete an architecture support review");

    static final int MAX_RECOMMENDATIONS = 50;
    static final int MAX_RECOMMENDATION = 4000;

    @AggregateIdentifier
    private String reviewId;
    private String engagementId;
    private int planVersion;
    private boolean completed;

    protected SupportReview() {
        // for Axon
    }

    /**
     * Opens the review. Created if missing rather than by a constructor, so that a second request
     * for the same review id is a refused rule (recorded once by the inbox) instead of a
     * storage conflict that would be retried.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenSupportReviewCommand command) {
        ReviewOpening.checkCase(reviewCase(), "reviewId", command.reviewId(), command.engagementId(),
                command.planVersion(), command.customerOrganisation(), command.csm(), command.referenceSize());
        if (command.deviations() == null || command.deviations().isEmpty()) {
            throw new IllegalArgumentException(
                    "deviations: a support review is of a deviating architecture; name at least one deviation");
        }
        ReviewOpening.checkDeviations(command.deviations());
        apply(new SupportReviewOpenedEvent(command.reviewId(), command.engagementId(), command.planVersion(),
                command.customerOrganisation().strip(), command.csm().strip(), command.referenceSize().strip(),
                List.copyOf(command.deviations()), command.performance()));
    }

    @CommandHandler
    public void handle(CompleteSupportReviewCommand command) {
        require(command.reviewer(), "reviewer", ReviewOpening.MAX_NAME);
        String reviewer = command.reviewer().strip();
        Rejection.enforce(List.of(REVIEWER, ReviewPolicy.stillOpen),
                policy -> policy.check(reviewCase(), reviewer, command.reviewerRole()));
        if (command.verdict() == null) {
            throw new IllegalArgumentException("verdict: required");
        }
        List<String> recommendations = recommendations(command.recommendations());
        if (command.verdict().needsRecommendations() && recommendations.isEmpty()) {
            throw new IllegalArgumentException("recommendations: a verdict of " + command.verdict()
                    + " needs at least one recommendation");
        }
        apply(new SupportReviewCompletedEvent(reviewId, engagementId, planVersion, command.verdict(),
                recommendations, reviewer, command.reviewerRole()));
    }

    @EventSourcingHandler
    void on(SupportReviewOpenedEvent event) {
        reviewId = event.reviewId();
        engagementId = event.engagementId();
        planVersion = event.planVersion();
    }

    @EventSourcingHandler
    void on(SupportReviewCompletedEvent event) {
        completed = true;
    }

    private ReviewCase reviewCase() {
        return new ReviewCase("Support review", reviewId, engagementId, completed);
    }

    private static List<String> recommendations(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_RECOMMENDATIONS) {
            throw new IllegalArgumentException("recommendations: at most " + MAX_RECOMMENDATIONS);
        }
        List<String> stripped = new ArrayList<>(given.size());
        for (String recommendation : given) {
            require(recommendation, "recommendations", MAX_RECOMMENDATION);
            stripped.add(recommendation.strip());
        }
        return List.copyOf(stripped);
    }
}
