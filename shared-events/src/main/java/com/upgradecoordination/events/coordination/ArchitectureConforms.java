package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** A plan version matches the reference architecture of its size, component by component (SPEC C5). */
@EventContract(type = "ArchitectureConforms", version = 1, topic = Topics.COORDINATION)
public record ArchitectureConforms(String engagementId, int planVersion, String referenceSize) {
}
