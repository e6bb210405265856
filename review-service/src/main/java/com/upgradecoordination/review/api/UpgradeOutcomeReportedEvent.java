package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** The customer reported how the upgrade went (SPEC T9). */
@Revision("1")
public record UpgradeOutcomeReportedEvent(
        String ticketId,
        String caseId,
        UpgradeOutcome outcome,
        String notes) implements TicketEvent {
}
