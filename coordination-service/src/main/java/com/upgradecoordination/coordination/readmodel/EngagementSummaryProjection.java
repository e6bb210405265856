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
import com.upgradecoordination.platform.axon.AuditMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
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

    private static final String SUMMARY_COLUMNS = """
            engagement_id, customer_organisation, csm, status, current_step, reference_size, expected_users,
            target_completion_date, latest_plan_version, latest_plan_conforms, deviation_count,
            justified_plan_version, support_review_id, support_review_status, support_review_verdict,
            performance_verdict, deviation_accepted_plan_version, version, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EngagementSummaryProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EngagementOpenedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_summary (engagement_id, customer_organisation, csm, status, current_step,
                            deployment_type, latest_plan_version, deviation_count, version, opened_at, updated_at)
                        VALUES (:id, :customer, :csm, 'OPENED', 'OPENED', :deploymentType, 0, 0, :version, :at, :at)""")
                .param("id", event.engagementId())
                .param("customer", event.customerOrganisation())
                .param("csm", event.csm())
                .param("deploymentType", event.deploymentType().name())
                .param("version", sequence)
                .param("at", Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(RequirementsRecordedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'REQUIREMENTS_RECORDED', expected_users = :users, target_completion_date = :target",
                Map.of("users", event.expectedUsers(), "target", event.targetCompletionDate()));
    }

    @EventHandler
    void on(ReferenceArchitectureMatchedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "reference_size = :size", Map.of("size", event.size()));
    }

    @EventHandler
    void on(ProfessionalServicesRecommendedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "professional_services_strength = :strength",
                Map.of("strength", event.strength().name()));
    }

    @EventHandler
    void on(ProfessionalServicesEngagedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "professional_services_decision = 'ENGAGED'", Map.of());
    }

    @EventHandler
    void on(ProfessionalServicesDeclinedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at,
                "professional_services_decision = 'DECLINED', professional_services_decline_reason = :reason",
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(TimelineRiskFlaggedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "timeline_risk = TRUE", Map.of());
    }

    @EventHandler
    void on(PlanSubmittedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        var plan = new EngagementDetails.Plan(event.planVersion(), event.author(), event.components(),
                event.migrationApproach(), event.rollbackApproach(), event.plannedWindowStart(),
                event.plannedWindowEnd(), event.planDocumentUrl(), null, List.of());
        update(event, sequence, at,
                "status = 'PLAN_SUBMITTED', latest_plan_version = :planVersion, latest_plan_conforms = NULL, "
                        + "deviation_count = 0, performance_verdict = NULL, performance_comparison = NULL, latest_plan = :plan, "
                        + "revision_outcome = NULL, returned_to_planning = FALSE",
                Map.of("planVersion", event.planVersion(), "plan", json.writeValueAsString(plan)));
    }

    @EventHandler
    void on(ArchitectureConformsEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'PLAN_CONFORMS', latest_plan_conforms = TRUE, latest_plan = :plan",
                nullable("plan", latestPlanCompared(event.engagementId(), true, null)));
    }

    @EventHandler
    void on(ArchitectureDeviationDetectedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> values = nullable("plan", latestPlanCompared(event.engagementId(), false, event.deviations()));
        values.put("count", event.deviations().size());
        update(event, sequence, at,
                "status = 'PLAN_DEVIATES', latest_plan_conforms = FALSE, deviation_count = :count, latest_plan = :plan",
                values);
    }

    @EventHandler
    void on(ReferenceArchitectureReviewedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.REFERENCE_ARCHITECTURE_REVIEWED, at, actor);
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(RevisionDiscussedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.REVISION_DISCUSSED, at, actor);
        update(event, sequence, at, "revision_outcome = :outcome", Map.of("outcome", event.outcome().name()));
    }

    @EventHandler
    void on(DeviationJustifiedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DEVIATION_JUSTIFIED, at, actor);
        update(event, sequence, at, "status = 'DEVIATION_JUSTIFIED', justified_plan_version = :planVersion",
                Map.of("planVersion", event.planVersion()));
    }

    @EventHandler
    void on(ExpectationsSetEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.EXPECTATIONS_SET, at, actor);
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(PerformanceComparedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.PERFORMANCE_COMPARED, at, actor);
        update(event, sequence, at, "performance_verdict = :verdict, performance_comparison = :comparison",
                Map.of("verdict", event.verdict(),
                        "comparison", json.writeValueAsString(PerformanceComparisonResult.of(event))));
    }

    @EventHandler
    void on(SupportReviewRequestedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.SUPPORT_REVIEW_REQUESTED, at, actor);
        update(event, sequence, at,
                "status = 'SUPPORT_REVIEW_REQUESTED', support_review_id = :reviewId, "
                        + "support_review_status = 'REQUESTED', support_review_verdict = NULL",
                Map.of("reviewId", event.reviewId()));
    }

    @EventHandler
    void on(SupportReviewOutcomeReceivedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.verdict() != SupportVerdict.NOT_SUPPORTABLE) {
            // the verdict is Support's: its reviewer, not the service that carried it here
            stepDone(event.engagementId(), event.planVersion(), Step.SUPPORTABLE_VERDICT_RECEIVED, at, event.reviewer());
        }
        update(event, sequence, at,
                "status = 'SUPPORT_REVIEW_COMPLETED', support_review_status = 'COMPLETED', "
                        + "support_review_verdict = :verdict",
                Map.of("verdict", event.verdict().name()));
    }

    @EventHandler
    void on(FutureAdoptionAdvisedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.FUTURE_ADOPTION_ADVISED, at, actor);
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(DocumentationRecordedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DOCUMENTATION_RECORDED, at, actor);
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(DocumentationSharedWithSupportEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        stepDone(event.engagementId(), event.planVersion(), Step.DOCUMENTATION_SHARED_WITH_SUPPORT, at, actor);
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(DeviationAcceptedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'DEVIATION_ACCEPTED', deviation_accepted_plan_version = :planVersion",
                Map.of("planVersion", event.planVersion()));
    }

    @EventHandler
    void on(ReturnedToPlanningEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'RETURNED_TO_PLANNING', returned_to_planning = TRUE", Map.of());
    }

    @EventHandler
    void on(MigrationStartedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'MIGRATING', migration_started = TRUE", Map.of());
    }

    @EventHandler
    void on(MigrationCompletedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = 'MIGRATED', migration_completed = TRUE", Map.of());
    }

    @EventHandler
    void on(EngagementClosedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = :status, closing_outcome = :outcome",
                Map.of("status", "CLOSED_" + event.outcome().name(), "outcome", event.outcome().name()));
    }

    @EventHandler
    void on(InternalAssistanceRequestedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO engagement_assistance_request (engagement_id, request_id, team, question, asked_at, asked_by)
                        VALUES (:id, :requestId, :team, :question, :at, :actor)
                        ON CONFLICT DO NOTHING""")
                .param("id", event.engagementId()).param("requestId", event.requestId())
                .param("team", event.team().name()).param("question", event.question())
                .param("at", Timestamp.from(at)).param("actor", actor)
                .update();
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(InternalAssistanceAnsweredEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE engagement_assistance_request SET answered_at = :at WHERE engagement_id = :id AND request_id = :requestId")
                .param("id", event.engagementId()).param("requestId", event.requestId()).param("at", Timestamp.from(at))
                .update();
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(PlanSharedWithSupportEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO engagement_plan_review (engagement_id, plan_review_id, plan_version, shared_at)
                        VALUES (:id, :planReviewId, :planVersion, :at)
                        ON CONFLICT DO NOTHING""")
                .param("id", event.engagementId()).param("planReviewId", event.planReviewId())
                .param("planVersion", event.planVersion()).param("at", Timestamp.from(at))
                .update();
        update(event, sequence, at, "", Map.of());
    }

    @EventHandler
    void on(PlanReviewCompletedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE engagement_plan_review SET completed_at = :at, summary = :summary
                        WHERE engagement_id = :id AND plan_review_id = :planReviewId""")
                .param("id", event.engagementId()).param("planReviewId", event.planReviewId())
                .param("at", Timestamp.from(at)).param("summary", event.summary())
                .update();
        update(event, sequence, at, "", Map.of());
    }

    /** Any other event (e.g. a recorded refusal) changes nothing shown here; it still moves the version. */
    @EventHandler
    void on(EngagementEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "", Map.of());
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
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM engagement_summary WHERE engagement_id = :id")
                .param("id", engagementId)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** The engagement in full; what it still needs is asked of the domain's rules. */
    public Optional<EngagementDetails> details(String engagementId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                        , deployment_type, professional_services_strength, professional_services_decision,
                          professional_services_decline_reason, timeline_risk, latest_plan, revision_outcome,
                          returned_to_planning, migration_started, migration_completed, closing_outcome,
                          performance_comparison
                        FROM engagement_summary WHERE engagement_id = :id""")
                .param("id", engagementId)
                .query((rs, row) -> details(rs))
                .optional();
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
        List<EngagementSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM engagement_summary" + where
                        // newest first; the id breaks ties so that pages never overlap
                        + " ORDER BY opened_at DESC, engagement_id LIMIT :limit OFFSET :offset")
                .params(values)
                .param("limit", filter.pageSize())
                .param("offset", (long) filter.page() * filter.pageSize())
                .query((rs, row) -> summary(rs))
                .list();
        return new EngagementPage(items, filter.page(), filter.pageSize(), total);
    }

    // --- helpers -----------------------------------------------------------------------------

    private EngagementSummary summary(ResultSet rs) throws SQLException {
        java.sql.Date target = rs.getDate("target_completion_date");
        return new EngagementSummary(
                rs.getString("engagement_id"),
                rs.getString("customer_organisation"),
                rs.getString("csm"),
                rs.getString("status"),
                rs.getString("current_step"),
                rs.getString("reference_size"),
                rs.getObject("expected_users", Integer.class),
                target == null ? null : target.toLocalDate(),
                rs.getInt("latest_plan_version"),
                rs.getObject("latest_plan_conforms", Boolean.class),
                rs.getInt("deviation_count"),
                rs.getObject("justified_plan_version", Integer.class),
                rs.getString("support_review_id"),
                rs.getString("support_review_status"),
                rs.getString("support_review_verdict"),
                rs.getString("performance_verdict"),
                rs.getObject("deviation_accepted_plan_version", Integer.class),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private EngagementDetails details(ResultSet rs) throws SQLException {
        EngagementSummary summary = summary(rs);
        String engagementId = summary.engagementId();
        EngagementProgress progress = progress(rs);
        String plan = rs.getString("latest_plan");
        String performance = rs.getString("performance_comparison");
        EngagementDetails.DeviationProcessState process = Boolean.FALSE.equals(summary.latestPlanConforms())
                ? processState(engagementId, progress.deviationProcess()) : null;
        List<EngagementDetails.AssistanceRequest> questions = jdbc.sql("""
                        SELECT request_id, team, question, asked_at, asked_by FROM engagement_assistance_request
                        WHERE engagement_id = :id AND answered_at IS NULL ORDER BY asked_at, request_id""")
                .param("id", engagementId)
                .query((q, row) -> new EngagementDetails.AssistanceRequest(q.getString("request_id"),
                        q.getString("team"), q.getString("question"), q.getTimestamp("asked_at").toInstant(),
                        q.getString("asked_by")))
                .list();
        List<EngagementDetails.PlanReview> planReviews = jdbc.sql("""
                        SELECT plan_review_id, plan_version, shared_at FROM engagement_plan_review
                        WHERE engagement_id = :id AND completed_at IS NULL ORDER BY shared_at, plan_review_id""")
                .param("id", engagementId)
                .query((r, row) -> new EngagementDetails.PlanReview(r.getString("plan_review_id"),
                        r.getInt("plan_version"), r.getTimestamp("shared_at").toInstant()))
                .list();
        return new EngagementDetails(summary, rs.getString("deployment_type"), progress.requiredNext(),
                new EngagementDetails.ProfessionalServices(rs.getString("professional_services_strength"),
                        rs.getString("professional_services_decision"),
                        rs.getString("professional_services_decline_reason")),
                rs.getBoolean("timeline_risk"),
                plan == null ? null : json.readValue(plan, EngagementDetails.Plan.class),
                process, performance == null ? null : json.readValue(performance, PerformanceComparisonResult.class),
                questions, planReviews, rs.getString("closing_outcome"));
    }

    /** The facts of the row (and its deviation steps) that the domain decides the current step from. */
    private EngagementProgress progress(ResultSet rs) throws SQLException {
        String engagementId = rs.getString("engagement_id");
        int planVersion = rs.getInt("latest_plan_version");
        Boolean conforms = rs.getObject("latest_plan_conforms", Boolean.class);
        Integer accepted = rs.getObject("deviation_accepted_plan_version", Integer.class);
        String revisionOutcome = rs.getString("revision_outcome");
        DeviationProcess process = DeviationProcess.startingOn(planVersion);
        if (revisionOutcome != null) {
            process = process.withRevisionDiscussed(RevisionOutcome.valueOf(revisionOutcome), planVersion);
        }
        for (String step : stepsDone(engagementId, planVersion).keySet()) {
            process = process.with(Step.valueOf(step), planVersion);
        }
        return new EngagementProgress(rs.getObject("expected_users") != null,
                conforms == null ? null : !conforms, process,
                "REQUESTED".equals(rs.getString("support_review_status")),
                rs.getBoolean("returned_to_planning"), accepted != null && accepted == planVersion,
                rs.getBoolean("migration_started"), rs.getBoolean("migration_completed"),
                rs.getString("closing_outcome") != null);
    }

    private EngagementDetails.DeviationProcessState processState(String engagementId, DeviationProcess process) {
        Map<String, Object[]> done = stepsDone(engagementId, process.planVersion());
        List<Step> takeable = process.takeableNow();
        List<EngagementDetails.DeviationStep> steps = java.util.Arrays.stream(Step.values())
                .map(step -> {
                    Object[] when = done.get(step.name());
                    return new EngagementDetails.DeviationStep(step.name(), step.letter(), process.isDone(step),
                            when == null ? null : (Instant) when[0], when == null ? null : (String) when[1],
                            takeable.contains(step), process.missingBefore(step).stream().map(Enum::name).toList());
                })
                .toList();
        return new EngagementDetails.DeviationProcessState(process.planVersion(),
                process.revisionOutcome() == null ? null : process.revisionOutcome().name(), process.complete(), steps);
    }

    /** Step name -> {done at, done by} on the plan version. */
    private Map<String, Object[]> stepsDone(String engagementId, int planVersion) {
        Map<String, Object[]> done = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT step, done_at, done_by FROM engagement_deviation_step
                        WHERE engagement_id = :id AND plan_version = :planVersion""")
                .param("id", engagementId).param("planVersion", planVersion)
                .query(rs -> {
                    done.put(rs.getString("step"),
                            new Object[] {rs.getTimestamp("done_at").toInstant(), rs.getString("done_by")});
                });
        return done;
    }

    private void stepDone(String engagementId, int planVersion, Step step, Instant at, String actor) {
        // a step done again replaces the earlier record; delete and insert (in the event's transaction)
        // where PostgreSQL alone would take ON CONFLICT DO UPDATE (D7: the local run is on H2)
        jdbc.sql("""
                        DELETE FROM engagement_deviation_step
                        WHERE engagement_id = :id AND plan_version = :planVersion AND step = :step""")
                .param("id", engagementId).param("planVersion", planVersion).param("step", step.name())
                .update();
        jdbc.sql("""
                        INSERT INTO engagement_deviation_step (engagement_id, plan_version, step, done_at, done_by)
                        VALUES (:id, :planVersion, :step, :at, :actor)""")
                .param("id", engagementId).param("planVersion", planVersion).param("step", step.name())
                .param("at", Timestamp.from(at)).param("actor", actor)
                .update();
    }

    /**
     * The stored latest plan (JSON text, composed here rather than with jsonb operators so that the
     * local run's H2 takes it too, D7) with the comparison's result; {@code deviations} null keeps
     * the stored ones. Null while no plan is stored.
     */
    private String latestPlanCompared(String engagementId, boolean conforms, List<Deviation> deviations) {
        return jdbc.sql("SELECT latest_plan FROM engagement_summary WHERE engagement_id = :id")
                .param("id", engagementId)
                .query(String.class)
                .list().stream().filter(java.util.Objects::nonNull).findFirst()
                .map(stored -> json.readValue(stored, EngagementDetails.Plan.class))
                .map(plan -> new EngagementDetails.Plan(plan.planVersion(), plan.author(), plan.components(),
                        plan.migrationApproach(), plan.rollbackApproach(), plan.plannedWindowStart(),
                        plan.plannedWindowEnd(), plan.planDocumentUrl(), conforms,
                        deviations == null ? plan.deviations() : deviations))
                .map(json::writeValueAsString)
                .orElse(null);
    }

    /** A parameter map that, unlike {@code Map.of}, takes a null value and more entries. */
    private static Map<String, Object> nullable(String name, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(name, value);
        return values;
    }

    /** Assigns {@code assignments}, moves the version, and asks the domain where the engagement now stands. */
    private void update(EngagementEvent event, long sequence, Instant at, String assignments, Map<String, Object> values) {
        String set = assignments.isEmpty() ? "" : assignments + ", ";
        var statement = jdbc.sql("UPDATE engagement_summary SET " + set
                        + "version = :version, updated_at = :at WHERE engagement_id = :id")
                .param("id", event.engagementId())
                .param("version", sequence)
                .param("at", Timestamp.from(at));
        for (Map.Entry<String, Object> value : values.entrySet()) {
            statement = statement.param(value.getKey(), value.getValue());
        }
        statement.update();
        jdbc.sql("""
                        SELECT engagement_id, latest_plan_version, latest_plan_conforms, deviation_accepted_plan_version,
                               revision_outcome, expected_users, support_review_status, returned_to_planning,
                               migration_started, migration_completed, closing_outcome
                        FROM engagement_summary WHERE engagement_id = :id""")
                .param("id", event.engagementId())
                .query((rs, row) -> progress(rs).currentStep())
                .optional()
                .ifPresent(step -> jdbc.sql("UPDATE engagement_summary SET current_step = :step WHERE engagement_id = :id")
                        .param("step", step.name()).param("id", event.engagementId()).update());
    }
}
