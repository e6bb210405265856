package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The documentation's location was given to Support for its customer notes (SPEC C6h). */
@EventContract(type = "DocumentationSharedWithSupport", version = 1, topic = Topics.COORDINATION)
public record DocumentationSharedWithSupport(String engagementId, int planVersion) {
}
