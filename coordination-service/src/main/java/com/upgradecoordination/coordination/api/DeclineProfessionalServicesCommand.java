package com.upgradecoordination.coordination.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record DeclineProfessionalServicesCommand(@TargetAggregateIdentifier String engagementId, String reason,
                                                 @TargetAggregateVersion Long expectedVersion) {
}
