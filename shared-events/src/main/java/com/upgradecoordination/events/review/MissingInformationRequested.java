package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.util.List;

/** The request lacks required information; the customer is asked for it and the ticket is pending (SPEC T4). */
@EventContract(type = "MissingInformationRequested", version = 1, topic = Topics.REVIEW)
public record MissingInformationRequested(
        String ticketId,
        String engagementId,
        List<TicketDeficiency> deficiencies) {
}
