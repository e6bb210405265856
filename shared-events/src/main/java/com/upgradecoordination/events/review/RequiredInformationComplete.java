package com.upgradecoordination.events.review;

import com.upgradecoordination.events.EventContract;
import com.upgradecoordination.events.Topics;

/** The request's required information is complete and correct (SPEC T4). */
@EventContract(type = "RequiredInformationComplete", version = 1, topic = Topics.REVIEW)
public record RequiredInformationComplete(
        String ticketId,
        String engagementId) {
}
