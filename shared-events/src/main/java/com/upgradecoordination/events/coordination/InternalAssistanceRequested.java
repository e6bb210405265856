package com.upgradecoordination.events.coordination;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/**
 * Another team is asked a specific question (SPEC C4).
 *
 * @param team PRODUCT, QUALITY, SUPPORT, ENGINEERING or OTHER
 */
@EventContract(type = "InternalAssistanceRequested", version = 1, topic = Topics.COORDINATION)
public record InternalAssistanceRequested(String engagementId, String requestId, String team, String question) {
}
