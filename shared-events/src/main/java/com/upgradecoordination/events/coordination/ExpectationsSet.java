package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The customer was told performance and support may be affected (SPEC C6d). */
@EventContract(type = "ExpectationsSet", version = 1, topic = Topics.COORDINATION)
public record ExpectationsSet(String engagementId, int planVersion) {
}
