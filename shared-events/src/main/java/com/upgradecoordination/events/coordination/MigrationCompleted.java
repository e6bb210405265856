package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The migration is done (SPEC C8). */
@EventContract(type = "MigrationCompleted", version = 1, topic = Topics.COORDINATION)
public record MigrationCompleted(String engagementId, int planVersion) {
}
