package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordRevisionDiscussionCommand(@TargetAggregateIdentifier String engagementId, RevisionOutcome outcome, String notes,
                            @TargetAggregateVersion Long expectedVersion) {
}
