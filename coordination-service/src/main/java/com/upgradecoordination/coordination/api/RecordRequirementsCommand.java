package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param peakRps optional peak API requests per second */
public record RecordRequirementsCommand(
        @TargetAggregateIdentifier String engagementId,
        int currentUsers,
        int expectedUsers,
        int growthHorizonMonths,
        Integer peakRps,
        boolean highAvailability,
        boolean geo,
        LocalDate targetCompletionDate) {
}
