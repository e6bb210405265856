package com.upgradecoordination.review.domain;

import static com.upgradecoordination.review.domain.Rejection.because;
import static com.upgradecoordination.review.domain.Rejection.none;

import com.upgradecoordination.platform.security.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may take a ticket and whom its assignee may pair with (SPEC T2, T6): the taker is a Support
 * engineer, a ticket has one assignee until a handoff, and pairing is with another engineer, once.
 *
 * @see HandoffPolicy
 */
@FunctionalInterface
interface AssignmentPolicy {

    /** The roles that take, work on and hand off tickets. */
    Set<String> SUPPORT_ROLES = Set.of(Roles.SUPPORT_ENGINEER, Roles.SENIOR_SUPPORT_ENGINEER, Roles.SUPPORT_MANAGER);

    /**
     * @param engineer the engineer, stripped: who takes the ticket or who is asked to pair
     * @param role     the role the engineer acts in; only taking a ticket asks for it
     */
    Optional<Rejection> check(Ticket ticket, String engineer, String role);

    AssignmentPolicy supportEngineersTake = (ticket, engineer, role) -> role != null && SUPPORT_ROLES.contains(role)
            ? none()
            : because("support-engineer-required", "Only a Support engineer takes a ticket; " + engineer + " acts as "
                    + role);

    AssignmentPolicy oneAssigneeUntilHandoff = (ticket, engineer, role) -> ticket.assignment.assignee() == null
            ? none()
            : because("ticket-already-assigned", "Ticket " + ticket.ref().ticketId() + " is assigned to "
                    + ticket.assignment.assignee() + "; it changes hands by a handoff");

    AssignmentPolicy pairWithAnotherEngineer = (ticket, engineer, role) ->
            engineer.equals(ticket.assignment.assignee())
                    ? because("pairing-with-assignee",
                            engineer + " is the assignee; pair with another engineer who has an upgrade focus")
                    : none();

    AssignmentPolicy pairOnce = (ticket, engineer, role) -> engineer.equals(ticket.assignment.pairingEngineer())
            ? because("pairing-already-requested", "Pairing with " + engineer + " is already requested")
            : none();

    List<AssignmentPolicy> TAKING = List.of(supportEngineersTake, oneAssigneeUntilHandoff);

    List<AssignmentPolicy> PAIRING = List.of(pairWithAnotherEngineer, pairOnce);
}
