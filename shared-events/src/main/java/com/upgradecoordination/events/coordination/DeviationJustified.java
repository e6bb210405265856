package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * The customer cannot or will not follow the reference architecture, and why (SPEC C6c).
 *
 * @param reasonCategory COMPANY_POLICY, BUDGET or OTHER
 */
@EventContract(type = "DeviationJustified", version = 1, topic = Topics.COORDINATION)
public record DeviationJustified(String engagementId, int planVersion, String reasonCategory, String explanation) {
}
