package com.upgradecoordination.review.readmodel;

import com.upgradecoordination.review.api.InformationDeficiency;
import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketPriority;
import com.upgradecoordination.review.api.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One ticket in full, as Support reads it (issue 5 item 6).
 *
 * @param statusLabel Support's word for the status, e.g. {@code on-hold}
 * @param deadlines   the ticket's pending deadlines, soonest first
 * @param history     where the ticket's full event history is
 */
public record TicketView(
        String ticketId,
        String caseId,
        String engagementId,
        String organisation,
        TicketForm form,
        TicketPriority priority,
        TicketStatus status,
        String statusLabel,
        String assignee,
        List<Follower> followers,
        String pairingEngineer,
        boolean informationComplete,
        List<InformationDeficiency> deficiencies,
        LocalDate upgradeDate,
        String upgradeTimezone,
        Instant upgradeAt,
        ReviewCall reviewCall,
        List<PendingDeadline> deadlines,
        String outcome,
        List<String> postponementReasons,
        int migrationProblems,
        Instant createdAt,
        long version,
        Instant updatedAt,
        String history) {

    /** @param source REQUEST or COORDINATION: where the CSM became known */
    public record Follower(String name, String role, String source) {
    }

    /**
     * @param state      NONE, REQUESTED, LINK_SENT, LINK_OVERDUE, HELD or MISSED
     * @param linkTiming how the booking link went out (or, after a reschedule, stands): IN_TIME,
     *                   LATE_WITH_WARNING, TOO_LATE
     */
    public record ReviewCall(String state, String linkTiming, String warning) {
    }

    /** @param name review-call-link-due, review-call-due or on-hold-expiry */
    public record PendingDeadline(String name, Instant dueAt) {
    }
}
