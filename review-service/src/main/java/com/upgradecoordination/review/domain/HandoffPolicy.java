package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import com.upgradecoordination.platform.security.Roles;
import java.util.List;
import java.util.Optional;

/**
 * T8: a ticket changes hands by its assignee or a Support Manager, to another engineer, after a
 * recorded sync with that engineer.
 */
@FunctionalInterface
interface HandoffPolicy {

    /** @param toEngineer and {@code handedOffBy} stripped */
    Optional<Rejection> check(Ticket ticket, String toEngineer, String handedOffBy, String handedOffByRole);

    HandoffPolicy byTheAssigneeOrAManager = (ticket, toEngineer, by, byRole) ->
            ticket.assignment.assignee().equals(by) || Roles.SUPPORT_MANAGER.equals(byRole) ? none()
                    : because("handoff-by-assignee", "Only the assignee " + ticket.assignment.assignee()
                            + " or a Support Manager hands the ticket off");

    HandoffPolicy toAnotherEngineer = (ticket, toEngineer, by, byRole) ->
            toEngineer.equals(ticket.assignment.assignee())
                    ? because("handoff-to-assignee", toEngineer + " already has the ticket")
                    : none();

    HandoffPolicy afterARecordedSync = (ticket, toEngineer, by, byRole) ->
            ticket.assignment.hasSyncedWith(toEngineer) ? none()
                    : because("handoff-needs-sync", "Record the sync with " + toEngineer + " before handing the ticket off");

    List<HandoffPolicy> ALL = List.of(byTheAssigneeOrAManager, toAnotherEngineer, afterARecordedSync);
}
