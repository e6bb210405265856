package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param problemId chosen by the sender */
public record ReportMigrationProblemCommand(@TargetAggregateIdentifier String engagementId, String problemId,
                                            String description, @TargetAggregateVersion Long expectedVersion) {
}
