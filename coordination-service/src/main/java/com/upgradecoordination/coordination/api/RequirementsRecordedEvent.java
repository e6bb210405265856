package com.upgradecoordination.coordination.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RequirementsRecordedEvent(
        String engagementId,
        int currentUsers,
        int expectedUsers,
        int growthHorizonMonths,
        Integer peakRps,
        boolean highAvailability,
        boolean geo,
        LocalDate targetCompletionDate) implements EngagementEvent {
}
