package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.ArchitectureConformsEvent;
import com.upgradecoordination.coordination.api.ArchitectureDeviationDetectedEvent;
import com.upgradecoordination.coordination.api.Deviation;
import com.upgradecoordination.coordination.api.DeviationAcceptedEvent;
import com.upgradecoordination.coordination.api.DeviationJustifiedEvent;
import com.upgradecoordination.coordination.api.DocumentationRecordedEvent;
import com.upgradecoordination.coordination.api.DocumentationSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.EngagementClosedEvent;
import com.upgradecoordination.coordination.api.EngagementEvent;
import com.upgradecoordination.coordination.api.EngagementOpenedEvent;
import com.upgradecoordination.coordination.api.ExpectationsSetEvent;
import com.upgradecoordination.coordination.api.FutureAdoptionAdvisedEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceAnsweredEvent;
import com.upgradecoordination.coordination.api.InternalAssistanceRequestedEvent;
import com.upgradecoordination.coordination.api.MigrationCompletedEvent;
import com.upgradecoordination.coordination.api.MigrationStartedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparedEvent;
import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.api.PlanReviewCompletedEvent;
import com.upgradecoordination.coordination.api.PlanSharedWithSupportEvent;
import com.upgradecoordination.coordination.api.PlanSubmittedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesDeclinedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesEngagedEvent;
import com.upgradecoordination.coordination.api.ProfessionalServicesRecommendedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureMatchedEvent;
import com.upgradecoordination.coordination.api.ReferenceArchitectureReviewedEvent;
import com.upgradecoordination.coordination.api.RequirementsRecordedEvent;
import com.upgradecoordination.coordination.api.ReturnedToPlanningEvent;
import com.upgradecoordination.coordination.api.RevisionDiscussedEvent;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.EngagementProgress;
import com.upgradecoordination.platform.axon.AuditMetadata;
import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the engagement read model ({@code engagement_summary} and its step, question and plan-review
 * tables) in step with the event store, a batch of events at a time ({@link EngagementRows}); it
 * can be dropped and replayed, and an event the row has already (a replay, a redelivery) changes
 * nothing. Where the engagement stands comes from the domain's {@link EngagementProgress}.
 * {@link EngagementSummaryProjection} reads the tables.
 */
@Component
@ProcessingGroup("engagement-summary")
class EngagementSummaryUpdater {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionTable summaries;
    private final JsonMapper json;

    EngagementSummaryUpdater(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.summaries = new ProjectionTable(jdbc, "engagement_summary", "engagement_id");
        this.json = json;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows().open(event.engagementId(), sequence).ifPresent(row -> row.setAll(Columns.of(
                "customer_organisation", event.customerOrganisation(), "csm", event.csm(),
                "deployment_type", event.deploymentType(), "status", "OPENED", "current_step", "OPENED",
                "latest_plan_version", 0, "deviation_count", 0, "version", sequence, "opened_at", at,
                "updated_at", at)));
    }

