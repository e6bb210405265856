package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import com.upgradecoordination.review.api.TicketForm;
import com.upgradecoordination.review.api.TicketStatus;
import java.util.List;
import java.util.Optional;

/**
 * The rules the ticket as a whole sets for work on it (SPEC T1-T10, T13): a closed ticket refuses
 * everything, a solved one only closes; most work needs an assignee or the complete required
 * information. Each policy answers a {@link Rejection} when its rule is broken.
 */
@FunctionalInterface
interface TicketPolicy {

    Optional<Rejection> check(Ticket ticket);

    TicketPolicy notClosed = ticket -> ticket.status() == TicketStatus.CLOSED
            ? because("ticket-closed", "Ticket " + ticket.ref().ticketId() + " is closed; closed is final")
            : none();

    TicketPolicy notSolved = ticket -> ticket.status() == TicketStatus.SOLVED
            ? because("ticket-solved", "Ticket " + ticket.ref().ticketId() + " is solved; a new problem needs a new request")
            : none();

    /** Neither solved nor closed. */
    List<TicketPolicy> WORKABLE = List.of(notClosed, notSolved);

    TicketPolicy assigned = ticket -> ticket.assignment.assignee() == null
            ? because("ticket-not-assigned",
                    "Ticket " + ticket.ref().ticketId() + " has no assignee yet; an engineer takes it first")
            : none();

    /** @param toDo what the information is needed for, e.g. "book a review call" */
    static TicketPolicy informationCompleteTo(String toDo) {
        return ticket -> ticket.intake.informationComplete() ? none()
                : because("required-information-incomplete", "The required information of ticket "
                        + ticket.ref().ticketId() + " is not complete yet; it is needed to " + toDo);
    }

    /** Another problem of the engagement joins its open ticket; the same problem twice is noted once. */
    static TicketPolicy problemNotYetNoted(String problemId) {
        return ticket -> ticket.intake.hasNoted(problemId)
                ? because("migration-problem-already-noted",
                        "Migration problem " + problemId + " is already on ticket " + ticket.ref().ticketId())
                : none();
    }

    TicketPolicy notOnHold = ticket -> ticket.status() == TicketStatus.ON_HOLD
            ? because("upgrade-already-scheduled",
                    "The upgrade is already scheduled and the ticket on hold until " + ticket.upgrade.onHoldUntil())
            : none();

    /** A migration problem's ticket follows a migration already under way, so it needs no schedule. */
    TicketPolicy outcomeAwaited = ticket -> ticket.upgrade.scheduled()
            || ticket.intake.form() == TicketForm.MIGRATION_PROBLEM ? none()
            : because("upgrade-not-scheduled", "The upgrade of ticket " + ticket.ref().ticketId()
                    + " is not scheduled; there is no outcome to report");

    TicketPolicy solved = ticket -> ticket.status() == TicketStatus.SOLVED ? none()
            : because("ticket-not-solved", "Ticket " + ticket.ref().ticketId() + " is " + ticket.status().label()
                    + "; only a solved ticket closes");
}
