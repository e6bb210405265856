package com.upgradecoordination.review.api;

import org.axonframework.serialization.Revision;

/** Support's feedback on the upgrade and rollback plans (SPEC T6); either may be null. */
@Revision("1")
public record PlanFeedbackProvidedEvent(
        String ticketId,
        String caseId,
        String upgradePlanFeedback,
        String rollbackPlanFeedback) implements TicketEvent {
}
