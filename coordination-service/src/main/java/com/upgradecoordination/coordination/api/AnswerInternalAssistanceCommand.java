package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AnswerInternalAssistanceCommand(@TargetAggregateIdentifier String engagementId, String requestId,
                                              String answer, @TargetAggregateVersion Long expectedVersion) {
}
