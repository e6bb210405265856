package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;
import java.util.List;

/** A plan version deviates from the reference architecture of its size (SPEC C5). */
@EventContract(type = "ArchitectureDeviationDetected", version = 1, topic = Topics.COORDINATION)
public record ArchitectureDeviationDetected(
        String engagementId, int planVersion, String referenceSize, List<ArchitectureDeviation> deviations) {
}
