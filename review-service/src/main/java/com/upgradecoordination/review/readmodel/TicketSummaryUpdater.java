package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.platform.readmodel.Columns;
import com.upgradecoordination.platform.readmodel.ProjectionTable;
import com.upgradecoordination.review.api.CsmAddedAsFollowerEvent;
import com.upgradecoordination.review.api.CustomerInformationProvidedEvent;
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
import com.upgradecoordination.review.api.TicketStatusChangedEvent;
import com.upgradecoordination.review.api.UpgradeAssistanceRequestedEvent;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeRequestDetails;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import com.upgradecoordination.review.domain.Ticket;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code ticket_summary} in step with the event store: one row per ticket with its status,
 * deficiencies, followers, review-call state and pending deadlines. It can be dropped and replayed;
 * {@link TicketSummaryProjection} reads it.
 */
@Component
@ProcessingGroup("ticket-summary")
class TicketSummaryUpdater {

    // kept by the projection rather than as a generated column: H2 (the local run) has no STORED columns
    private static final String NEXT_DEADLINE = """
            UPDATE ticket_summary SET next_deadline_at = LEAST(call_link_due_at, call_due_at, on_hold_until)
            WHERE ticket_id = :id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionTable tickets;
    private final JsonMapper json;

    TicketSummaryUpdater(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.tickets = new ProjectionTable(jdbc, "ticket_summary", "ticket_id");
        this.json = json;
    }

    @EventHandler
    void on(UpgradeAssistanceRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        tickets.insert(event.ticketId(), sequence, at, withUpgrade(opened(event, event.engagementId(),
                event.organisation(), event.form(), event.priority(), 0, at), event.details()));
    }

    @EventHandler
    void on(TicketOpenedForMigrationProblemEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        tickets.insert(event.ticketId(), sequence, at, opened(event, event.engagementId(), event.organisation(),
                TicketForm.MIGRATION_PROBLEM, event.priority(), 1, at));
    }

    @EventHandler
    void on(MigrationProblemNotedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of().compute("migration_problems", "migration_problems + 1"));
    }

    @EventHandler
    void on(CsmAddedAsFollowerEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("csm", event.csm(), "csm_source", event.source()));
    }

    @EventHandler
    void on(MissingInformationRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("information_complete", false,
                "deficiencies", json.writeValueAsString(event.deficiencies())));
    }

    @EventHandler
    void on(RequiredInformationCompleteEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("information_complete", true, "deficiencies", "[]"));
    }

    @EventHandler
    void on(CustomerInformationProvidedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, withUpgrade(Columns.of(), event.details()));
    }

    @EventHandler
    void on(TicketAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("assignee", event.assignee()));
    }

    @EventHandler
    void on(TicketHandedOffEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("assignee", event.toEngineer()));
    }

    @EventHandler
    void on(PairingRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("pairing_engineer", event.engineer()));
    }

    @EventHandler
    void on(ReviewCallRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("call_state", "REQUESTED", "call_link_due_at", event.linkDueBy(),
                "call_due_at", event.upgradeAt()));
    }

    @EventHandler
    void on(ReviewCallLinkSentEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("call_state", "LINK_SENT", "call_link_due_at", null,
                "call_link_timing", event.timing(), "call_link_warning", event.warning()));
    }

    @EventHandler
    void on(ReviewCallLinkOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("call_state", "LINK_OVERDUE", "call_link_due_at", null));
    }

    @EventHandler
    void on(ReviewCallHeldEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("call_state", "HELD", "call_due_at", null));
    }

    @EventHandler
    void on(ReviewCallMissedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("call_state", "MISSED", "call_due_at", null));
    }

    @EventHandler
    void on(UpgradeScheduledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("on_hold_until", event.onHoldUntil()));
    }

    @EventHandler
    void on(OnHoldExpiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("on_hold_until", null));
    }

    /** Nothing waits on the upgrade any more: its deadlines are gone. */
    @EventHandler
    void on(UpgradeOutcomeReportedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("outcome", event.outcome(), "on_hold_until", null,
                "call_link_due_at", null, "call_due_at", null));
    }

    @EventHandler
    void on(PostponementRecommendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("postponement_reasons",
                String.join(",", event.reasons().stream().map(Enum::name).toList())));
    }

    /**
     * The call's deadlines move with the upgrade, as the aggregate moved them (Ticket's reschedule);
     * a call not yet due or done stays as it stood.
     */
    @EventHandler
    void on(UpgradeRescheduledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Columns columns = Columns.of("upgrade_date", event.upgradeDate(), "upgrade_timezone", event.upgradeTimezone(),
                        "upgrade_at", event.upgradeAt(), "call_link_due_at", event.linkDueBy())
                .compute("call_due_at", "CASE WHEN call_state IN ('NONE', 'HELD') THEN NULL "
                        + "ELSE CAST(:upgrade_at AS TIMESTAMP WITH TIME ZONE) END");
        if (event.linkDueBy() != null) {
            columns.set("call_state", "REQUESTED");
        } else {
            columns.compute("call_state", "CASE WHEN call_state = 'MISSED' THEN 'LINK_SENT' ELSE call_state END");
        }
        if (event.sentLinkTiming() != null) {
            columns.set("call_link_timing", event.sentLinkTiming()).set("call_link_warning",
                    event.sentLinkTiming() == ReviewCallLinkTiming.TOO_LATE
                            ? "The booking link went out under 2 days before the new upgrade time" : null);
        }
        update(event, sequence, at, columns);
    }

    @EventHandler
    void on(TicketStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of("status", event.to()));
    }

    /** Any other ticket event (plan feedback, handoff sync, refusals, closing) only moves the version. */
    @EventHandler
    void on(TicketEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, Columns.of());
    }

    @ResetHandler
    void dropAll() {
        tickets.deleteAll();
    }

    private static Columns opened(TicketEvent event, String engagementId, String organisation, TicketForm form,
                                  TicketPriority priority, int migrationProblems, Instant at) {
        return Columns.of("case_id", event.caseId(), "engagement_id", engagementId, "organisation", organisation,
                "form", form, "priority", priority, "status", "NEW", "information_complete", false,
                "deficiencies", "[]", "call_state", "NONE", "migration_problems", migrationProblems,
                "created_at", at);
    }

    private static Columns withUpgrade(Columns columns, UpgradeRequestDetails details) {
        return columns.set("upgrade_date", details.upgradeDate()).set("upgrade_timezone", details.upgradeTimezone())
                .set("upgrade_at", Ticket.upgradeInstantOf(details));
    }

    /** Applies the columns unless the row is at the event's version already, then its next deadline. */
    private void update(TicketEvent event, long sequence, Instant at, Columns columns) {
        if (tickets.update(event.ticketId(), sequence, at, columns)) {
            jdbc.update(NEXT_DEADLINE, Map.of("id", event.ticketId()));
        }
    }
}
