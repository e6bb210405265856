package com.upgradecoordination.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import org.junit.jupiter.api.Test;

/** Where an engagement stands as its events move it on: what the aggregate decides on and the read model shows. */
class EngagementProgressTest {

    final EngagementProgress sized = EngagementProgress.opened().withRequirementsRecorded();
    final EngagementProgress deviating = sized.withPlanSubmitted(1).withPlanCompared(true);

    @Test
    void fromOpeningToAPlan() {
        assertThat(EngagementProgress.opened().currentStep()).isEqualTo(EngagementStep.OPENED);
        assertThat(EngagementProgress.opened().requiredNext()).containsExactly("RECORD_REQUIREMENTS");
        assertThat(sized.currentStep()).isEqualTo(EngagementStep.REQUIREMENTS_RECORDED);
        assertThat(sized.hasPlan()).isFalse();
        EngagementProgress submitted = sized.withPlanSubmitted(1);
        assertThat(submitted.latestPlanVersion()).isEqualTo(1);
        assertThat(submitted.currentStep()).as("not compared yet").isEqualTo(EngagementStep.REQUIREMENTS_RECORDED);
        assertThat(submitted.withPlanCompared(false).currentStep()).isEqualTo(EngagementStep.PLAN_CONFORMS);
        assertThat(submitted.withPlanCompared(false).requiredNext()).containsExactly("START_MIGRATION");
        assertThat(deviating.currentStep()).isEqualTo(EngagementStep.DEVIATION_PROCESS);
        assertThat(deviating.deviating()).isTrue();
        assertThat(deviating.requiredNext()).hasSize(Step.values().length);
    }

    @Test
    void throughTheDeviationProcessAndSupportsReview() {
        EngagementProgress requested = deviating.withStep(Step.DEVIATION_JUSTIFIED, 1).withSupportReviewRequested(1);
        assertThat(requested.currentStep()).isEqualTo(EngagementStep.AWAITING_SUPPORT_REVIEW);
        assertThat(requested.deviationProcess().isDone(Step.SUPPORT_REVIEW_REQUESTED)).isTrue();
        EngagementProgress supportable = requested.withSupportVerdict(SupportVerdict.SUPPORTABLE, 1);
        assertThat(supportable.supportReviewPending()).isFalse();
        assertThat(supportable.deviationProcess().isDone(Step.SUPPORTABLE_VERDICT_RECEIVED)).isTrue();
        EngagementProgress notSupportable = requested.withSupportVerdict(SupportVerdict.NOT_SUPPORTABLE, 1)
                .withReturnedToPlanning();
        assertThat(notSupportable.deviationProcess().isDone(Step.SUPPORTABLE_VERDICT_RECEIVED)).isFalse();
        assertThat(notSupportable.currentStep()).isEqualTo(EngagementStep.PLANNING);
        assertThat(notSupportable.requiredNext()).containsExactly("SUBMIT_REVISED_PLAN");
        assertThat(deviating.withRevisionDiscussed(RevisionOutcome.WILL_REVISE, 1).currentStep())
                .isEqualTo(EngagementStep.PLANNING);
        assertThat(deviating.withStep(Step.EXPECTATIONS_SET, 2).deviationProcess().isDone(Step.EXPECTATIONS_SET))
                .as("a step of another plan version").isFalse();
    }

    @Test
    void aNewPlanVersionStartsAfresh() {
        EngagementProgress accepted = deviating.withStep(Step.EXPECTATIONS_SET, 1).withReturnedToPlanning()
                .withDeviationAccepted(1);
        assertThat(accepted.currentStep()).isEqualTo(EngagementStep.DEVIATION_ACCEPTED);
        EngagementProgress second = accepted.withPlanSubmitted(2);
        assertThat(second.latestPlanDeviates()).isNull();
        assertThat(second.deviationAccepted()).isFalse();
        assertThat(second.returnedToPlanning()).isFalse();
        assertThat(second.deviationProcess()).isEqualTo(DeviationProcess.startingOn(2));
        assertThat(second.withDeviationAccepted(1).deviationAccepted()).as("an earlier version's").isFalse();
    }

    @Test
    void theMigrationAndClosing() {
        EngagementProgress migrating = sized.withPlanSubmitted(1).withPlanCompared(false).withMigrationStarted();
        assertThat(migrating.migrationRunning()).isTrue();
        assertThat(migrating.currentStep()).isEqualTo(EngagementStep.MIGRATING);
        EngagementProgress migrated = migrating.withMigrationCompleted();
        assertThat(migrated.migrationRunning()).isFalse();
        assertThat(migrated.requiredNext()).containsExactly("CLOSE_ENGAGEMENT");
        assertThat(migrated.withClosed().currentStep()).isEqualTo(EngagementStep.CLOSED);
        assertThat(migrated.withClosed().requiredNext()).isEmpty();
    }
}
