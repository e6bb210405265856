package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** @param outcome COMPLETED or CANCELLED */
@EventContract(type = "EngagementClosed", version = 1, topic = Topics.COORDINATION)
public record EngagementClosed(String engagementId, String outcome) {
}
