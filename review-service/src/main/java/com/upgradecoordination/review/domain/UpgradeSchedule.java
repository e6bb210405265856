package com.upgradecoordination.review.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.review.api.OnHoldExpiredEvent;
import com.upgradecoordination.review.api.UpgradeOutcome;
import com.upgradecoordination.review.api.UpgradeOutcomeReportedEvent;
import com.upgradecoordination.review.api.UpgradeScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The scheduled upgrade and the on-hold period that waits for its outcome (SPEC T9), with the
 * deadline that ends the period ({@link TicketDeadlines#ON_HOLD}). A member of {@link Ticket}.
 */
class UpgradeSchedule {

    /** An on-hold ticket without outcome comes back to open after this long. */
    static final Duration ON_HOLD_LIMIT = Duration.ofDays(4);

    private boolean scheduled;
    private Instant onHoldUntil;

    UpgradeSchedule() {
        // nothing scheduled; also for snapshots
    }

    boolean scheduled() {
        return scheduled;
    }

    Instant onHoldUntil() {
        return onHoldUntil;
    }

    void schedule(TicketRef ticket, Instant upgradeAt, DeadlineManager deadlines, Clock clock) {
        Instant until = clock.instant().plus(ON_HOLD_LIMIT);
        apply(new UpgradeScheduledEvent(ticket.ticketId(), ticket.caseId(), upgradeAt, until));
        deadlines.cancelAllWithinScope(TicketDeadlines.ON_HOLD);
        deadlines.schedule(until, TicketDeadlines.ON_HOLD, new TicketDeadlines.OnHoldExpiry(ticket.ticketId(), until));
    }

    void reportOutcome(TicketRef ticket, UpgradeOutcome outcome, String notes, DeadlineManager deadlines) {
        apply(new UpgradeOutcomeReportedEvent(ticket.ticketId(), ticket.caseId(), outcome, notes));
        deadlines.cancelAllWithinScope(TicketDeadlines.ON_HOLD);
    }

    /** The on-hold deadline came; true when it belongs to the current period, which then expires. */
    boolean expire(TicketRef ticket, TicketDeadlines.OnHoldExpiry due) {
        if (!due.onHoldUntil().equals(onHoldUntil)) {
            return false;
        }
        apply(new OnHoldExpiredEvent(ticket.ticketId(), ticket.caseId(), onHoldUntil));
        return true;
    }

    @EventSourcingHandler
    void on(UpgradeScheduledEvent event) {
        scheduled = true;
        onHoldUntil = event.onHoldUntil();
    }

    @EventSourcingHandler
    void on(UpgradeOutcomeReportedEvent event) {
        scheduled = false;
        onHoldUntil = null;
    }
}
