package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param requestId chosen by the sender, to answer the request later */
public record RequestInternalAssistanceCommand(@TargetAggregateIdentifier String engagementId, String requestId,
                                               AssistingTeam team, String question,
                                               @TargetAggregateVersion Long expectedVersion) {
}
