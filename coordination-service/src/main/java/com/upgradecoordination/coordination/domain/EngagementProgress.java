package com.upgradecoordination.coordination.domain;

import java.util.List;

/**
 * The facts that decide where an engagement stands and what is still required before its next
 * step. The read model asks it rather than keeping rules of its own; the deviation process's part
 * comes from {@link DeviationProcess}, which the aggregate enforces.
 *
 * @param latestPlanDeviates   null before any plan
 * @param deviationProcess     the process of the latest plan version
 * @param supportReviewPending a support review of the deviation awaits Support's verdict
 * @param returnedToPlanning   Support found the latest plan not supportable
 * @param deviationAccepted    the latest plan's deviation is accepted
 */
public record EngagementProgress(
        boolean requirementsRecorded,
        Boolean latestPlanDeviates,
        DeviationProcess deviationProcess,
        boolean supportReviewPending,
        boolean returnedToPlanning,
        boolean deviationAccepted,
        boolean migrationStarted,
        boolean migrationCompleted,
        boolean closed) {

    public EngagementStep currentStep() {
        if (closed) {
            return EngagementStep.CLOSED;
        }
        if (migrationCompleted) {
            return EngagementStep.MIGRATION_COMPLETED;
        }
        if (migrationStarted) {
            return EngagementStep.MIGRATING;
        }
        if (!requirementsRecorded) {
            return EngagementStep.OPENED;
        }
        if (latestPlanDeviates == null) {
            return EngagementStep.REQUIREMENTS_RECORDED;
        }
        if (!latestPlanDeviates) {
            return EngagementStep.PLAN_CONFORMS;
        }
        if (deviationAccepted) {
            return EngagementStep.DEVIATION_ACCEPTED;
        }
        if (returnedToPlanning || deviationProcess.awaitsRevisedPlan()) {
            return EngagementStep.PLANNING;
        }
        return supportReviewPending ? EngagementStep.AWAITING_SUPPORT_REVIEW : EngagementStep.DEVIATION_PROCESS;
    }

    /** What must happen before the engagement can move on, in order (deviation steps by their name). */
    public List<String> requiredNext() {
        switch (currentStep()) {
            case OPENED:
                return List.of("RECORD_REQUIREMENTS");
            case REQUIREMENTS_RECORDED:
                return List.of("SUBMIT_PLAN");
            case PLANNING:
                return List.of("SUBMIT_REVISED_PLAN");
            case PLAN_CONFORMS:
            case DEVIATION_ACCEPTED:
                return List.of("START_MIGRATION");
            case DEVIATION_PROCESS:
            case AWAITING_SUPPORT_REVIEW:
                return deviationProcess.open().stream().map(Enum::name).toList();
            case MIGRATING:
                return List.of("COMPLETE_MIGRATION");
            case MIGRATION_COMPLETED:
                return List.of("CLOSE_ENGAGEMENT");
            default:
                return List.of();
        }
    }
}
