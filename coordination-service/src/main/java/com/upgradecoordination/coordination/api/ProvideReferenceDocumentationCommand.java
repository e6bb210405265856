package com.upgradecoordination.coordination.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ProvideReferenceDocumentationCommand(@TargetAggregateIdentifier String engagementId, List<String> links,
                                                   @TargetAggregateVersion Long expectedVersion) {
}
