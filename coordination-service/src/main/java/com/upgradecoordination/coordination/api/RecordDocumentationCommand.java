package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordDocumentationCommand(@TargetAggregateIdentifier String engagementId, String location,
                            @TargetAggregateVersion Long expectedVersion) {
}