    @EventHandler
    void on(RequirementsRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "REQUIREMENTS_RECORDED",
                "expected_users", event.expectedUsers(), "target_completion_date", event.targetCompletionDate()));
    }

    @EventHandler
    void on(ReferenceArchitectureMatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("reference_size", event.size()));
    }

    @EventHandler
    void on(ProfessionalServicesRecommendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("professional_services_strength", event.strength()));
    }

    @EventHandler
    void on(ProfessionalServicesEngagedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("professional_services_decision", "ENGAGED"));
    }

    @EventHandler
    void on(ProfessionalServicesDeclinedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("professional_services_decision", "DECLINED",
                "professional_services_decline_reason", event.reason()));
    }

    @EventHandler
    void on(TimelineRiskFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("timeline_risk", true));
    }

    @EventHandler
    void on(PlanSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        var plan = new EngagementDetails.Plan(event.planVersion(), event.author(), event.components(),
                event.migrationApproach(), event.rollbackApproach(), event.plannedWindowStart(),
                event.plannedWindowEnd(), event.planDocumentUrl(), null, List.of());
        update(event, sequence, at, Columns.of("status", "PLAN_SUBMITTED", "latest_plan_version", event.planVersion(),
                "latest_plan_conforms", null, "deviation_count", 0, "performance_verdict", null,
                "performance_comparison", null, "latest_plan", json.writeValueAsString(plan),
                "revision_outcome", null, "returned_to_planning", false));
    }

    @EventHandler
    void on(ArchitectureConformsEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "PLAN_CONFORMS", "latest_plan_conforms", true,
                "latest_plan", latestPlanCompared(event.engagementId(), true, null)));
    }

    @EventHandler
    void on(ArchitectureDeviationDetectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "PLAN_DEVIATES", "latest_plan_conforms", false,
                "deviation_count", event.deviations().size(),
                "latest_plan", latestPlanCompared(event.engagementId(), false, event.deviations())));
    }

    @EventHandler
    void on(ReferenceArchitectureReviewedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of(),
                done(event, event.planVersion(), Step.REFERENCE_ARCHITECTURE_REVIEWED, at, actor));
    }

    @EventHandler
    void on(RevisionDiscussedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of("revision_outcome", event.outcome()),
                done(event, event.planVersion(), Step.REVISION_DISCUSSED, at, actor));
    }

    @EventHandler
    void on(DeviationJustifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of("status", "DEVIATION_JUSTIFIED",
                        "justified_plan_version", event.planVersion()),
                done(event, event.planVersion(), Step.DEVIATION_JUSTIFIED, at, actor));
    }

    @EventHandler
    void on(ExpectationsSetEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of(), done(event, event.planVersion(), Step.EXPECTATIONS_SET, at, actor));
    }

    @EventHandler
    void on(PerformanceComparedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of("performance_verdict", event.verdict(),
                        "performance_comparison", json.writeValueAsString(PerformanceComparisonResult.of(event))),
                done(event, event.planVersion(), Step.PERFORMANCE_COMPARED, at, actor));
    }

    @EventHandler
    void on(SupportReviewRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of("status", "SUPPORT_REVIEW_REQUESTED",
                        "support_review_id", event.reviewId(), "support_review_status", "REQUESTED",
                        "support_review_verdict", null),
                done(event, event.planVersion(), Step.SUPPORT_REVIEW_REQUESTED, at, actor));
    }

    @EventHandler
    void on(SupportReviewOutcomeReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // the verdict is Support's: its reviewer, not the service that carried it here
        update(event, sequence, at, Columns.of("status", "SUPPORT_REVIEW_COMPLETED",
                        "support_review_status", "COMPLETED", "support_review_verdict", event.verdict()),
                event.verdict() == SupportVerdict.NOT_SUPPORTABLE ? null
                        : done(event, event.planVersion(), Step.SUPPORTABLE_VERDICT_RECEIVED, at, event.reviewer()));
    }

    @EventHandler
    void on(FutureAdoptionAdvisedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of(),
                done(event, event.planVersion(), Step.FUTURE_ADOPTION_ADVISED, at, actor));
    }

    @EventHandler
    void on(DocumentationRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of(),
                done(event, event.planVersion(), Step.DOCUMENTATION_RECORDED, at, actor));
    }

    @EventHandler
    void on(DocumentationSharedWithSupportEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        update(event, sequence, at, Columns.of(),
                done(event, event.planVersion(), Step.DOCUMENTATION_SHARED_WITH_SUPPORT, at, actor));
    }

    @EventHandler
    void on(DeviationAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "DEVIATION_ACCEPTED",
                "deviation_accepted_plan_version", event.planVersion()));
    }

    @EventHandler
    void on(ReturnedToPlanningEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "RETURNED_TO_PLANNING", "returned_to_planning", true));
    }

    @EventHandler
    void on(MigrationStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "MIGRATING", "migration_started", true));
    }

    @EventHandler
    void on(MigrationCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "MIGRATED", "migration_completed", true));
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", "CLOSED_" + event.outcome().name(),
                "closing_outcome", event.outcome()));
    }

    // the question and plan-review rows are few and written as their events come (when the event
    // applies to the engagement's row); no query of this batch reads them before it commits

    @EventHandler
    void on(InternalAssistanceRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        write(event, sequence, at, """
                        INSERT INTO engagement_assistance_request (engagement_id, request_id, team, question, asked_at, asked_by)
                        VALUES (:engagement_id, :request_id, :team, :question, :at, :actor)
                        ON CONFLICT DO NOTHING""",
                Columns.of("request_id", event.requestId(), "team", event.team(), "question", event.question(),
                        "actor", actor));
    }

    @EventHandler
    void on(InternalAssistanceAnsweredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event, sequence, at, """
                        UPDATE engagement_assistance_request SET answered_at = :at
                        WHERE engagement_id = :engagement_id AND request_id = :request_id""",
                Columns.of("request_id", event.requestId()));
    }

    @EventHandler
    void on(PlanSharedWithSupportEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event, sequence, at, """
                        INSERT INTO engagement_plan_review (engagement_id, plan_review_id, plan_version, shared_at)
                        VALUES (:engagement_id, :plan_review_id, :plan_version, :at)
                        ON CONFLICT DO NOTHING""",
                Columns.of("plan_review_id", event.planReviewId(), "plan_version", event.planVersion()));
    }

    @EventHandler
    void on(PlanReviewCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event, sequence, at, """
                        UPDATE engagement_plan_review SET completed_at = :at, summary = :summary
                        WHERE engagement_id = :engagement_id AND plan_review_id = :plan_review_id""",
                Columns.of("plan_review_id", event.planReviewId(), "summary", event.summary()));
    }

    /** Any other event (e.g. a recorded refusal) changes nothing shown here; it still moves the version. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of());
    }

    @ResetHandler
    void dropAll() {
        jdbc.update("DELETE FROM engagement_deviation_step", Map.of());
        jdbc.update("DELETE FROM engagement_assistance_request", Map.of());
        jdbc.update("DELETE FROM engagement_plan_review", Map.of());
        summaries.deleteAll();
    }

    /** The rows this batch of events changes. */
    private EngagementRows rows() {
        return EngagementRows.ofCurrentBatch(jdbc, summaries);
    }

    private boolean update(EngagementEvent event, long sequence, Instant at, Columns columns) {
        return update(event, sequence, at, columns, null);
    }

    /**
     * Applies the event to its engagement's row unless the row has it already: the deviation step it
     * did (if any), its columns and its version; then asks the domain where the engagement now stands.
     *
     * @return whether the event applied
     */
    private boolean update(EngagementEvent event, long sequence, Instant at, Columns columns, DeviationStepDone step) {
        EngagementRows rows = rows();
        String engagementId = event.engagementId();
        Optional<EngagementRow> applicable = rows.applicable(engagementId, sequence);
        applicable.ifPresent(row -> {
            if (step != null) {
                rows.stepDone(step);
            }
            row.setAll(columns).set("version", sequence).set("updated_at", at);
            EngagementProgress progress = row.progress(
                    rows.stepsDone(engagementId, row.intOrZero("latest_plan_version")));
            row.set("current_step", progress.currentStep());
            rows.changed(engagementId);
        });
        return applicable.isPresent();
    }

    /** Moves the engagement's row to the event, and if it applied writes the statement (its values named as columns). */
    private void write(EngagementEvent event, long sequence, Instant at, String sql, Columns values) {
        if (update(event, sequence, at, Columns.of())) {
            jdbc.update(sql, values.set("engagement_id", event.engagementId()).set("at", at).parameters());
        }
    }

    private static DeviationStepDone done(EngagementEvent event, int planVersion, Step step, Instant at, String by) {
        return new DeviationStepDone(event.engagementId(), planVersion, step.name(), at, by);
    }

    /**
     * The latest plan (JSON text, composed here rather than with jsonb operators so that the local
     * run's H2 takes it too, D7) with the comparison's result; {@code deviations} null keeps the
     * stored ones. Null while no plan is stored.
     */
    private String latestPlanCompared(String engagementId, boolean conforms, List<Deviation> deviations) {
        return rows().row(engagementId)
                .map(row -> row.string("latest_plan"))
                .map(stored -> json.readValue(stored, EngagementDetails.Plan.class))
                .map(plan -> new EngagementDetails.Plan(plan.planVersion(), plan.author(), plan.components(),
                        plan.migrationApproach(), plan.rollbackApproach(), plan.plannedWindowStart(),
                        plan.plannedWindowEnd(), plan.planDocumentUrl(), conforms,
                        deviations == null ? plan.deviations() : deviations))
                .map(json::writeValueAsString)
                .orElse(null);
    }
}
