package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * The reference-architecture size derived from the requirements (SPEC C2).
 *
 * @param size     1k, 2k, 3k, 5k, 10k, 25k or 50k
 * @param sizedBy  USERS or RPS: which of the two requirements decided the size
 */
@EventContract(type = "ReferenceArchitectureMatched", version = 1, topic = Topics.COORDINATION)
public record ReferenceArchitectureMatched(String engagementId, String size, String sizedBy) {
}
