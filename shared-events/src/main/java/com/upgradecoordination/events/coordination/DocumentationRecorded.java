package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** Where the deviation and its review are documented, e.g. the collaboration project's wiki (SPEC C6h). */
@EventContract(type = "DocumentationRecorded", version = 1, topic = Topics.COORDINATION)
public record DocumentationRecorded(String engagementId, int planVersion, String location) {
}
