package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.PersonalData;
import com.upgradecoordination.events.Topics;

/** The triaging engineer took the ticket (SPEC T2). */
@EventContract(type = "TicketAssigned", version = 1, topic = Topics.REVIEW)
public record TicketAssigned(
        String ticketId,
        String engagementId,
        @PersonalData String assignee) {
}
