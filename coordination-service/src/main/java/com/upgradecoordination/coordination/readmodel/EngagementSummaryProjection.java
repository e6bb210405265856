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
import com.upgradecoordination.coordination.api.RevisionOutcome;
import com.upgradecoordination.coordination.api.SupportReviewOutcomeReceivedEvent;
import com.upgradecoordination.coordination.api.SupportReviewRequestedEvent;
import com.upgradecoordination.coordination.api.SupportVerdict;
import com.upgradecoordination.coordination.api.TimelineRiskFlaggedEvent;
import com.upgradecoordination.coordination.domain.DeviationProcess;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.EngagementProgress;
import com.upgradecoordination.coordination.readmodel.EngagementRows.Row;
import com.upgradecoordination.coordination.readmodel.EngagementRows.StepDone;
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the engagement read model ({@code engagement_summary} and its step, question and plan-review
 * tables) in step with the event store; it can be dropped and replayed. Where an engagement stands
 * and what it still needs come from the domain's {@link EngagementProgress} and
 * {@link DeviationProcess}, the rules the aggregate enforces.
 */
@Component
@ProcessingGroup("engagement-summary")
public class EngagementSummaryProjection {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final JsonMapper json;

    public EngagementSummaryProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows().open(event.engagementId())
                .set("customer_organisation", event.customerOrganisation())
                .set("csm", event.csm())
                .set("deployment_type", event.deploymentType().name())
                .set("status", "OPENED")
                .set("current_step", "OPENED")
                .set("latest_plan_version", 0)
                .set("deviation_count", 0)
                .set("version", sequence)
                .set("opened_at", at)
                .set("updated_at", at);
    }

    @EventHandler
    void on(RequirementsRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "REQUIREMENTS_RECORDED", "expected_users", event.expectedUsers(),
                "target_completion_date", event.targetCompletionDate()));
    }

    @EventHandler
    void on(ReferenceArchitectureMatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("reference_size", event.size()));
    }

    @EventHandler
    void on(ProfessionalServicesRecommendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("professional_services_strength", event.strength().name()));
    }

    @EventHandler
    void on(ProfessionalServicesEngagedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("professional_services_decision", "ENGAGED"));
    }

    @EventHandler
    void on(ProfessionalServicesDeclinedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("professional_services_decision", "DECLINED",
                "professional_services_decline_reason", event.reason()));
    }

    @EventHandler
    void on(TimelineRiskFlaggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("timeline_risk", true));
    }

    @EventHandler
    void on(PlanSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        var plan = new EngagementDetails.Plan(event.planVersion(), event.author(), event.components(),
                event.migrationApproach(), event.rollbackApproach(), event.plannedWindowStart(),
                event.plannedWindowEnd(), event.planDocumentUrl(), null, List.of());
        update(event, sequence, at, columns("status", "PLAN_SUBMITTED", "latest_plan_version", event.planVersion(),
                "latest_plan_conforms", null, "deviation_count", 0, "performance_verdict", null,
                "performance_comparison", null, "latest_plan", json.writeValueAsString(plan),
                "revision_outcome", null, "returned_to_planning", false));
    }

    @EventHandler
    void on(ArchitectureConformsEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "PLAN_CONFORMS", "latest_plan_conforms", true,
                "latest_plan", latestPlanCompared(event.engagementId(), true, null)));
    }

    @EventHandler
    void on(ArchitectureDeviationDetectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "PLAN_DEVIATES", "latest_plan_conforms", false,
                "deviation_count", event.deviations().size(),
                "latest_plan", latestPlanCompared(event.engagementId(), false, event.deviations())));
    }

    @EventHandler
    void on(ReferenceArchitectureReviewedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.REFERENCE_ARCHITECTURE_REVIEWED, at, actor);
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(RevisionDiscussedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.REVISION_DISCUSSED, at, actor);
        update(event, sequence, at, columns("revision_outcome", event.outcome().name()));
    }

    @EventHandler
    void on(DeviationJustifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DEVIATION_JUSTIFIED, at, actor);
        update(event, sequence, at, columns("status", "DEVIATION_JUSTIFIED", "justified_plan_version",
                event.planVersion()));
    }

    @EventHandler
    void on(ExpectationsSetEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.EXPECTATIONS_SET, at, actor);
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(PerformanceComparedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.PERFORMANCE_COMPARED, at, actor);
        update(event, sequence, at, columns("performance_verdict", event.verdict(),
                "performance_comparison", json.writeValueAsString(PerformanceComparisonResult.of(event))));
    }

    @EventHandler
    void on(SupportReviewRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.SUPPORT_REVIEW_REQUESTED, at, actor);
        update(event, sequence, at, columns("status", "SUPPORT_REVIEW_REQUESTED", "support_review_id", event.reviewId(),
                "support_review_status", "REQUESTED", "support_review_verdict", null));
    }

    @EventHandler
    void on(SupportReviewOutcomeReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.verdict() != SupportVerdict.NOT_SUPPORTABLE) {
            // the verdict is Support's: its reviewer, not the service that carried it here
            stepDone(event.engagementId(), event.planVersion(), Step.SUPPORTABLE_VERDICT_RECEIVED, at, event.reviewer());
        }
        update(event, sequence, at, columns("status", "SUPPORT_REVIEW_COMPLETED", "support_review_status", "COMPLETED",
                "support_review_verdict", event.verdict().name()));
    }

    @EventHandler
    void on(FutureAdoptionAdvisedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.FUTURE_ADOPTION_ADVISED, at, actor);
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(DocumentationRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DOCUMENTATION_RECORDED, at, actor);
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(DocumentationSharedWithSupportEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DOCUMENTATION_SHARED_WITH_SUPPORT, at, actor);
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(DeviationAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "DEVIATION_ACCEPTED", "deviation_accepted_plan_version",
                event.planVersion()));
    }

    @EventHandler
    void on(ReturnedToPlanningEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "RETURNED_TO_PLANNING", "returned_to_planning", true));
    }

    @EventHandler
    void on(MigrationStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "MIGRATING", "migration_started", true));
    }

    @EventHandler
    void on(MigrationCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "MIGRATED", "migration_completed", true));
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns("status", "CLOSED_" + event.outcome().name(),
                "closing_outcome", event.outcome().name()));
    }

    // the question and plan-review rows are few and written as their events come; no query of this
    // batch reads them before it commits

    @EventHandler
    void on(InternalAssistanceRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO engagement_assistance_request (engagement_id, request_id, team, question, asked_at, asked_by)
                        VALUES (:id, :requestId, :team, :question, :at, :actor)
                        ON CONFLICT DO NOTHING""")
                .param("id", event.engagementId()).param("requestId", event.requestId())
                .param("team", event.team().name()).param("question", event.question())
                .param("at", java.sql.Timestamp.from(at)).param("actor", actor)
                .update();
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(InternalAssistanceAnsweredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("UPDATE engagement_assistance_request SET answered_at = :at WHERE engagement_id = :id AND request_id = :requestId")
                .param("id", event.engagementId()).param("requestId", event.requestId())
                .param("at", java.sql.Timestamp.from(at))
                .update();
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(PlanSharedWithSupportEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_plan_review (engagement_id, plan_review_id, plan_version, shared_at)
                        VALUES (:id, :planReviewId, :planVersion, :at)
                        ON CONFLICT DO NOTHING""")
                .param("id", event.engagementId()).param("planReviewId", event.planReviewId())
                .param("planVersion", event.planVersion()).param("at", java.sql.Timestamp.from(at))
                .update();
        update(event, sequence, at, columns());
    }

    @EventHandler
    void on(PlanReviewCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE engagement_plan_review SET completed_at = :at, summary = :summary
                        WHERE engagement_id = :id AND plan_review_id = :planReviewId""")
                .param("id", event.engagementId()).param("planReviewId", event.planReviewId())
                .param("at", java.sql.Timestamp.from(at)).param("summary", event.summary())
                .update();
        update(event, sequence, at, columns());
    }

    /** Any other event (e.g. a recorded refusal) changes nothing shown here; it still moves the version. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, columns());
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM engagement_deviation_step").update();
        jdbc.sql("DELETE FROM engagement_assistance_request").update();
        jdbc.sql("DELETE FROM engagement_plan_review").update();
        jdbc.sql("DELETE FROM engagement_summary").update();
    }

    // --- queries -----------------------------------------------------------------------------

    public Optional<EngagementSummary> find(String engagementId) {
        return storedRow(engagementId).map(EngagementSummaryProjection::summary);
    }

    /** The engagement in full; what it still needs is asked of the domain's rules. */
    public Optional<EngagementDetails> details(String engagementId) {
        return storedRow(engagementId).map(this::details);
    }

    public EngagementPage list(EngagementFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> values = new HashMap<>();
        if (filter.csm() != null) {
            where.append(" AND csm = :csm");
            values.put("csm", filter.csm());
        }
        if (filter.customerOrganisation() != null) {
            where.append(" AND customer_organisation = :customer");
            values.put("customer", filter.customerOrganisation());
        }
        if (filter.step() != null) {
            where.append(" AND current_step = :step");
            values.put("step", filter.step().name());
        }
        if (filter.referenceSize() != null) {
            where.append(" AND reference_size = :size");
            values.put("size", filter.referenceSize());
        }
        if (filter.hasDeviation() != null) {
            where.append(filter.hasDeviation() ? " AND latest_plan_conforms = FALSE"
                    : " AND latest_plan_conforms IS DISTINCT FROM FALSE");
        }
        if (filter.targetDateFrom() != null) {
            where.append(" AND target_completion_date >= :from");
            values.put("from", filter.targetDateFrom());
        }
        if (filter.targetDateTo() != null) {
            where.append(" AND target_completion_date <= :to");
            values.put("to", filter.targetDateTo());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM engagement_summary" + where).params(values)
                .query(Long.class).single();
        List<EngagementSummary> items = jdbc.sql("SELECT * FROM engagement_summary" + where
                        // newest first; the id breaks ties so that pages never overlap
                        + " ORDER BY opened_at DESC, engagement_id LIMIT :limit OFFSET :offset")
                .params(values)
                .param("limit", filter.pageSize())
                .param("offset", (long) filter.page() * filter.pageSize())
                .query().listOfRows().stream()
                .map(columns -> summary(Row.of(columns)))
                .toList();
        return new EngagementPage(items, filter.page(), filter.pageSize(), total);
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The rows this batch of events changes (see {@link EngagementRows}). */
    private EngagementRows rows() {
        return EngagementRows.ofCurrentBatch(batches);
    }

    private Optional<Row> storedRow(String engagementId) {
        return jdbc.sql("SELECT * FROM engagement_summary WHERE engagement_id = :id")
                .param("id", engagementId)
                .query().listOfRows().stream()
                .findFirst()
                .map(Row::of);
    }

    private static EngagementSummary summary(Row row) {
        return new EngagementSummary(
                row.string("engagement_id"),
                row.string("customer_organisation"),
                row.string("csm"),
                row.string("status"),
                row.string("current_step"),
                row.string("reference_size"),
                row.integer("expected_users"),
                row.date("target_completion_date"),
                row.intOrZero("latest_plan_version"),
                row.bool("latest_plan_conforms"),
                row.intOrZero("deviation_count"),
                row.integer("justified_plan_version"),
                row.string("support_review_id"),
                row.string("support_review_status"),
                row.string("support_review_verdict"),
                row.string("performance_verdict"),
                row.integer("deviation_accepted_plan_version"),
                row.longValue("version"),
                row.instant("updated_at"));
    }

    private EngagementDetails details(Row row) {
        EngagementSummary summary = summary(row);
        String engagementId = summary.engagementId();
        Map<String, StepDone> stepsDone = storedStepsDone(engagementId, summary.latestPlanVersion());
        EngagementProgress progress = progress(row, stepsDone);
        String plan = row.string("latest_plan");
        String performance = row.string("performance_comparison");
        EngagementDetails.DeviationProcessState process = Boolean.FALSE.equals(summary.latestPlanConforms())
                ? processState(progress.deviationProcess(), stepsDone) : null;
        List<EngagementDetails.AssistanceRequest> questions = jdbc.sql("""
                        SELECT request_id, team, question, asked_at, asked_by FROM engagement_assistance_request
                        WHERE engagement_id = :id AND answered_at IS NULL ORDER BY asked_at, request_id""")
                .param("id", engagementId)
                .query((q, index) -> new EngagementDetails.AssistanceRequest(q.getString("request_id"),
                        q.getString("team"), q.getString("question"), q.getTimestamp("asked_at").toInstant(),
                        q.getString("asked_by")))
                .list();
        List<EngagementDetails.PlanReview> planReviews = jdbc.sql("""
                        SELECT plan_review_id, plan_version, shared_at FROM engagement_plan_review
                        WHERE engagement_id = :id AND completed_at IS NULL ORDER BY shared_at, plan_review_id""")
                .param("id", engagementId)
                .query((r, index) -> new EngagementDetails.PlanReview(r.getString("plan_review_id"),
                        r.getInt("plan_version"), r.getTimestamp("shared_at").toInstant()))
                .list();
        return new EngagementDetails(summary, row.string("deployment_type"), progress.requiredNext(),
                new EngagementDetails.ProfessionalServices(row.string("professional_services_strength"),
                        row.string("professional_services_decision"),
                        row.string("professional_services_decline_reason")),
                row.isTrue("timeline_risk"),
                plan == null ? null : json.readValue(plan, EngagementDetails.Plan.class),
                process, performance == null ? null : json.readValue(performance, PerformanceComparisonResult.class),
                questions, planReviews, row.string("closing_outcome"));
    }

    /** The facts of the row (and its deviation steps) that the domain decides the current step from. */
    private static EngagementProgress progress(Row row, Map<String, StepDone> stepsDone) {
        int planVersion = row.intOrZero("latest_plan_version");
        Boolean conforms = row.bool("latest_plan_conforms");
        Integer accepted = row.integer("deviation_accepted_plan_version");
        String revisionOutcome = row.string("revision_outcome");
        DeviationProcess process = DeviationProcess.startingOn(planVersion);
        if (revisionOutcome != null) {
            process = process.withRevisionDiscussed(RevisionOutcome.valueOf(revisionOutcome), planVersion);
        }
        for (String step : stepsDone.keySet()) {
            process = process.with(Step.valueOf(step), planVersion);
        }
        return new EngagementProgress(row.integer("expected_users") != null,
                conforms == null ? null : !conforms, process,
                "REQUESTED".equals(row.string("support_review_status")),
                row.isTrue("returned_to_planning"), accepted != null && accepted == planVersion,
                row.isTrue("migration_started"), row.isTrue("migration_completed"),
                row.string("closing_outcome") != null);
    }

    private static EngagementDetails.DeviationProcessState processState(DeviationProcess process,
                                                                      Map<String, StepDone> done) {
        List<Step> takeable = process.takeableNow();
        List<EngagementDetails.DeviationStep> steps = Arrays.stream(Step.values())
                .map(step -> {
                    StepDone when = done.get(step.name());
                    return new EngagementDetails.DeviationStep(step.name(), step.letter(), process.isDone(step),
                            when == null ? null : when.at(), when == null ? null : when.by(),
                            takeable.contains(step), process.missingBefore(step).stream().map(Enum::name).toList());
                })
                .toList();
        return new EngagementDetails.DeviationProcessState(process.planVersion(),
                process.revisionOutcome() == null ? null : process.revisionOutcome().name(), process.complete(), steps);
    }

    /** Step name -> when and by whom, as stored, on the plan version. */
    private Map<String, StepDone> storedStepsDone(String engagementId, int planVersion) {
        Map<String, StepDone> done = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT step, done_at, done_by FROM engagement_deviation_step
                        WHERE engagement_id = :id AND plan_version = :planVersion""")
                .param("id", engagementId).param("planVersion", planVersion)
                .query(rs -> {
                    done.put(rs.getString("step"), new StepDone(engagementId, planVersion, rs.getString("step"),
                            rs.getTimestamp("done_at").toInstant(), rs.getString("done_by")));
                });
        return done;
    }

    private void stepDone(String engagementId, int planVersion, Step step, Instant at, String actor) {
        rows().stepDone(new StepDone(engagementId, planVersion, step.name(), at, actor));
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

    /** Column -> value pairs; unlike {@code Map.of}, values may be null. */
    private static Map<String, Object> columns(Object... columnsAndValues) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            columns.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return columns;
    }

    /** Assigns the columns, moves the version, and asks the domain where the engagement now stands. */
    private void update(EngagementEvent event, long sequence, Instant at, Map<String, Object> columns) {
        EngagementRows rows = rows();
        String engagementId = event.engagementId();
        rows.row(engagementId).ifPresent(row -> {
            columns.forEach(row::set);
            row.set("version", sequence).set("updated_at", at);
            EngagementProgress progress = progress(row,
                    rows.stepsDone(engagementId, row.intOrZero("latest_plan_version")));
            row.set("current_step", progress.currentStep().name());
            rows.changed(engagementId);
        });
    }
}
