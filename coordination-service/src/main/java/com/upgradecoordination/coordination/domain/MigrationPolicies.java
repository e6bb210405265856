package com.upgradecoordination.coordination.domain;

import static com.upgradecoordination.coordination.domain.Refusal.allow;
import static com.upgradecoordination.coordination.domain.Refusal.refuse;
import static com.upgradecoordination.coordination.domain.Refusal.refuseAndRecord;

import com.upgradecoordination.coordination.api.ClosingOutcome;
import java.util.Optional;

/** The rules of the migration and of closing (SPEC C8), read off where the engagement stands. */
final class MigrationPolicies {

    /** A closed engagement keeps its history and takes no more commands. */
    static Optional<Refusal> stillOpen(EngagementProgress progress, String engagementId) {
        return progress.closed() ? refuse("engagement-closed",
                "Engagement " + engagementId + " is closed; its history stays readable") : allow();
    }

    /** A deviating plan is migrated to once its deviation is accepted; a conforming one at once. */
    static Optional<Refusal> acceptedPlanFirst(EngagementProgress progress) {
        return progress.deviating() && !progress.deviationAccepted() ? refuseAndRecord(
                "migration-requires-accepted-plan", "Plan version " + progress.latestPlanVersion()
                        + " deviates and its deviation is not accepted yet") : allow();
    }

    static Optional<Refusal> notStartedYet(EngagementProgress progress) {
        return progress.migrationStarted()
                ? refuse("migration-already-started", "The migration has already started") : allow();
    }

    /** Only while the migration runs; {@code refusal} says what, e.g. "Only a running migration can complete". */
    static Optional<Refusal> whileRunning(EngagementProgress progress, String refusal) {
        return progress.migrationRunning() ? allow() : refuse("no-migration-running",
                refusal + "; it has " + (progress.migrationStarted() ? "completed" : "not started"));
    }

    /** Closed as completed after the migration, or as cancelled at any time. */
    static Optional<Refusal> completedAfterMigration(EngagementProgress progress, ClosingOutcome outcome) {
        return outcome == ClosingOutcome.COMPLETED && !progress.migrationCompleted() ? refuseAndRecord(
                "completion-requires-migration",
                "Complete the migration before closing the engagement as completed (or close it as cancelled)")
                : allow();
    }

    private MigrationPolicies() {
    }
}
