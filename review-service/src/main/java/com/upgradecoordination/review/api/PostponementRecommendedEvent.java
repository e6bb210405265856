package com.upgradecoordination.review.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Support recommends postponing the upgrade (SPEC T10). */
@Revision("1")
public record PostponementRecommendedEvent(
        String ticketId,
        String caseId,
        List<PostponementReason> reasons,
        String explanation) implements TicketEvent {
}
