package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.MigrationProblemNotedEvent;
import com.upgradecoordination.review.api.MissingInformationRequestedEvent;
import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.PostponementRecommendedEvent;
import com.upgradecoordination.review.api.RequiredInformationCompleteEvent;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallLinkTiming;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketEvent;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketHandedOffEvent;
import com.upgradecoordination.review.api.TicketOpenedForMigrationProblemEvent;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import com.upgradecoordination.review.domain.Ticket;
import com.upgradecoordination.review.domain.TicketDeadlines;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code ticket_summary} in step with the event store: one row per ticket with its status,
 * deficiencies, followers, review-call state and pending deadlines. It can be dropped and replayed.
 */
@Component
@ProcessingGroup("ticket-summary")
public class TicketSummaryProjection {

    /** The largest page the queue answers with. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final TypeReference<List<InformationDeficiency>> DEFICIENCIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    public TicketSummaryProjection(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
    }

    @EventHandler
    void on(UpgradeAssistanceRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        insert(event, event.engagementId(), event.organisation(), event.form(), event.priority(), 0, sequence, at);
        setUpgrade(event, event.details(), sequence, at);
    }

    @EventHandler
    void on(TicketOpenedForMigrationProblemEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        insert(event, event.engagementId(), event.organisation(), TicketForm.MIGRATION_PROBLEM, event.priority(), 1,
                sequence, at);
    }

    @EventHandler
    void on(MigrationProblemNotedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "migration_problems = migration_problems + 1", Map.of());
    }

    @EventHandler
    void on(CsmAddedAsFollowerEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "csm = :csm, csm_source = :source",
                Map.of("csm", event.csm(), "source", event.source().name()));
    }

    @EventHandler
    void on(MissingInformationRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "information_complete = FALSE, deficiencies = :deficiencies",
                Map.of("deficiencies", jsonMapper.writeValueAsString(event.deficiencies())));
    }

    @EventHandler
    void on(RequiredInformationCompleteEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "information_complete = TRUE, deficiencies = '[]'", Map.of());
    }

    @EventHandler
    void on(CustomerInformationProvidedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        setUpgrade(event, event.details(), sequence, at);
    }

    @EventHandler
    void on(TicketAssignedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "assignee = :assignee", Map.of("assignee", event.assignee()));
    }

    @EventHandler
    void on(TicketHandedOffEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "assignee = :assignee", Map.of("assignee", event.toEngineer()));
    }

    @EventHandler
    void on(PairingRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "pairing_engineer = :engineer", Map.of("engineer", event.engineer()));
    }

    @EventHandler
    void on(ReviewCallRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "call_state = 'REQUESTED', call_link_due_at = :linkDue, call_due_at = :callDue",
                Map.of("linkDue", Timestamp.from(event.linkDueBy()), "callDue", Timestamp.from(event.upgradeAt())));
    }

    @EventHandler
    void on(ReviewCallLinkSentEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("timing", event.timing().name());
        values.put("warning", event.warning());
        update(event, sequence, at, "call_state = 'LINK_SENT', call_link_due_at = NULL, call_link_timing = :timing, "
                + "call_link_warning = :warning", values);
    }

    @EventHandler
    void on(ReviewCallLinkOverdueEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "call_state = 'LINK_OVERDUE', call_link_due_at = NULL", Map.of());
    }

    @EventHandler
    void on(ReviewCallHeldEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "call_state = 'HELD', call_due_at = NULL", Map.of());
    }

    @EventHandler
    void on(ReviewCallMissedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "call_state = 'MISSED', call_due_at = NULL", Map.of());
    }

    @EventHandler
    void on(UpgradeScheduledEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "on_hold_until = :until", Map.of("until", Timestamp.from(event.onHoldUntil())));
    }

    @EventHandler
    void on(OnHoldExpiredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "on_hold_until = NULL", Map.of());
    }

    /** Nothing waits on the upgrade any more: its deadlines are gone. */
    @EventHandler
    void on(UpgradeOutcomeReportedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "outcome = :outcome, on_hold_until = NULL, call_link_due_at = NULL, "
                + "call_due_at = NULL", Map.of("outcome", event.outcome().name()));
    }

    @EventHandler
    void on(PostponementRecommendedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "postponement_reasons = :reasons",
                Map.of("reasons", String.join(",", event.reasons().stream().map(Enum::name).toList())));
    }

    /** The call's deadlines move with the upgrade, as the aggregate moved them (Ticket's reschedule). */
    @EventHandler
    void on(UpgradeRescheduledEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("date", Date.valueOf(event.upgradeDate()));
        values.put("timezone", event.upgradeTimezone());
        values.put("upgradeAt", Timestamp.from(event.upgradeAt()));
        values.put("linkDue", event.linkDueBy() == null ? null : Timestamp.from(event.linkDueBy()));
        values.put("linkAwaited", event.linkDueBy() != null);
        values.put("timingGiven", event.sentLinkTiming() != null);
        values.put("timing", event.sentLinkTiming() == null ? null : event.sentLinkTiming().name());
        values.put("warning", event.sentLinkTiming() == ReviewCallLinkTiming.TOO_LATE
                ? "The booking link went out under 2 days before the new upgrade time" : null);
        update(event, sequence, at, """
                upgrade_date = :date, upgrade_timezone = :timezone, upgrade_at = :upgradeAt,
                call_link_due_at = :linkDue,
                call_state = CASE WHEN :linkAwaited THEN 'REQUESTED'
                                  WHEN call_state = 'MISSED' THEN 'LINK_SENT' ELSE call_state END,
                call_due_at = CASE WHEN call_state IN ('NONE', 'HELD') THEN NULL ELSE CAST(:upgradeAt AS TIMESTAMP WITH TIME ZONE) END,
                call_link_timing = CASE WHEN :timingGiven THEN :timing ELSE call_link_timing END,
                call_link_warning = CASE WHEN :timingGiven THEN :warning ELSE call_link_warning END""", values);
    }

    @EventHandler
    void on(TicketStatusChangedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, "status = :status", Map.of("status", event.to().name()));
    }

    /** Any other ticket event (plan feedback, handoff sync, refusals, closing) only moves the version. */
    @EventHandler
    void on(TicketEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant at) {
        update(event, sequence, at, null, Map.of());
    }

    @ResetHandler
    void dropAll() {
        jdbc.sql("DELETE FROM ticket_summary").update();
    }

    public Optional<TicketView> find(String ticketId) {
        return jdbc.sql("SELECT * FROM ticket_summary WHERE ticket_id = :id")
                .param("id", ticketId)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** A page of the queue, oldest ticket first (ties by id, so pages are stable). */
    public TicketQueuePage queue(TicketQueueFilter filter, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page: from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: 1 to " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        Map<String, Object> values = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            values.put("status", filter.status().name());
        }
        if (filter.assignee() != null) {
            where.append(" AND assignee = :assignee");
            values.put("assignee", filter.assignee());
        }
        if (filter.form() != null) {
            where.append(" AND form = :form");
            values.put("form", filter.form().name());
        }
        if (filter.upgradeFrom() != null) {
            where.append(" AND upgrade_date >= :from");
            values.put("from", Date.valueOf(filter.upgradeFrom()));
        }
        if (filter.upgradeTo() != null) {
            where.append(" AND upgrade_date <= :to");
            values.put("to", Date.valueOf(filter.upgradeTo()));
        }
        if (filter.deadlineBefore() != null) {
            where.append(" AND next_deadline_at <= :deadlineBefore");
            values.put("deadlineBefore", Timestamp.from(filter.deadlineBefore()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM ticket_summary" + where).params(values)
                .query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(values);
        paged.put("limit", size);
        paged.put("offset", (long) page * size);
        List<TicketQueuePage.Item> items = jdbc.sql("SELECT * FROM ticket_summary" + where
                        + " ORDER BY created_at, ticket_id LIMIT :limit OFFSET :offset")
                .params(paged)
                .query((rs, row) -> item(rs))
                .list();
        return new TicketQueuePage(items, total, page, size);
    }

    private void insert(TicketEvent event, String engagementId, String organisation, TicketForm form,
                        TicketPriority priority, int migrationProblems, long sequence, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", event.ticketId());
        values.put("caseId", event.caseId());
        values.put("engagementId", engagementId);
        values.put("organisation", organisation);
        values.put("form", form.name());
        values.put("priority", priority.name());
        values.put("problems", migrationProblems);
        values.put("version", sequence);
        values.put("at", Timestamp.from(at));
        jdbc.sql("""
                        INSERT INTO ticket_summary (ticket_id, case_id, engagement_id, organisation, form, priority,
                            status, information_complete, deficiencies, call_state, migration_problems, created_at,
                            version, updated_at)
                        VALUES (:id, :caseId, :engagementId, :organisation, :form, :priority, 'NEW', FALSE, '[]',
                            'NONE', :problems, :at, :version, :at)
                        ON CONFLICT DO NOTHING""")
                .params(values)
                .update();
    }

    private void setUpgrade(TicketEvent event, UpgradeRequestDetails details, long sequence, Instant at) {
        Instant upgradeAt = Ticket.upgradeInstantOf(details);
        Map<String, Object> values = new HashMap<>();
        values.put("date", details.upgradeDate() == null ? null : Date.valueOf(details.upgradeDate()));
        values.put("timezone", details.upgradeTimezone());
        values.put("upgradeAt", upgradeAt == null ? null : Timestamp.from(upgradeAt));
        update(event, sequence, at, "upgrade_date = :date, upgrade_timezone = :timezone, upgrade_at = :upgradeAt",
                values);
    }

    /** Sets {@code assignments} (if any) and moves the row to the event's version; a replayed older event does nothing. */
    private void update(TicketEvent event, long sequence, Instant at, String assignments, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("id", event.ticketId());
        all.put("version", sequence);
        all.put("at", Timestamp.from(at));
        String set = (assignments == null ? "" : assignments + ", ") + "version = :version, updated_at = :at";
        jdbc.sql("UPDATE ticket_summary SET " + set + " WHERE ticket_id = :id AND version <= :version")
                .params(all)
                .update();
        // kept by the projection rather than as a generated column: H2 (the local run) has no STORED columns
        jdbc.sql("""
                        UPDATE ticket_summary SET next_deadline_at = LEAST(call_link_due_at, call_due_at, on_hold_until)
                        WHERE ticket_id = :id""")
                .param("id", event.ticketId())
                .update();
    }

    private TicketView view(ResultSet rs) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        String csm = rs.getString("csm");
        List<TicketView.Follower> followers = csm == null ? List.of()
                : List.of(new TicketView.Follower(csm, "CSM", rs.getString("csm_source")));
        List<TicketView.PendingDeadline> deadlines = new ArrayList<>();
        addDeadline(deadlines, TicketDeadlines.REVIEW_CALL_LINK, rs.getTimestamp("call_link_due_at"));
        addDeadline(deadlines, TicketDeadlines.REVIEW_CALL, rs.getTimestamp("call_due_at"));
        addDeadline(deadlines, TicketDeadlines.ON_HOLD, rs.getTimestamp("on_hold_until"));
        deadlines.sort(Comparator.comparing(TicketView.PendingDeadline::dueAt));
        String reasons = rs.getString("postponement_reasons");
        String ticketId = rs.getString("ticket_id");
        return new TicketView(
                ticketId,
                rs.getString("case_id"),
                rs.getString("engagement_id"),
                rs.getString("organisation"),
                TicketForm.valueOf(rs.getString("form")),
                TicketPriority.valueOf(rs.getString("priority")),
                status,
                status.label(),
                rs.getString("assignee"),
                followers,
                rs.getString("pairing_engineer"),
                rs.getBoolean("information_complete"),
                jsonMapper.readValue(rs.getString("deficiencies"), DEFICIENCIES),
                localDate(rs.getDate("upgrade_date")),
                rs.getString("upgrade_timezone"),
                instant(rs.getTimestamp("upgrade_at")),
                new TicketView.ReviewCall(rs.getString("call_state"), rs.getString("call_link_timing"),
                        rs.getString("call_link_warning")),
                List.copyOf(deadlines),
                rs.getString("outcome"),
                reasons == null ? List.of() : Arrays.asList(reasons.split(",")),
                rs.getInt("migration_problems"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(),
                "/tickets/" + ticketId + "/history");
    }

    private static TicketQueuePage.Item item(ResultSet rs) throws SQLException {
        return new TicketQueuePage.Item(
                rs.getString("ticket_id"),
                rs.getString("engagement_id"),
                rs.getString("organisation"),
                TicketForm.valueOf(rs.getString("form")),
                TicketPriority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                rs.getString("assignee"),
                localDate(rs.getDate("upgrade_date")),
                instant(rs.getTimestamp("upgrade_at")),
                instant(rs.getTimestamp("next_deadline_at")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static void addDeadline(List<TicketView.PendingDeadline> into, String name, Timestamp dueAt) {
        if (dueAt != null) {
            into.add(new TicketView.PendingDeadline(name, dueAt.toInstant()));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
