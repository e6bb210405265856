package com.upgradecoordination.coordination.domain;

import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import java.util.List;

/**
 * Where an engagement stands: the one place that decides it. The aggregate keeps one, moved on by
 * its events, and its rules read it; the read model builds one from its row and shows its current
 * step and what is still required. The deviation process's own order is {@link DeviationProcess}'s.
 * Immutable.
 *
 * @param latestPlanDeviates   null before any plan (and before the latest one is compared)
 * @param deviationProcess     the process of the latest plan version; its plan version is the latest (0: none)
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

    /** A newly opened engagement. */
    public static EngagementProgress opened() {
        return new EngagementProgress(false, null, DeviationProcess.startingOn(0), false, false, false, false, false,
                false);
    }

    // --- what the rules and the read model ask ----------------------------------------------

    /** The latest plan version, 0 before any plan. */
    public int latestPlanVersion() {
        return deviationProcess.planVersion();
    }

    public boolean hasPlan() {
        return latestPlanVersion() > 0;
    }

    /** The latest plan is known to deviate from its reference architecture. */
    public boolean deviating() {
        return Boolean.TRUE.equals(latestPlanDeviates);
    }

    /** The migration has started and not yet completed. */
    public boolean migrationRunning() {
        return migrationStarted && !migrationCompleted;
    }

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

    // --- how the events move it on (the aggregate's event-sourcing handlers) ------------------

    EngagementProgress withRequirementsRecorded() {
        return new EngagementProgress(true, latestPlanDeviates, deviationProcess, supportReviewPending,
                returnedToPlanning, deviationAccepted, migrationStarted, migrationCompleted, closed);
    }

    /** A new plan version: not compared yet, its deviation process afresh, nothing accepted or returned. */
    EngagementProgress withPlanSubmitted(int planVersion) {
        return new EngagementProgress(requirementsRecorded, null, DeviationProcess.startingOn(planVersion),
                supportReviewPending, false, false, migrationStarted, migrationCompleted, closed);
    }

    EngagementProgress withPlanCompared(boolean deviates) {
        return new EngagementProgress(requirementsRecorded, deviates, deviationProcess, supportReviewPending,
                returnedToPlanning, deviationAccepted, migrationStarted, migrationCompleted, closed);
    }

    EngagementProgress withStep(Step step, int planVersion) {
        return withProcess(deviationProcess.with(step, planVersion), supportReviewPending);
    }

    EngagementProgress withRevisionDiscussed(RevisionOutcome outcome, int planVersion) {
        return withProcess(deviationProcess.withRevisionDiscussed(outcome, planVersion), supportReviewPending);
    }

    EngagementProgress withSupportReviewRequested(int planVersion) {
        return withProcess(deviationProcess.with(Step.SUPPORT_REVIEW_REQUESTED, planVersion), true);
    }

    /** Support's verdict ends the pending review; only a verdict that is not not-supportable is step f. */
    EngagementProgress withSupportVerdict(SupportVerdict verdict, int planVersion) {
        return withProcess(verdict == SupportVerdict.NOT_SUPPORTABLE ? deviationProcess
                : deviationProcess.with(Step.SUPPORTABLE_VERDICT_RECEIVED, planVersion), false);
    }

    EngagementProgress withReturnedToPlanning() {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, deviationProcess, supportReviewPending,
                true, deviationAccepted, migrationStarted, migrationCompleted, closed);
    }

    EngagementProgress withDeviationAccepted(int planVersion) {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, deviationProcess, supportReviewPending,
                returnedToPlanning, planVersion == latestPlanVersion(), migrationStarted, migrationCompleted, closed);
    }

    EngagementProgress withMigrationStarted() {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, deviationProcess, supportReviewPending,
                returnedToPlanning, deviationAccepted, true, migrationCompleted, closed);
    }

    EngagementProgress withMigrationCompleted() {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, deviationProcess, supportReviewPending,
                returnedToPlanning, deviationAccepted, migrationStarted, true, closed);
    }

    EngagementProgress withClosed() {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, deviationProcess, supportReviewPending,
                returnedToPlanning, deviationAccepted, migrationStarted, migrationCompleted, true);
    }

    private EngagementProgress withProcess(DeviationProcess process, boolean reviewPending) {
        return new EngagementProgress(requirementsRecorded, latestPlanDeviates, process, reviewPending,
                returnedToPlanning, deviationAccepted, migrationStarted, migrationCompleted, closed);
    }
}
