package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** Support found the plan version not supportable: a new plan version is expected (SPEC C6). */
@EventContract(type = "ReturnedToPlanning", version = 1, topic = Topics.COORDINATION)
public record ReturnedToPlanning(String engagementId, int planVersion, String reason) {
}
