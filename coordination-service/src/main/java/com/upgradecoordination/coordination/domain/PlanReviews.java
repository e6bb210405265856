package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.PlanPolicies.planFirst;
import static com.upgradecoordination.coordination.domain.PlanReviewPolicies.newPlanReview;
import static com.upgradecoordination.coordination.domain.PlanReviewPolicies.onePendingPerVersion;
import static com.upgradecoordination.coordination.domain.PlanReviewPolicies.pending;
import static com.upgradecoordination.coordination.domain.Refusal.enforce;
import static com.upgradecoordination.platform.domain.CommandInput.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.RecordPlanReviewOutcomeCommand;
import com.upgradecoordination.coordination.api.SharePlanWithSupportCommand;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Plan reviews (SPEC C7), a member of the engagement: the latest plan version goes to Support,
 * conforming or not, and Support's feedback becomes part of the case's history.
 */
class PlanReviews {

    private String engagementId;
    // by id, the shared plan version; completed ones stay known so that an id is never reused
    private final Map<String, Integer> pending = new HashMap<>();
    private final Set<String> completed = new HashSet<>();

    String engagementId() {
        return engagementId;
    }

    boolean exists(String planReviewId) {
        return pending.containsKey(planReviewId) || completed.contains(planReviewId);
    }

    boolean pendingFor(int planVersion) {
        return pending.containsValue(planVersion);
    }

    /** The plan version a pending review is of, null when no such review is pending. */
    Integer pendingVersion(String planReviewId) {
        return pending.get(planReviewId);
    }

    /** One pending plan review per version. */
    @CommandHandler
    void handle(SharePlanWithSupportCommand command, CaseFile caseFile) {
        require(command.planReviewId(), "planReviewId");
        EngagementProgress progress = caseFile.progress();
        enforce(planFirst(progress, "share it with Support"), engagementId(), command);
        enforce(newPlanReview(this, command.planReviewId()), engagementId(), command);
        enforce(onePendingPerVersion(this, progress.latestPlanVersion()), engagementId(), command);
        apply(new PlanSharedWithSupportEvent(engagementId(), command.planReviewId(), progress.latestPlanVersion(),
                caseFile.customerOrganisation(), caseFile.csm(), caseFile.referenceSize(),
                caseFile.latestPlanDocumentUrl(), !progress.deviating(), caseFile.latestDeviations()));
    }

    @CommandHandler
    void handle(RecordPlanReviewOutcomeCommand command) {
        enforce(pending(this, command.planReviewId()), engagementId(), command);
        int sharedVersion = pending.get(command.planReviewId());
        if (sharedVersion != command.planVersion()) {
            throw new IllegalArgumentException("planVersion: plan review " + command.planReviewId()
                    + " is of plan version " + sharedVersion + ", not " + command.planVersion());
        }
        apply(new PlanReviewCompletedEvent(engagementId(), command.planReviewId(), command.planVersion(),
                command.feedback() == null ? List.of() : List.copyOf(command.feedback()), command.summary(),
                command.reviewer(), command.reviewerRole()));
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        engagementId = event.engagementId();
    }

    @EventSourcingHandler
    void on(PlanSharedWithSupportEvent event) {
        pending.put(event.planReviewId(), event.planVersion());
    }

    @EventSourcingHandler
    void on(PlanReviewCompletedEvent event) {
        pending.remove(event.planReviewId());
        completed.add(event.planReviewId());
    }
}
