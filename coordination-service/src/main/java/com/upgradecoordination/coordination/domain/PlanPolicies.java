package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;

import java.util.Optional;

/** The rules about the customer's plan (SPEC C5), read off where the engagement stands. */
final class PlanPolicies {

    /** A plan is compared with the reference architecture of the customer's size. */
    static Optional<Refusal> requirementsFirst(EngagementProgress progress) {
        return progress.requirementsRecorded() ? allow() : refuse("plan-requires-requirements",
                "Record the customer's requirements first: a plan is compared with the reference architecture of their size");
    }

    /** {@code action}, e.g. "start the migration", needs a plan. */
    static Optional<Refusal> planFirst(EngagementProgress progress, String action) {
        return progress.hasPlan() ? allow() : refuse("requires-plan", "Submit a plan before you " + action);
    }

    /** {@code action}, a step of the deviation process (SPEC C6), needs a plan that deviates. */
    static Optional<Refusal> deviatingPlanFirst(EngagementProgress progress, String action) {
        return planFirst(progress, action).or(() -> progress.deviating() ? allow() : refuse("requires-deviating-plan",
                "Plan version " + progress.latestPlanVersion()
                        + " conforms to the reference architecture; only a deviating plan needs you to " + action));
    }

    private PlanPolicies() {
    }
}
