package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record StartMigrationCommand(@TargetAggregateIdentifier String engagementId,
                            @TargetAggregateVersion Long expectedVersion) {
}
