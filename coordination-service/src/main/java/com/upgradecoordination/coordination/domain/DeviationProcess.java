package com.upgradecoordination.coordination.domain;

import com.upgradecoordination.coordination.api.RevisionOutcome;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deviation process (SPEC C6) of one plan version: which of the steps a-h are done, what each
 * still waits for, and whether the deviation can be accepted. The aggregate enforces the order with
 * it and the read model shows it, so both answer from the same rules. Immutable.
 *
 * @param planVersion     the plan version the steps were taken on; a new version starts afresh
 * @param done            the steps done for that version
 * @param revisionOutcome what step b decided, null before it
 */
public record DeviationProcess(int planVersion, Set<Step> done, RevisionOutcome revisionOutcome) {

    /** The steps in the SPEC's order; f and h each take two. */
    public enum Step {
        REFERENCE_ARCHITECTURE_REVIEWED("a"),
        REVISION_DISCUSSED("b"),
        DEVIATION_JUSTIFIED("c"),
        EXPECTATIONS_SET("d"),
        PERFORMANCE_COMPARED("e"),
        SUPPORT_REVIEW_REQUESTED("f"),
        SUPPORTABLE_VERDICT_RECEIVED("f"),
        FUTURE_ADOPTION_ADVISED("g"),
        DOCUMENTATION_RECORDED("h"),
        DOCUMENTATION_SHARED_WITH_SUPPORT("h");

        private final String letter;

        Step(String letter) {
            this.letter = letter;
        }

        /** The step's letter in the SPEC (C6 a-h). */
        public String letter() {
            return letter;
        }
    }

    /** The order the SPEC enforces: a step may be taken only once these are done. */
    private static final Map<Step, Set<Step>> PREREQUISITES = Map.of(
            Step.DEVIATION_JUSTIFIED, EnumSet.of(Step.REFERENCE_ARCHITECTURE_REVIEWED, Step.REVISION_DISCUSSED),
            Step.PERFORMANCE_COMPARED, EnumSet.of(Step.EXPECTATIONS_SET),
            Step.SUPPORT_REVIEW_REQUESTED,
            EnumSet.of(Step.DEVIATION_JUSTIFIED, Step.EXPECTATIONS_SET, Step.PERFORMANCE_COMPARED),
            Step.SUPPORTABLE_VERDICT_RECEIVED, EnumSet.of(Step.SUPPORT_REVIEW_REQUESTED),
            Step.DOCUMENTATION_SHARED_WITH_SUPPORT, EnumSet.of(Step.DOCUMENTATION_RECORDED));

    public DeviationProcess {
        done = done.isEmpty() ? Set.of() : Set.copyOf(done);
    }

    /** Nothing done yet on {@code planVersion} (0: no plan). */
    public static DeviationProcess startingOn(int planVersion) {
        return new DeviationProcess(planVersion, Set.of(), null);
    }

    /** With {@code step} done; a step recorded for another plan version changes nothing. */
    public DeviationProcess with(Step step, int onPlanVersion) {
        if (onPlanVersion != planVersion) {
            return this;
        }
        EnumSet<Step> steps = EnumSet.of(step);
        steps.addAll(done);
        return new DeviationProcess(planVersion, steps, revisionOutcome);
    }

    /** Step b with what it decided. */
    public DeviationProcess withRevisionDiscussed(RevisionOutcome outcome, int onPlanVersion) {
        if (onPlanVersion != planVersion) {
            return this;
        }
        DeviationProcess discussed = with(Step.REVISION_DISCUSSED, onPlanVersion);
        return new DeviationProcess(planVersion, discussed.done, outcome);
    }

    public boolean isDone(Step step) {
        return done.contains(step);
    }

    /** The steps that must be done before {@code step} may be taken, in order; empty when it may be taken. */
    public List<Step> missingBefore(Step step) {
        return PREREQUISITES.getOrDefault(step, Set.of()).stream().filter(s -> !isDone(s)).sorted().toList();
    }

    /** The customer will revise (step b): the deviation is not justified, a new plan version is expected. */
    public boolean awaitsRevisedPlan() {
        return isDone(Step.REVISION_DISCUSSED) && revisionOutcome == RevisionOutcome.WILL_REVISE;
    }

    /** Every step not done yet, in order: all of them are required before the deviation can be accepted. */
    public List<Step> open() {
        return Arrays.stream(Step.values()).filter(s -> !isDone(s)).toList();
    }

    /** The open steps whose order allows them now (a revision the customer will make blocks c). */
    public List<Step> takeableNow() {
        return open().stream()
                .filter(s -> missingBefore(s).isEmpty())
                .filter(s -> s != Step.DEVIATION_JUSTIFIED || !awaitsRevisedPlan())
                .toList();
    }

    /** a to h hold, with a verdict that is not not-supportable: the deviation can be accepted. */
    public boolean complete() {
        return open().isEmpty();
    }
}
