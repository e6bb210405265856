package com.upgradecoordination.review.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.platform.domain.RecordedRuleViolationException;
import com.upgradecoordination.review.api.ReviewCallHeldEvent;
import com.upgradecoordination.review.api.ReviewCallLinkOverdueEvent;
import com.upgradecoordination.review.api.ReviewCallLinkRefusedEvent;
import com.upgradecoordination.review.api.ReviewCallLinkSentEvent;
import com.upgradecoordination.review.api.ReviewCallLinkTiming;
import com.upgradecoordination.review.api.ReviewCallMissedEvent;
import com.upgradecoordination.review.api.ReviewCallRequestedEvent;
import com.upgradecoordination.review.api.UpgradeRescheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The 30-minute review call before the upgrade (SPEC T7): requested, its booking link sent, held or
 * missed, and the deadlines that watch the link and the call ({@link TicketDeadlines}). A member of
 * {@link Ticket}, which checks the ticket-wide rules and the {@link ReviewCallPolicy} first.
 */
class ReviewCall {

    /** The booking link goes out at least this long before the upgrade; later is refused. */
    static final Duration LINK_MINIMUM = Duration.ofDays(2);
    /** ... and preferably this long; between the two it is accepted with a warning. */
    static final Duration LINK_PREFERRED = Duration.ofDays(3);

    private boolean requested;
    private Instant linkSentAt;
    private boolean held;
    private boolean missed;

    ReviewCall() {
        // no call asked for yet; also for snapshots
    }

    boolean requested() {
        return requested;
    }

    Instant linkSentAt() {
        return linkSentAt;
    }

    boolean held() {
        return held;
    }

    boolean missed() {
        return missed;
    }

    void request(TicketRef ticket, Instant upgradeAt, DeadlineManager deadlines, Clock clock) {
        apply(new ReviewCallRequestedEvent(ticket.ticketId(), ticket.caseId(), upgradeAt,
                upgradeAt.minus(LINK_MINIMUM)));
        scheduleDeadlines(ticket, upgradeAt, true, deadlines, clock);
    }

