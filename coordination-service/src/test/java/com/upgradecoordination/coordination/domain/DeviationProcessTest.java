package com.upgradecoordination.coordination.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the deviation steps and what the read model is told is still required (SPEC C6). */
class DeviationProcessTest {

    final DeviationProcess started = DeviationProcess.startingOn(2);

    @Test
    void atTheStartEveryStepIsOpenAndThoseWithoutPrerequisitesCanBeTaken() {
        assertThat(started.open()).containsExactly(Step.values());
        assertThat(started.takeableNow()).containsExactly(Step.REFERENCE_ARCHITECTURE_REVIEWED,
                Step.REVISION_DISCUSSED, Step.EXPECTATIONS_SET, Step.FUTURE_ADOPTION_ADVISED,
                Step.DOCUMENTATION_RECORDED);
        assertThat(started.missingBefore(Step.SUPPORT_REVIEW_REQUESTED))
                .containsExactly(Step.DEVIATION_JUSTIFIED, Step.EXPECTATIONS_SET, Step.PERFORMANCE_COMPARED);
        assertThat(started.complete()).isFalse();
    }

    @Test
    void aJustificationWaitsForTheReviewAndADiscussionThatRuledOutRevising() {
        DeviationProcess reviewed = started.with(Step.REFERENCE_ARCHITECTURE_REVIEWED, 2);
        assertThat(reviewed.missingBefore(Step.DEVIATION_JUSTIFIED)).containsExactly(Step.REVISION_DISCUSSED);
        DeviationProcess willRevise = reviewed.withRevisionDiscussed(RevisionOutcome.WILL_REVISE, 2);
        assertThat(willRevise.missingBefore(Step.DEVIATION_JUSTIFIED)).isEmpty();
        assertThat(willRevise.awaitsRevisedPlan()).isTrue();
        assertThat(willRevise.takeableNow()).doesNotContain(Step.DEVIATION_JUSTIFIED);
        DeviationProcess cannot = reviewed.withRevisionDiscussed(RevisionOutcome.CANNOT_REVISE, 2);
        assertThat(cannot.takeableNow()).contains(Step.DEVIATION_JUSTIFIED);
    }

    @Test
    void stepsOfAnotherPlanVersionDoNotCount() {
        assertThat(started.with(Step.EXPECTATIONS_SET, 1).isDone(Step.EXPECTATIONS_SET)).isFalse();
        assertThat(started.withRevisionDiscussed(RevisionOutcome.WILL_REVISE, 1).awaitsRevisedPlan()).isFalse();
    }

    @Test
    void completeOnlyWithEveryStepIncludingASupportableVerdict() {
        DeviationProcess process = started;
        for (Step step : Step.values()) {
            assertThat(process.complete()).isFalse();
            process = step == Step.REVISION_DISCUSSED
                    ? process.withRevisionDiscussed(RevisionOutcome.CANNOT_REVISE, 2) : process.with(step, 2);
        }
        assertThat(process.complete()).isTrue();
        assertThat(process.open()).isEmpty();
    }

    @Test
    void theEngagementsRequiredNextIsTheOpenDeviationStepsWhileTheProcessRuns() {
        DeviationProcess process = started.with(Step.EXPECTATIONS_SET, 2);
        var running = new EngagementProgress(true, true, process, false, false, false, false, false, false);
        assertThat(running.currentStep()).isEqualTo(EngagementStep.DEVIATION_PROCESS);
        assertThat(running.requiredNext()).doesNotContain("EXPECTATIONS_SET").contains("PERFORMANCE_COMPARED")
                .hasSize(Step.values().length - 1);
        assertThat(new EngagementProgress(true, true, process, true, false, false, false, false, false).currentStep())
                .isEqualTo(EngagementStep.AWAITING_SUPPORT_REVIEW);
        assertThat(new EngagementProgress(true, true, process, false, true, false, false, false, false).requiredNext())
                .isEqualTo(List.of("SUBMIT_REVISED_PLAN"));
        assertThat(new EngagementProgress(true, false, DeviationProcess.startingOn(1), false, false, false, false,
                false, false).requiredNext()).isEqualTo(List.of("START_MIGRATION"));
        assertThat(new EngagementProgress(false, null, DeviationProcess.startingOn(0), false, false, false, false,
                false, false).currentStep()).isEqualTo(EngagementStep.OPENED);
        assertThat(new EngagementProgress(true, false, DeviationProcess.startingOn(1), false, false, false, true,
                true, true).requiredNext()).isEmpty();
    }
}
