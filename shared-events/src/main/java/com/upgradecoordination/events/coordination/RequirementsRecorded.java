package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.time.LocalDate;

/** The customer's requirements for the new infrastructure (SPEC C2). peakRps is optional. */
@EventContract(type = "RequirementsRecorded", version = 1, topic = Topics.COORDINATION)
public record RequirementsRecorded(
        String engagementId,
        int currentUsers,
        int expectedUsers,
        int growthHorizonMonths,
        Integer peakRps,
        boolean highAvailability,
        boolean geo,
        LocalDate targetCompletionDate) {
}
