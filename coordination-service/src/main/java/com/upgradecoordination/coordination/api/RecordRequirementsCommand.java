package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * @param peakRps         optional peak API requests per second
 * @param expectedVersion the engagement's version the sender based this on (If-Match); null: no check
 */
public record RecordRequirementsCommand(
        @TargetAggregateIdentifier String engagementId,
        int currentUsers,
        int expectedUsers,
        int growthHorizonMonths,
        Integer peakRps,
        boolean highAvailability,
        boolean geo,
        LocalDate targetCompletionDate,
        @TargetAggregateVersion Long expectedVersion) {
}
