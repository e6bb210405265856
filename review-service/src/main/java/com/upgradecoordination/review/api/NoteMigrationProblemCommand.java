package com.upgradecoordination.review.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Notes another migration problem on the engagement's open ticket (SPEC C8). */
public record NoteMigrationProblemCommand(
        @TargetAggregateIdentifier String ticketId,
        String problemId,
        String description) {
}
