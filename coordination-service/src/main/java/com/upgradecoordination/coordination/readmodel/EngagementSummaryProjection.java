package com.upgradecoordination.coordination.readmodel;

import com.upgradecoordination.coordination.api.PerformanceComparisonResult;
import com.upgradecoordination.coordination.domain.DeviationProcess;
import com.upgradecoordination.coordination.domain.DeviationProcess.Step;
import com.upgradecoordination.coordination.domain.EngagementProgress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the engagement read model ({@code engagement_summary} and its step, question and
 * plan-review tables) as {@link EngagementSummaryUpdater} keeps it. What an engagement still needs
 * is asked of the domain's {@link EngagementProgress} and {@link DeviationProcess}, the rules the
 * aggregate enforces.
 */
@Component
public class EngagementSummaryProjection {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EngagementSummaryProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<EngagementSummary> find(String engagementId) {
        return storedRow(engagementId).map(EngagementRow::summary);
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
                .map(columns -> EngagementRow.of(columns).summary())
                .toList();
        return new EngagementPage(items, filter.page(), filter.pageSize(), total);
    }

    private Optional<EngagementRow> storedRow(String engagementId) {
        return jdbc.sql("SELECT * FROM engagement_summary WHERE engagement_id = :id")
                .param("id", engagementId)
                .query().listOfRows().stream()
                .findFirst()
                .map(EngagementRow::of);
    }

    private EngagementDetails details(EngagementRow row) {
        EngagementSummary summary = row.summary();
        String engagementId = summary.engagementId();
        Map<String, DeviationStepDone> stepsDone = storedStepsDone(engagementId, summary.latestPlanVersion());
        EngagementProgress progress = row.progress(stepsDone);
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

    private static EngagementDetails.DeviationProcessState processState(DeviationProcess process,
                                                                      Map<String, DeviationStepDone> done) {
        List<Step> takeable = process.takeableNow();
        List<EngagementDetails.DeviationStep> steps = Arrays.stream(Step.values())
                .map(step -> {
                    DeviationStepDone when = done.get(step.name());
                    return new EngagementDetails.DeviationStep(step.name(), step.letter(), process.isDone(step),
                            when == null ? null : when.at(), when == null ? null : when.by(),
                            takeable.contains(step), process.missingBefore(step).stream().map(Enum::name).toList());
                })
                .toList();
        return new EngagementDetails.DeviationProcessState(process.planVersion(),
                process.revisionOutcome() == null ? null : process.revisionOutcome().name(), process.complete(), steps);
    }

    /** Step name -> record, as stored, of the steps done on the plan version. */
    private Map<String, DeviationStepDone> storedStepsDone(String engagementId, int planVersion) {
        Map<String, DeviationStepDone> done = new LinkedHashMap<>();
        jdbc.sql("SELECT " + DeviationStepDone.COLUMNS + " FROM engagement_deviation_step "
                        + "WHERE engagement_id = :id AND plan_version = :planVersion")
                .param("id", engagementId).param("planVersion", planVersion)
                .query(stored -> {
                    DeviationStepDone step = DeviationStepDone.of(stored);
                    done.put(step.step(), step);
                });
        return done;
    }
}
