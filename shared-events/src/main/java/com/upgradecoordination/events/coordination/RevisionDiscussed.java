package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * How a revision towards the reference was discussed (SPEC C6b).
 *
 * @param outcome WILL_REVISE (a new plan version is expected), CANNOT_REVISE or WILL_NOT_REVISE
 */
@EventContract(type = "RevisionDiscussed", version = 1, topic = Topics.COORDINATION)
public record RevisionDiscussed(String engagementId, int planVersion, String outcome, String notes) {
}
