package com.upgradecoordination.review.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.upgradecoordination.review.api.HandoffSyncRecordedEvent;
import com.upgradecoordination.review.api.PairingRequestedEvent;
import com.upgradecoordination.review.api.TicketAssignedEvent;
import com.upgradecoordination.review.api.TicketHandedOffEvent;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * Who works on the ticket (SPEC T2, T6, T8): the assignee, the engineer asked to pair, and the
 * syncs that let the ticket change hands. A member of {@link Ticket}.
 */
class TicketAssignment {

    private String assignee;
    private String pairingEngineer;
    /** Engineers the current assignee synced with since the last handoff, with the notes of the latest sync. */
    private final Map<String, String> syncsWith = new HashMap<>();

    TicketAssignment() {
        // unassigned; also for snapshots
    }

    String assignee() {
        return assignee;
    }

    String pairingEngineer() {
        return pairingEngineer;
    }

    boolean hasSyncedWith(String engineer) {
        return syncsWith.containsKey(engineer);
    }

    void take(TicketRef ticket, String engineer) {
        apply(new TicketAssignedEvent(ticket.ticketId(), ticket.caseId(), engineer));
    }

    void pairWith(TicketRef ticket, String engineer) {
        apply(new PairingRequestedEvent(ticket.ticketId(), ticket.caseId(), engineer));
    }

    void recordSync(TicketRef ticket, String engineer, String notes) {
        if (engineer.equals(assignee)) {
            throw new IllegalArgumentException("engineer: the engineer who takes over, not the assignee");
        }
        apply(new HandoffSyncRecordedEvent(ticket.ticketId(), ticket.caseId(), engineer, notes));
    }

    /** The handoff carries the notes of the latest sync with the engineer who takes over. */
    void handOff(TicketRef ticket, String toEngineer) {
        apply(new TicketHandedOffEvent(ticket.ticketId(), ticket.caseId(), assignee, toEngineer,
                syncsWith.get(toEngineer)));
    }

    @EventSourcingHandler
    void on(TicketAssignedEvent event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(PairingRequestedEvent event) {
        pairingEngineer = event.engineer();
    }

    @EventSourcingHandler
    void on(HandoffSyncRecordedEvent event) {
        syncsWith.put(event.engineer(), event.notes());
    }

    @EventSourcingHandler
    void on(TicketHandedOffEvent event) {
        assignee = event.toEngineer();
        syncsWith.clear();
    }
}
