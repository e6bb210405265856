package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Feedback on the upgrade plan and the rollback plan (SPEC T6); at least one. */
public record ProvidePlanFeedbackCommand(
        @TargetAggregateIdentifier String ticketId,
        String upgradePlanFeedback,
        String rollbackPlanFeedback,
        @TargetAggregateVersion Long expectedVersion) {
}
