package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The request lacks required information; the list goes to the customer (SPEC T4). */
@Revision("1")
public record MissingInformationRequestedEvent(
        String ticketId,
        String caseId,
        List<InformationDeficiency> deficiencies) implements TicketEvent {
}
