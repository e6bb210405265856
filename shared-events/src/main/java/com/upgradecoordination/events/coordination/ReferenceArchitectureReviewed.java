package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The customer knows and has reviewed the reference architecture for their size (SPEC C6a). */
@EventContract(type = "ReferenceArchitectureReviewed", version = 1, topic = Topics.COORDINATION)
public record ReferenceArchitectureReviewed(String engagementId, int planVersion) {
}
