package com.upgradecoordination.review.messaging;

import com.upgradecoordination.events.coordination.EngagementOpened;
import com.upgradecoordination.events.coordination.MigrationProblemReported;
import com.upgradecoordination.platform.domain.CommandInput;
import com.upgradecoordination.platform.inbox.InboundEvent;
import com.upgradecoordination.review.api.AddCsmAsFollowerCommand;
import com.upgradecoordination.review.api.NoteMigrationProblemCommand;
import com.upgradecoordination.review.api.OpenMigrationProblemTicketCommand;
import com.upgradecoordination.review.readmodel.EngagementDirectory;
import com.upgradecoordination.review.readmodel.EngagementTicketIndex;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What tickets take from coordination-service: each engagement's organisation and CSM
 * (EngagementOpened, so the CSM follows the organisation's tickets, SPEC T3), and migration
 * problems routed to Support, which open a ticket for the engagement or join its open one (C8).
 * Each holds the engagement's row in the {@link EngagementDirectory} before it looks for the
 * engagement's ticket, as filing a ticket does before it looks for the CSM, so a ticket being filed
 * meanwhile is waited for and found. {@link CoordinationSubscriptions#ticketCoordinationEvents}
 * subscribes these effects.
 */
@Component
public class TicketCoordination {

    /** Problems routed to Professional Services are theirs, not Support's. */
    static final String ROUTED_TO_SUPPORT = "SUPPORT";

    /** The longest engagement id a ticket takes, as its command checks it. */
    static final int MAX_ENGAGEMENT_ID = 100;

    private final EngagementDirectory directory;
    private final EngagementTicketIndex engagementTickets;

    public TicketCoordination(EngagementDirectory directory, EngagementTicketIndex engagementTickets) {
        this.directory = directory;
        this.engagementTickets = engagementTickets;
    }

    void engagementOpened(EngagementOpened opened, InboundEvent inbound) {
        if (isBlank(opened.engagementId()) || isBlank(opened.customerOrganisation()) || isBlank(opened.csm())) {
            throw new IllegalArgumentException("EngagementOpened: engagementId, customerOrganisation and csm required");
        }
        EngagementDirectory.Entry engagement = new EngagementDirectory.Entry(opened.engagementId(),
                opened.customerOrganisation().strip(), opened.csm().strip());
        // holds the engagement's row: a ticket being filed for it waits, or has committed and is found below
        directory.record(engagement, inbound.envelope().occurredAt());
        // a ticket filed before the engagement's opening arrived gets its CSM now (once: it ignores a second)
        engagementTickets.openTicketOf(engagement.engagementId()).ifPresent(ticketId ->
                inbound.commands().send(new AddCsmAsFollowerCommand(ticketId, engagement.csm())));
    }

    void problemReported(MigrationProblemReported problem, InboundEvent inbound) {
        if (ROUTED_TO_SUPPORT.equals(problem.routedTo())) {
            inbound.commands().send(commandFor(problem));
        }
    }

    /** Joins the engagement's open ticket, or opens one, with the customer and CSM if the engagement is known. */
    private Object commandFor(MigrationProblemReported problem) {
        // refused (not retried) before a too long id reaches the directory's column and fails there
        CommandInput.require(problem.engagementId(), "engagementId", MAX_ENGAGEMENT_ID);
        String engagementId = problem.engagementId().strip();
        // held first, so a ticket being filed for the engagement is waited for and joined, not missed
        Optional<EngagementDirectory.Entry> engagement = directory.hold(engagementId);
        Optional<String> openTicket = engagementTickets.openTicketOf(engagementId);
        if (openTicket.isPresent()) {
            return new NoteMigrationProblemCommand(openTicket.get(), problem.problemId(), problem.description());
        }
        return new OpenMigrationProblemTicketCommand(UUID.randomUUID().toString(), engagementId,
                engagement.map(EngagementDirectory.Entry::customerOrganisation).orElse(null),
                engagement.map(EngagementDirectory.Entry::csm).orElse(null),
                problem.problemId(), problem.description());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