    /**
     * The link goes out 2 days or more before the upgrade; 2 to 3 days is accepted with a warning.
     * Later is refused, and the refusal is recorded.
     */
    void sendLink(TicketRef ticket, Instant upgradeAt, DeadlineManager deadlines, Clock clock) {
        Instant now = clock.instant();
        Duration lead = Duration.between(now, upgradeAt);
        ReviewCallLinkTiming timing = timingOf(lead);
        if (timing == ReviewCallLinkTiming.TOO_LATE) {
            String reason = "The booking link must go out at least 2 days before the upgrade at " + upgradeAt
                    + "; it is " + describe(lead) + " away. Recommend postponing the upgrade instead.";
            apply(new ReviewCallLinkRefusedEvent(ticket.ticketId(), ticket.caseId(), upgradeAt, now, lead.toMinutes(),
                    reason));
            throw new RecordedRuleViolationException("review-call-link-too-late", reason);
        }
        String warning = timing == ReviewCallLinkTiming.LATE_WITH_WARNING
                ? "Sent " + describe(lead) + " before the upgrade; Support prefers 3 days" : null;
        apply(new ReviewCallLinkSentEvent(ticket.ticketId(), ticket.caseId(), upgradeAt, now, lead.toMinutes(), timing,
                warning));
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL_LINK);
    }

    void hold(TicketRef ticket, String notes, DeadlineManager deadlines) {
        apply(new ReviewCallHeldEvent(ticket.ticketId(), ticket.caseId(), notes));
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL);
    }

    /** T10: how a link already sent stands against a new upgrade time; null while none was sent. */
    ReviewCallLinkTiming sentLinkTimingFor(Instant newUpgradeAt) {
        return linkSentAt == null ? null : timingOf(Duration.between(linkSentAt, newUpgradeAt));
    }

    /** When an awaited link is due for a new upgrade time; null while no link is awaited. */
    Instant linkDueByFor(Instant newUpgradeAt) {
        return linkAwaited() ? newUpgradeAt.minus(LINK_MINIMUM) : null;
    }

    /** T10: the call's deadlines move with the upgrade while the call is still to come. */
    void followUpgrade(TicketRef ticket, Instant newUpgradeAt, DeadlineManager deadlines, Clock clock) {
        if (requested && !held) {
            scheduleDeadlines(ticket, newUpgradeAt, linkAwaited(), deadlines, clock);
        }
    }

    /** Nothing waits on the upgrade any more. */
    static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL_LINK);
        deadlines.cancelAllWithinScope(TicketDeadlines.REVIEW_CALL);
    }

    /** The link deadline came: overdue unless sent, or unless the upgrade it was set for has moved. */
    void linkDue(TicketRef ticket, TicketDeadlines.ReviewCallLinkDue due, Instant upgradeAt) {
        if (linkAwaited() && due.upgradeAt().equals(upgradeAt)) {
            apply(new ReviewCallLinkOverdueEvent(ticket.ticketId(), ticket.caseId(), due.upgradeAt(),
                    due.upgradeAt().minus(LINK_MINIMUM)));
        }
    }

    /** The upgrade time came: the call is missed unless held, or unless the upgrade has moved. */
    void callDue(TicketRef ticket, TicketDeadlines.ReviewCallDue due, Instant upgradeAt) {
        if (requested && !held && !missed && due.upgradeAt().equals(upgradeAt)) {
            apply(new ReviewCallMissedEvent(ticket.ticketId(), ticket.caseId(), due.upgradeAt()));
        }
    }

    static ReviewCallLinkTiming timingOf(Duration lead) {
        if (lead.compareTo(LINK_MINIMUM) < 0) {
            return ReviewCallLinkTiming.TOO_LATE;
        }
        return lead.compareTo(LINK_PREFERRED) < 0 ? ReviewCallLinkTiming.LATE_WITH_WARNING : ReviewCallLinkTiming.IN_TIME;
    }

    private boolean linkAwaited() {
        return requested && linkSentAt == null;
    }

    /** The link deadline when a link is awaited (at once if its time has passed) and the call deadline. */
    private static void scheduleDeadlines(TicketRef ticket, Instant upgradeAt, boolean linkAwaited,
                                          DeadlineManager deadlines, Clock clock) {
        cancelDeadlines(deadlines);
        if (linkAwaited) {
            Instant linkDueBy = upgradeAt.minus(LINK_MINIMUM);
            Instant now = clock.instant();
            deadlines.schedule(linkDueBy.isAfter(now) ? linkDueBy : now, TicketDeadlines.REVIEW_CALL_LINK,
                    new TicketDeadlines.ReviewCallLinkDue(ticket.ticketId(), upgradeAt));
        }
        deadlines.schedule(upgradeAt, TicketDeadlines.REVIEW_CALL,
                new TicketDeadlines.ReviewCallDue(ticket.ticketId(), upgradeAt));
    }

    private static String describe(Duration lead) {
        if (lead.isNegative()) {
            return "already past";
        }
        return lead.toDays() + " days " + lead.toHoursPart() + " hours " + lead.toMinutesPart() + " minutes";
    }

    @EventSourcingHandler
    void on(ReviewCallRequestedEvent event) {
        requested = true;
    }

    @EventSourcingHandler
    void on(ReviewCallLinkSentEvent event) {
        linkSentAt = event.sentAt();
    }

    @EventSourcingHandler
    void on(ReviewCallHeldEvent event) {
        held = true;
    }

    @EventSourcingHandler
    void on(ReviewCallMissedEvent event) {
        missed = true;
    }

    /** A missed call belonged to the old date; the new date gives the call another chance. */
    @EventSourcingHandler
    void on(UpgradeRescheduledEvent event) {
        missed = false;
    }
}
