package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The migration starts on a conforming plan or an accepted deviation (SPEC C8). */
@EventContract(type = "MigrationStarted", version = 1, topic = Topics.COORDINATION)
public record MigrationStarted(String engagementId, int planVersion) {
}
