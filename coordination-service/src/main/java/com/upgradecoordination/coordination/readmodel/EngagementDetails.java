package com.upgradecoordination.coordination.readmodel;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.api.PlanAuthor;
import com.upgradecoordination.coordination.api.ProposedComponent;
import java.time.Instant;
import java.util.List;

/**
 * One engagement in full, as the internal apps show it: where it stands, what is still required
 * before its next step, the latest plan with its deviations and the deviation process step by step.
 *
 * @param summary          what the list shows, in the same fields
 * @param requiredNext     what must happen before the engagement moves on: an action such as SUBMIT_PLAN or
 *                         START_MIGRATION, or the open deviation steps by name
 * @param deviationProcess the latest plan's deviation process; null unless the latest plan deviates
 * @param performanceComparison the latest plan's GPT results as judged (C6e): verdict, basis, both
 *                         overall scores and every test that fell short; null until compared
 */
public record EngagementDetails(
        @JsonUnwrapped EngagementSummary summary,
        String deploymentType,
        List<String> requiredNext,
        ProfessionalServices professionalServices,
        boolean timelineRisk,
        Plan latestPlan,
        DeviationProcessState deviationProcess,
        PerformanceComparisonResult performanceComparison,
        List<AssistanceRequest> openAssistanceRequests,
        List<PlanReview> pendingPlanReviews,
        String closingOutcome) {

    /** @param decision ENGAGED, DECLINED, or null while undecided */
    public record ProfessionalServices(String strength, String decision, String declineReason) {
    }

    /** @param conforms null until compared */
    public record Plan(int planVersion, PlanAuthor author, List<ProposedComponent> components,
                       String migrationApproach, String rollbackApproach, Instant plannedWindowStart,
                       Instant plannedWindowEnd, String planDocumentUrl, Boolean conforms,
                       List<Deviation> deviations) {
    }

    public record DeviationProcessState(int planVersion, String revisionOutcome, boolean complete,
                                        List<DeviationStep> steps) {
    }

    /**
     * @param letter      the step's letter in the SPEC (C6 a-h)
     * @param takeableNow open, and the steps it waits for are done
     * @param waitsFor    the steps that must be done before it
     */
    public record DeviationStep(String step, String letter, boolean done, Instant doneAt, String doneBy,
                                boolean takeableNow, List<String> waitsFor) {
    }

    public record AssistanceRequest(String requestId, String team, String question, Instant askedAt,
                                    String askedBy) {
    }

    public record PlanReview(String planReviewId, int planVersion, Instant sharedAt) {
    }
}
