package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * Steps a-h hold for the plan version and Support's verdict allows it (SPEC C6).
 *
 * @param supportVerdict SUPPORTABLE or SUPPORTABLE_WITH_CHANGES
 */
@EventContract(type = "DeviationAccepted", version = 1, topic = Topics.COORDINATION)
public record DeviationAccepted(String engagementId, int planVersion, String supportVerdict) {
}
